/// `URLNormalizer.normalize` on the bytes of a URL that is printable ASCII without spaces (the common case), and its
/// query filter on bytes: each gives exactly what the general path in `URLNormalizer.swift` gives.
extension URLNormalizer {
    /// `normalize` for the common case, a URL of printable ASCII without spaces, done on bytes: there every
    /// character is one byte, so the rules below give exactly what the general path gives, at a fraction of the
    /// cost (the general path walks grapheme clusters and looks up Unicode properties). The outer nil means
    /// "not that case: take the general path"; the inner value is the answer.
    static func normalizePrintableASCII(_ raw: String) -> String?? {
        var raw = raw
        return raw.withUTF8 { all -> String?? in
            // Positions in `all` throughout (no slices of slices, no arrays): the URL is cut once, and the result
            // written into one buffer on the stack and made a string once (it is all ASCII).
            for byte in all where byte <= 0x20 || byte >= 0x7F { return nil }
            var start = 0
            var end = all.count
            if end >= 2, all[0] == UInt8(ascii: "<"), all[end - 1] == UInt8(ascii: ">") {
                start = 1
                end -= 1
            }
            // Scheme: http or https (any case), then "://".
            guard let colon = firstIndex(of: UInt8(ascii: ":"), in: all, start..<end) else { return .some(nil) }
            guard colon - start == 4 || colon - start == 5, isHTTPSSchemePrefix(all[start..<colon]) else { return .some(nil) }
            guard end - colon > 2, all[colon + 1] == UInt8(ascii: "/"), all[colon + 2] == UInt8(ascii: "/") else {
                return .some(nil)
            }
            let bodyStart = colon + 3
            var authorityEnd = bodyStart
            while authorityEnd < end, all[authorityEnd] != UInt8(ascii: "/"), all[authorityEnd] != UInt8(ascii: "?"),
                all[authorityEnd] != UInt8(ascii: "#")
            {
                authorityEnd += 1
            }
            var restEnd = end
            var fragment = end..<end
            if let hash = firstIndex(of: UInt8(ascii: "#"), in: all, authorityEnd..<end) {
                fragment = (hash + 1)..<end
                restEnd = hash
            }
            var query = restEnd..<restEnd
            if let mark = firstIndex(of: UInt8(ascii: "?"), in: all, authorityEnd..<restEnd) {
                query = (mark + 1)..<restEnd
                restEnd = mark
            }
            var authorityStart = bodyStart
            if let at = lastIndex(of: UInt8(ascii: "@"), in: all, bodyStart..<authorityEnd) { authorityStart = at + 1 }
            // The output is at most one byte longer than the input (`https://` for a scheme of at least `http://`;
            // everything else is the input's or replaces a byte of it); `ASCIIOutput` checks every write anyway.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: all.count + 8) { buffer -> String?? in
                var out = ASCIIOutput(buffer)
                out.append(contentsOf: "https://")
                guard appendNormalizedASCIIAuthority(all, authorityStart..<authorityEnd, to: &out) else { return .some(nil) }
                while restEnd > authorityEnd, all[restEnd - 1] == UInt8(ascii: "/") { restEnd -= 1 }
                let path = UnsafeBufferPointer(rebasing: all[authorityEnd..<restEnd])
                if out.count == 18 && out.hasSuffix("github.com") {
                    for byte in path { out.append(lowerASCII(byte)) }
                } else {
                    out.append(contentsOf: path)
                }
                if !query.isEmpty { appendKeptASCIIQuery(UnsafeBufferPointer(rebasing: all[query]), to: &out) }
                if let first = fragment.first, all[first] == UInt8(ascii: "/") || all[first] == UInt8(ascii: "!") {
                    out.append(UInt8(ascii: "#"))
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: all[fragment]))
                }
                return .some(out.string)
            }
        }
    }

    /// The first position of `byte` in `bytes[range]`.
    private static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var i = range.lowerBound
        while i < range.upperBound {
            if bytes[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// The last position of `byte` in `bytes[range]`.
    private static func lastIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var i = range.upperBound
        while i > range.lowerBound {
            i -= 1
            if bytes[i] == byte { return i }
        }
        return nil
    }

    /// Whether the bytes of a 4- or 5-byte scheme are the start of `https` in any case (byte by byte, no iterators).
    private static func isHTTPSSchemePrefix(_ scheme: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let https: StaticString = "https"
        return https.withUTF8Buffer { wanted in
            var k = 0
            for byte in scheme {
                if k >= wanted.count || lowerASCII(byte) != wanted[k] { return false }
                k += 1
            }
            return true
        }
    }

    /// `normalizedAuthority` for the printable-ASCII authority `bytes[range]`, lowercased as it is written to `out`;
    /// false (and nothing written) when it is not valid. Lowercasing changes only A–Z, none of which the checks
    /// below look for but the `www.` (compared lowercased) and the hex digits of an IPv6 literal (lowercased too).
    private static func appendNormalizedASCIIAuthority(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout ASCIIOutput
    ) -> Bool {
        let dot = UInt8(ascii: "."), colon = UInt8(ascii: ":")
        var host = range
        var port = range.upperBound..<range.upperBound
        if let first = range.first, bytes[first] == UInt8(ascii: "[") {
            guard let close = firstIndex(of: UInt8(ascii: "]"), in: bytes, range) else { return false }
            guard close + 1 == range.upperBound || bytes[close + 1] == colon else { return false }
            host = first..<(close + 1)
            port = min(close + 2, range.upperBound)..<range.upperBound
            guard close > first + 1 else { return false }
            for i in (first + 1)..<close {
                let byte = lowerASCII(bytes[i])
                guard (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")) || byte == colon || byte == dot
                else { return false }
            }
        } else {
            if let last = lastIndex(of: colon, in: bytes, range) {
                host = range.lowerBound..<last
                port = (last + 1)..<range.upperBound
            }
            if let last = host.last, bytes[last] == dot { host = host.lowerBound..<last }
            while host.count >= 4, lowerASCII(bytes[host.lowerBound]) == UInt8(ascii: "w"),
                lowerASCII(bytes[host.lowerBound + 1]) == UInt8(ascii: "w"),
                lowerASCII(bytes[host.lowerBound + 2]) == UInt8(ascii: "w"), bytes[host.lowerBound + 3] == dot
            {
                host = (host.lowerBound + 4)..<host.upperBound
            }
            var previous = dot
            for i in host {
                let byte = bytes[i]
                if (byte == dot && previous == dot) || isForbiddenInHost(byte) { return false }
                previous = byte
            }
            if previous == dot { return false }
        }
        guard port.count <= 5 else { return false }
        for i in port where bytes[i] < UInt8(ascii: "0") || bytes[i] > UInt8(ascii: "9") { return false }
        let defaultPort = (port.count == 2 && bytes[port.lowerBound] == UInt8(ascii: "8")
            && bytes[port.lowerBound + 1] == UInt8(ascii: "0"))
            || (port.count == 3 && bytes[port.lowerBound] == UInt8(ascii: "4")
                && bytes[port.lowerBound + 1] == UInt8(ascii: "4") && bytes[port.lowerBound + 2] == UInt8(ascii: "3"))
        for i in host { out.append(lowerASCII(bytes[i])) }
        if !port.isEmpty && !defaultPort {
            out.append(colon)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[port]))
        }
        return true
    }

    private static func lowerASCII(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// `keptQueryItems` of a printable-ASCII query, on bytes: `?` and the kept items joined by `&` appended to `out`,
    /// nothing when no item is kept. There every character is one byte (no CR LF: controls are not printable), so
    /// cutting on `&` bytes cuts where the character split cuts, and no string or array is made per item.
    static func appendKeptASCIIQuery(_ query: UnsafeBufferPointer<UInt8>, to out: inout ASCIIOutput) {
        var kept = 0
        var start = 0
        while start < query.count {
            var end = start
            while end < query.count && query[end] != UInt8(ascii: "&") { end += 1 }
            if end > start, isKeptASCIIQueryItem(UnsafeBufferPointer(rebasing: query[start..<end])) {
                out.append(kept == 0 ? UInt8(ascii: "?") : UInt8(ascii: "&"))
                out.append(contentsOf: UnsafeBufferPointer(rebasing: query[start..<end]))
                kept += 1
            }
            start = end + 1
        }
    }

    /// `keptQueryItems`' test for one printable-ASCII item, on bytes. Its name is what
    /// `split(separator: "=", maxSplits: 1).first` gives: the first run of bytes other than `=` (leading `=` make
    /// empty pieces, which the split leaves out); lowercased, it must not be empty, `fbclid`, `gclid` or `utm_…`.
    static func isKeptASCIIQueryItem(_ item: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < item.count && item[start] == UInt8(ascii: "=") { start += 1 }
        var end = start
        while end < item.count && item[end] != UInt8(ascii: "=") { end += 1 }
        guard end > start else { return false }
        let name = UnsafeBufferPointer(rebasing: item[start..<end])
        func matches(_ word: StaticString, wholeName: Bool) -> Bool {
            word.withUTF8Buffer { wanted in
                guard wholeName ? name.count == wanted.count : name.count >= wanted.count else { return false }
                return wanted.indices.allSatisfy { lowerASCII(name[$0]) == wanted[$0] }
            }
        }
        return !(matches("utm_", wholeName: false) || matches("fbclid", wholeName: true) || matches("gclid", wholeName: true))
    }
}

/// Bytes written into a buffer of known size, then made a string once: `normalizePrintableASCII`'s output, with no
/// array to allocate and grow. Every write checks the room left, so a wrong bound stops rather than overruns.
struct ASCIIOutput {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    mutating func append(_ byte: UInt8) {
        precondition(count < buffer.count, "ASCIIOutput: no room left")
        buffer[count] = byte
        count += 1
    }

    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        precondition(bytes.count <= buffer.count - count, "ASCIIOutput: no room left")
        (buffer.baseAddress! + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    mutating func append(contentsOf text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Whether the bytes written so far end with `text`.
    func hasSuffix(_ text: StaticString) -> Bool {
        text.withUTF8Buffer { wanted in
            wanted.count <= count && wanted.indices.allSatisfy { buffer[count - wanted.count + $0] == wanted[$0] }
        }
    }

    /// The bytes written, as a string.
    var string: String { String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self) }
}
