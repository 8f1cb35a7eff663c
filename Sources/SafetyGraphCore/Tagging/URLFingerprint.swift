/// A cheap, normalisation-invariant hash of a URL, used to skip `URLNormalizer.normalize` for entries that
/// cannot have an override.
///
/// It hashes the last path segment, ASCII-lowercased, ignoring scheme, host, query, fragment and trailing
/// slashes — none of which can change that segment under `URLNormalizer`'s rules (which only drop or
/// lowercase those parts, and lowercase GitHub paths). Host-only URLs hash to 0. Two URLs that normalise alike
/// therefore always share a fingerprint; the converse is checked with the real normaliser.
enum URLFingerprint {
    @inline(__always)
    static func of(_ url: String) -> UInt64 {
        TextNormalizer.withUTF8(url) { of(utf8: $0) }
    }

    /// The fingerprint of a URL's UTF-8.
    static func of(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var start = 0
        var end = bytes.count
        // Trim whitespace and `<…>`.
        while start < end, bytes[start] <= 0x20 || bytes[start] == UInt8(ascii: "<") { start += 1 }
        while end > start, bytes[end - 1] <= 0x20 || bytes[end - 1] == UInt8(ascii: ">") { end -= 1 }
        // Skip `scheme://`.
        var i = start
        while i + 2 < end {
            if bytes[i] == UInt8(ascii: ":") && bytes[i + 1] == UInt8(ascii: "/") && bytes[i + 2] == UInt8(ascii: "/") {
                start = i + 3
                break
            }
            if bytes[i] == UInt8(ascii: "/") { break }
            i += 1
        }
        // Cut at the query or fragment, then trailing slashes.
        i = start
        while i < end && bytes[i] != UInt8(ascii: "?") && bytes[i] != UInt8(ascii: "#") { i += 1 }
        end = i
        while end > start && bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        // The last segment, unless that is the authority.
        var segmentStart = end
        while segmentStart > start && bytes[segmentStart - 1] != UInt8(ascii: "/") { segmentStart -= 1 }
        if segmentStart == start { return 0 }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in segmentStart..<end {
            var b = bytes[k]
            if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { b |= 0x20 }
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h | 1  // never 0, which stands for host-only URLs
    }
}
