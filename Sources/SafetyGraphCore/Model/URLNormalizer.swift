/// Normalises http(s) URLs so that the same resource written two ways merges into one entry,
/// and derives the stable `EntryID` from the normalised form.
///
/// Rules: scheme `http` and `https` are one; host lowercased, `www.` and a trailing dot dropped, default ports
/// dropped; the fragment dropped unless it is a client-side route (`#/…`, `#!…`); tracking parameters
/// (`utm_*`, `fbclid`, `gclid`) dropped; a trailing slash dropped; GitHub paths lowercased (owner and repository
/// names are case-insensitive there).
public enum URLNormalizer {
    /// The scheme of `raw` when it is `http` or `https` (lowercased), else nil.
    public static func webScheme(of raw: String) -> String? {
        let trimmed = raw.trimmingWhitespace()
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let scheme = trimmed[..<colon].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        guard trimmed[colon...].hasPrefix("://") else { return nil }
        return scheme
    }

    /// Whether `raw` is an absolute http(s) URL with a non-empty host and no whitespace or control characters.
    public static func isWebURL(_ raw: String) -> Bool { normalize(raw) != nil }

    /// The normalised form of an http(s) URL, or nil when `raw` is not one.
    public static func normalize(_ raw: String) -> String? {
        if let known = normalizePrintableASCII(raw) { return known }
        return normalizeAnyText(raw)
    }

    /// The query's items without tracking parameters (`utm_*`, `fbclid`, `gclid`) and without nameless items.
    static func keptQueryItems(_ query: Substring) -> [Substring] {
        query.split(separator: "&").filter { item in
            let name = item.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            return !(name.hasPrefix("utm_") || name == "fbclid" || name == "gclid" || name.isEmpty)
        }
    }

    /// `normalize` for any text: whitespace around it, non-ASCII characters, controls.
    static func normalizeAnyText(_ raw: String) -> String? {
        var s = Substring(raw.trimmingWhitespace())
        if s.hasPrefix("<"), s.hasSuffix(">") { s = s.dropFirst().dropLast() }
        guard webScheme(of: String(s)) != nil else { return nil }
        // Control, format (bidirectional controls, zero-width characters) and whitespace characters never belong in
        // a URL as written; a bidi override in a host would make it display as another site.
        let plainASCII = s.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
        if !plainASCII, s.unicodeScalars.contains(where: { scalar in
            scalar.isASCII
                ? scalar.value <= 0x20 || scalar.value == 0x7F
                : scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                    || scalar.properties.isWhitespace
        }) {
            return nil
        }
        s = s[s.index(after: s.firstIndex(of: ":")!)...].dropFirst(2)

        // Split authority / path / query / fragment.
        let authorityEnd = s.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? s.endIndex
        var authority = String(s[..<authorityEnd]).lowercased()
        var rest = s[authorityEnd...]
        var fragment: Substring = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        var query: Substring = ""
        if let q = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        var path = String(rest)

        if let at = authority.lastIndex(of: "@") { authority = String(authority[authority.index(after: at)...]) }
        guard let normal = normalizedAuthority(authority) else { return nil }
        authority = normal

        while path.hasSuffix("/") { path.removeLast() }
        if authority == "github.com" { path = path.lowercased() }

        let keptQuery = keptQueryItems(query)
        var result = "https://" + authority + path
        if !keptQuery.isEmpty { result += "?" + keptQuery.joined(separator: "&") }
        if fragment.hasPrefix("/") || fragment.hasPrefix("!") { result += "#" + fragment }
        return result
    }

    /// `authority` (user info removed, lowercased) as the normal form writes it, or nil when it is not a host with
    /// an optional numeric port (a bracketed IPv6 literal, or a name without the characters a host cannot hold and
    /// without empty labels: `http://[::1`, `https://a<b>.org`, `https://example.org:abc` and `https://example..org`
    /// are not URLs). The normal form is the host without the root label's
    /// trailing dot and without `www.` in front, and the port unless it is empty, 80 or 443. Host and port are
    /// handled apart, so the result is its own normal form (`example.org:443.`, `www.www.example.org` and
    /// `example.org..` once came out as text a second pass changed again).
    static func normalizedAuthority(_ authority: String) -> String? {
        guard var (host, port) = splitAuthority(authority) else { return nil }
        if !host.hasPrefix("[") {
            if host.hasSuffix(".") { host = host.dropLast() }
            while host.hasPrefix("www.") { host = host.dropFirst(4) }
        }
        guard isValidHost(host), isValidPort(port) else { return nil }
        if port == "80" || port == "443" { port = "" }
        return port.isEmpty ? String(host) : host + ":" + port
    }

    /// The host (brackets kept) and the port (without its colon; empty when there is none) of `authority`.
    private static func splitAuthority(_ authority: String) -> (host: Substring, port: Substring)? {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { return nil }
            return (authority[...close], after.dropFirst())
        }
        guard let colon = authority.lastIndex(of: ":") else { return (authority[...], "") }
        return (authority[..<colon], authority[authority.index(after: colon)...])
    }

    private static func isValidHost(_ host: Substring) -> Bool {
        if host.hasPrefix("[") {
            let literal = host.dropFirst().dropLast()
            return host.hasSuffix("]") && !literal.isEmpty
                && literal.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        // Not empty, no empty label (a dot at either end or two together), none of the forbidden characters.
        var previous = UInt8(ascii: ".")
        for byte in host.utf8 {
            if byte == UInt8(ascii: ".") && previous == UInt8(ascii: ".") { return false }
            if isForbiddenInHost(byte) { return false }
            previous = byte
        }
        return previous != UInt8(ascii: ".")
    }

    private static func isValidPort(_ port: Substring) -> Bool {
        port.count <= 5 && port.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// ASCII characters a host name cannot hold (WHATWG's forbidden host code points that survive the split).
    static func isForbiddenInHost(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"),
             UInt8(ascii: "`"), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    /// The entry id for a normalised URL: a readable slug of host and path (at most 48 characters, cut at a
    /// hyphen) and 8 hex digits of the FNV-1a hash of the whole normalised URL, so ids never collide by slug.
    public static func entryID(forNormalized normalized: String) -> EntryID {
        // On bytes: every byte kept is ASCII (so a character), and the bytes of one non-ASCII character make one
        // hyphen as that character would. Both the slug and the hash read the string's own UTF-8 storage in place.
        var copy = normalized
        return copy.withUTF8 { bytes -> EntryID in
            // `hasPrefix` compares characters: a combining mark after the slash keeps the scheme in the slug.
            let start = (hasHTTPSPrefix(bytes) ?? normalized.hasPrefix("https://")) ? 8 : 0
            var slug: [UInt8] = []
            slug.reserveCapacity(64)
            var lastWasHyphen = true
            // Only whether the slug is longer than 48 bytes matters past its 48th byte: stop at 49.
            var i = start
            while i < bytes.count && slug.count <= 48 {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    slug.append(byte)
                    lastWasHyphen = false
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    slug.append(byte + 32)
                    lastWasHyphen = false
                default:
                    if !lastWasHyphen { slug.append(UInt8(ascii: "-")) }
                    lastWasHyphen = true
                }
                i += 1
            }
            if slug.count > 48 {
                slug.removeSubrange(48...)
                if let cut = slug.lastIndex(of: UInt8(ascii: "-")), cut >= 24 { slug.removeSubrange(cut...) }
            }
            while slug.last == UInt8(ascii: "-") { slug.removeLast() }
            if slug.isEmpty { slug = Array("entry".utf8) }
            slug.append(UInt8(ascii: "-"))
            let hash = fnv1a(bytes)
            let digits: StaticString = "0123456789abcdef"
            digits.withUTF8Buffer { hex in
                for shift in stride(from: 28, through: 0, by: -4) { slug.append(hex[Int((hash >> UInt32(shift)) & 0xf)]) }
            }
            return EntryID(String(decoding: slug, as: UTF8.self))
        }
    }

    /// `hasPrefix("https://")` decided on bytes where the bytes decide it, nil where only characters can.
    static func hasHTTPSPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? { asciiPrefixDecision(bytes, "https://") }

    /// Whether text with these UTF-8 `bytes` has the ASCII `prefix` by `hasPrefix` (which compares characters),
    /// decided on bytes where the bytes decide it; nil where only a comparison of characters can: a non-ASCII byte
    /// (in the text or the prefix) where the prefix is compared, or right after it (a combining mark there would join the prefix's last
    /// character). A mismatch on an ASCII byte is a mismatch of characters too: a character that starts with a
    /// different ASCII scalar is never canonically equivalent to this one.
    static func asciiPrefixDecision(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool? {
        prefix.withUTF8Buffer { wanted -> Bool? in
            for k in 0..<wanted.count {
                guard k < bytes.count else { return false }
                if bytes[k] >= 0x80 || wanted[k] >= 0x80 { return nil }
                if bytes[k] != wanted[k] { return false }
            }
            // (A CR at the prefix's end would pair with a following LF into one character.)
            if wanted.last == 0x0D { return nil }
            return bytes.count == wanted.count || bytes[wanted.count] < 0x80 ? true : nil
        }
    }

    /// FNV-1a, 32 bits, over UTF-8: tiny, stable across runs and platforms (unlike `Hasher`).
    static func fnv1a(_ s: String) -> UInt32 {
        var copy = s
        return copy.withUTF8 { fnv1a($0) }
    }

    /// `fnv1a` over UTF-8 bytes already in hand (a plain loop over a buffer, no string iterator).
    static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 0x811c_9dc5
        for byte in bytes {
            h ^= UInt32(byte)
            h = h &* 0x0100_0193
        }
        return h
    }
}

extension String {
    /// `hasPrefix(prefix)` for an ASCII `prefix`: decided on the first bytes when they decide it (nearly always),
    /// else by comparing characters.
    public func hasASCIIPrefix(_ prefix: StaticString) -> Bool {
        let decided = utf8.withContiguousStorageIfAvailable { URLNormalizer.asciiPrefixDecision($0, prefix) }
        return (decided ?? nil) ?? hasPrefix(prefix.description)
    }

    /// The string without leading and trailing whitespace and newlines (Unicode-aware, Foundation-free).
    public func trimmingWhitespace() -> String {
        // Most text starts and ends with a visible ASCII character: nothing to trim.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
