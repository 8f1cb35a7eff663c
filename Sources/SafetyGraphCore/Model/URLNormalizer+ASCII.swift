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
            guard all.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
            var s = all[...]
            if s.count >= 2, s.first == UInt8(ascii: "<"), s.last == UInt8(ascii: ">") { s = s.dropFirst().dropLast() }
            // Scheme: http or https (any case), then "://".
            guard let colon = s.firstIndex(of: UInt8(ascii: ":")) else { return .some(nil) }
            let scheme = s[..<colon]
            guard scheme.count == 4 || scheme.count == 5, isHTTPSSchemePrefix(scheme) else { return .some(nil) }
            let afterColon = s[(colon + 1)...]
            guard afterColon.count >= 2, afterColon.first == UInt8(ascii: "/"),
                  afterColon[afterColon.startIndex + 1] == UInt8(ascii: "/") else { return .some(nil) }
            let body = afterColon.dropFirst(2)
            let authorityEnd = body.firstIndex(where: {
                $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
            }) ?? body.endIndex
            var authority = body[..<authorityEnd]
            var rest = body[authorityEnd...]
            var fragment = rest[rest.endIndex...]
            if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
                fragment = rest[(hash + 1)...]
                rest = rest[..<hash]
            }
            var query = rest[rest.endIndex...]
            if let mark = rest.firstIndex(of: UInt8(ascii: "?")) {
                query = rest[(mark + 1)...]
                rest = rest[..<mark]
            }
            if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
            // The result is written as bytes into one buffer and made a string once (it is all ASCII).
            var out: [UInt8] = []
            out.reserveCapacity(all.count + 8)
            out.append(contentsOf: "https://".utf8)
            guard appendNormalizedASCIIAuthority(authority.map(lowerASCII), to: &out) else { return .some(nil) }
            while rest.last == UInt8(ascii: "/") { rest = rest.dropLast() }
            if out.count == 18 && out[8...].elementsEqual("github.com".utf8) {
                out.append(contentsOf: rest.lazy.map(lowerASCII))
            } else {
                out.append(contentsOf: rest)
            }
            if !query.isEmpty { appendKeptASCIIQuery(UnsafeBufferPointer(rebasing: query), to: &out) }
            if fragment.first == UInt8(ascii: "/") || fragment.first == UInt8(ascii: "!") {
                out.append(UInt8(ascii: "#"))
                out.append(contentsOf: fragment)
            }
            return .some(String(decoding: out, as: UTF8.self))
        }
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

    /// `normalizedAuthority` for a lowercased printable-ASCII authority, on bytes, appended to `out`; false (and
    /// nothing appended) when it is not valid.
    private static func appendNormalizedASCIIAuthority(_ authority: [UInt8], to out: inout [UInt8]) -> Bool {
        let dot = UInt8(ascii: "."), colon = UInt8(ascii: ":")
        var host: ArraySlice<UInt8>
        var port: ArraySlice<UInt8>
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let after = authority[(close + 1)...]
            guard after.isEmpty || after.first == colon else { return false }
            host = authority[...close]
            port = after.dropFirst()
            let literal = host.dropFirst().dropLast()
            guard !literal.isEmpty, literal.allSatisfy({
                ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
                    || $0 == colon || $0 == dot
            }) else { return false }
        } else {
            if let last = authority.lastIndex(of: colon) {
                host = authority[..<last]
                port = authority[(last + 1)...]
            } else {
                host = authority[...]
                port = []
            }
            if host.last == dot { host = host.dropLast() }
            while host.starts(with: "www.".utf8) { host = host.dropFirst(4) }
            var previous = dot
            for byte in host {
                if (byte == dot && previous == dot) || isForbiddenInHost(byte) { return false }
                previous = byte
            }
            if previous == dot { return false }
        }
        guard port.count <= 5, port.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
        if port.elementsEqual("80".utf8) || port.elementsEqual("443".utf8) { port = [] }
        out.append(contentsOf: host)
        if !port.isEmpty {
            out.append(colon)
            out.append(contentsOf: port)
        }
        return true
    }

    private static func lowerASCII(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// `keptQueryItems` of a printable-ASCII query, on bytes: `?` and the kept items joined by `&` appended to `out`,
    /// nothing when no item is kept. There every character is one byte (no CR LF: controls are not printable), so
    /// cutting on `&` bytes cuts where the character split cuts, and no string or array is made per item.
    static func appendKeptASCIIQuery(_ query: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var kept = 0
        var start = 0
        while start < query.count {
            var end = start
            while end < query.count && query[end] != UInt8(ascii: "&") { end += 1 }
            if end > start, isKeptASCIIQueryItem(UnsafeBufferPointer(rebasing: query[start..<end])) {
                out.append(kept == 0 ? UInt8(ascii: "?") : UInt8(ascii: "&"))
                out.append(contentsOf: query[start..<end])
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
