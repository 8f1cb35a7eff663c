/// Turns text into strings that are valid IRIs (RFC 3987) by percent-encoding what the grammar forbids.
///
/// Every IRI we write passes through here, so a URL from a hostile list (spaces, `<>"{}|\^\``, controls, a
/// second `#`, a stray `%`) can never break N-Triples, Turtle or a strict parser such as Oxigraph's: the
/// disallowed code points become `%XX` (UTF-8), which keeps the link's meaning for a browser.
public enum IRIEncoding {
    // MARK: - Whole IRIs

    /// `raw` as a valid absolute http(s) IRI, percent-encoding what does not fit; nil when `raw` is not an
    /// http(s) URL with a host. Valid input comes back unchanged (no normalisation).
    public static func webIRI(_ raw: String) -> String? {
        isPlainWebURL(raw) ? raw : encodedWebIRI(raw)
    }

    /// `webIRI` without the fast path (tests compare the two).
    static func encodedWebIRI(_ raw: String) -> String? {
        let scalars = Array(raw.unicodeScalars)
        guard let colon = scalars.firstIndex(of: ":"), colon > 0 else { return nil }
        let scheme = String(String.UnicodeScalarView(scalars[..<colon]))
        guard ["http", "https"].contains(scheme.lowercased()) else { return nil }
        guard scalars.count >= colon + 3, scalars[colon + 1] == "/", scalars[colon + 2] == "/" else { return nil }
        let rest = scalars[(colon + 3)...]

        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var out = scheme + "://"
        out += authority(rest[rest.startIndex..<authorityEnd])
        guard out.count > scheme.count + 3 else { return nil }

        var tail = rest[authorityEnd...]
        var fragment: ArraySlice<Unicode.Scalar>? = nil
        if let hash = tail.firstIndex(of: "#") {
            fragment = tail[(hash + 1)...]
            tail = tail[..<hash]
        }
        var query: ArraySlice<Unicode.Scalar>? = nil
        if let q = tail.firstIndex(of: "?") {
            query = tail[(q + 1)...]
            tail = tail[..<q]
        }
        encode(tail, allowing: isPathScalar, into: &out)
        if let query {
            out += "?"
            encode(query, allowing: isQueryScalar, into: &out)
        }
        if let fragment {
            out += "#"
            encode(fragment, allowing: isFragmentScalar, into: &out)
        }
        return out
    }

    /// The common case, checked over bytes without allocating: `http(s)://` and a host of ASCII letters, digits,
    /// `.` and `-` with an optional numeric port, then only characters every later part allows (unreserved,
    /// sub-delims, `:`, `@`, `/`, `?`, well-formed `%XX`) and at most one `#`.
    static func isPlainWebURL(_ raw: String) -> Bool {
        // Over the string's own storage (every string made in Swift has it): a loop over raw bytes, not over the
        // UTF-8 view's indices.
        if let known = raw.utf8.withContiguousStorageIfAvailable({ isPlainWebURL(contiguous: $0) }) { return known }
        return isPlainWebURL(bytes: raw.utf8)
    }

    /// `isPlainWebURL(bytes:)` over a buffer, each byte classed by one look-up in `urlByteKinds` (the general one,
    /// over any collection of bytes, cost about 25 instructions a byte). Tests compare the two.
    static func isPlainWebURL(contiguous bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        urlByteKinds.withUnsafeBufferPointer { kinds in
            let n = bytes.count
            // `http` or `https` in any case (`b | 0x20` is the lower-case letter exactly for its two cases), `://`.
            guard n >= 7, bytes[0] | 0x20 == UInt8(ascii: "h"), bytes[1] | 0x20 == UInt8(ascii: "t"),
                bytes[2] | 0x20 == UInt8(ascii: "t"), bytes[3] | 0x20 == UInt8(ascii: "p")
            else { return false }
            var i = 4
            if bytes[i] | 0x20 == UInt8(ascii: "s") { i += 1 }
            guard i + 3 <= n, bytes[i] == UInt8(ascii: ":"), bytes[i + 1] == UInt8(ascii: "/"),
                bytes[i + 2] == UInt8(ascii: "/")
            else { return false }
            i += 3
            // Host, then an optional port.
            let hostStart = i
            while i < n, kinds[Int(bytes[i])] & URLByte.host != 0 { i += 1 }
            guard i > hostStart else { return false }
            if i < n, bytes[i] == UInt8(ascii: ":") {
                i += 1
                while i < n, kinds[Int(bytes[i])] & URLByte.digit != 0 { i += 1 }
            }
            guard i == n || bytes[i] == UInt8(ascii: "/") || bytes[i] == UInt8(ascii: "?") || bytes[i] == UInt8(ascii: "#")
            else { return false }
            // Path, query, fragment: plain bytes, `%` and two hex digits, at most one `#`.
            var hashes = 0
            while i < n {
                let b = bytes[i]
                i += 1
                if kinds[Int(b)] & URLByte.plain != 0 { continue }
                if b == UInt8(ascii: "%") {
                    guard i + 2 <= n, kinds[Int(bytes[i])] & URLByte.hex != 0, kinds[Int(bytes[i + 1])] & URLByte.hex != 0
                    else { return false }
                    i += 2
                } else if b == UInt8(ascii: "#") {
                    hashes += 1
                    if hashes > 1 { return false }
                } else {
                    return false
                }
            }
            return true
        }
    }

    /// The classes `urlByteKinds` gives a byte, a bit each.
    private enum URLByte {
        static let plain: UInt8 = 1, host: UInt8 = 2, digit: UInt8 = 4, hex: UInt8 = 8
    }

    /// Per byte value, its classes: `isPlainByte`, `isHostByte`, an ASCII digit, `isHexByte`.
    private static let urlByteKinds: [UInt8] = (0...255).map { value in
        let b = UInt8(value)
        var kind: UInt8 = 0
        if isPlainByte(b) { kind |= URLByte.plain }
        if isHostByte(b) { kind |= URLByte.host }
        if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) { kind |= URLByte.digit }
        if isHexByte(b) { kind |= URLByte.hex }
        return kind
    }

    /// `isPlainWebURL` over any collection of bytes: the rule as written, byte by byte.
    static func isPlainWebURL<Bytes: Collection<UInt8>>(bytes: Bytes) -> Bool {
        var i = bytes.startIndex
        func take(_ literal: String) -> Bool {
            for expected in literal.utf8 {
                guard i < bytes.endIndex, lowercased(bytes[i]) == expected else { return false }
                i = bytes.index(after: i)
            }
            return true
        }
        guard take("http") else { return false }
        if i < bytes.endIndex, lowercased(bytes[i]) == UInt8(ascii: "s") { i = bytes.index(after: i) }
        guard take("://") else { return false }
        // Host, then an optional port.
        var hostLength = 0
        while i < bytes.endIndex, isHostByte(bytes[i]) {
            hostLength += 1
            i = bytes.index(after: i)
        }
        guard hostLength > 0 else { return false }
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: ":") {
            i = bytes.index(after: i)
            while i < bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i = bytes.index(after: i) }
        }
        guard i == bytes.endIndex || bytes[i] == UInt8(ascii: "/") || bytes[i] == UInt8(ascii: "?")
            || bytes[i] == UInt8(ascii: "#")
        else { return false }
        // Path, query, fragment.
        var hashes = 0
        var pending = 0  // hex digits still expected after a `%`
        while i < bytes.endIndex {
            let b = bytes[i]
            i = bytes.index(after: i)
            if pending > 0 {
                guard isHexByte(b) else { return false }
                pending -= 1
                continue
            }
            switch b {
            case UInt8(ascii: "%"): pending = 2
            case UInt8(ascii: "#"):
                hashes += 1
                if hashes > 1 { return false }
            default:
                guard isPlainByte(b) else { return false }
            }
        }
        return pending == 0
    }

    private static func lowercased(_ b: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) ? b + 32 : b
    }

    private static func isHostByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "."), UInt8(ascii: "-"):
            return true
        default: return false
        }
    }

    private static func isHexByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"):
            return true
        default: return false
        }
    }

    /// ASCII allowed in a path, a query and a fragment alike (but not `#` or `%`, handled apart).
    private static func isPlainByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"),
            UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
            UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "?"):
            return true
        default: return false
        }
    }

    /// Whether `raw` is already a valid absolute http(s) IRI (encoding would not change it).
    public static func isValidWebIRI(_ raw: String) -> Bool { webIRI(raw) == raw }

    // MARK: - Pieces we build IRIs from

    /// `text` as one path segment: everything but ASCII letters, digits, `-`, `.`, `_` and `~` percent-encoded
    /// (as UTF-8), so distinct texts give distinct segments and no segment holds `/`, `?` or `#`. A segment of
    /// dots only (`.`, `..`) is encoded whole, so it can never be read as "this folder" or "the parent".
    public static func segment(_ text: String) -> String {
        let plain = withUTF8Bytes(of: text) { bytes in
            bytes.allSatisfy(isPlainSegmentByte) && (bytes.isEmpty || !bytes.allSatisfy { $0 == UInt8(ascii: ".") })
        }
        if plain { return text }
        let dotsOnly = !text.isEmpty && text.utf8.allSatisfy { $0 == UInt8(ascii: ".") }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if isPlainSegmentByte(byte) && !dotsOnly {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isPlainSegmentByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default: return false
        }
    }

    // MARK: - Authority

    private static func authority(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var out = ""
        var hostPart = scalars
        if let at = scalars.lastIndex(of: "@") {
            encode(scalars[..<at], allowing: { isUnreserved($0) || isSubDelim($0) || $0 == ":" }, into: &out)
            out += "@"
            hostPart = scalars[(at + 1)...]
        }
        // An IPv6 literal is kept when it looks like one; otherwise brackets are encoded like any other character.
        if hostPart.first == "[", let close = hostPart.firstIndex(of: "]"),
            hostPart[hostPart.index(after: hostPart.startIndex)..<close].allSatisfy({ $0.properties.isASCIIHexDigit || $0 == ":" || $0 == "." }),
            close > hostPart.startIndex + 1
        {
            out += String(String.UnicodeScalarView(hostPart[...close]))
            let after = hostPart[(close + 1)...]
            if after.first == ":", after.dropFirst().allSatisfy({ ("0"..."9").contains($0) }) {
                out += String(String.UnicodeScalarView(after))
            } else {
                encode(after, allowing: { _ in false }, into: &out)
            }
            return out
        }
        var host = hostPart
        var port: ArraySlice<Unicode.Scalar> = []
        if let colon = hostPart.lastIndex(of: ":"),
            hostPart[(colon + 1)...].allSatisfy({ ("0"..."9").contains($0) })
        {
            host = hostPart[..<colon]
            port = hostPart[colon...]
        }
        encode(host, allowing: { isUnreserved($0) || isSubDelim($0) }, into: &out)
        out += String(String.UnicodeScalarView(port))
        return out
    }

    // MARK: - Character classes (RFC 3987)

    private static func isUnreserved(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_", "~": return true
        default: return isUCSChar(s)
        }
    }

    private static func isSubDelim(_ s: Unicode.Scalar) -> Bool { "!$&'()*+,;=".unicodeScalars.contains(s) }

    private static func isPChar(_ s: Unicode.Scalar) -> Bool { isUnreserved(s) || isSubDelim(s) || s == ":" || s == "@" }

    private static func isPathScalar(_ s: Unicode.Scalar) -> Bool { isPChar(s) || s == "/" }

    private static func isQueryScalar(_ s: Unicode.Scalar) -> Bool { isPChar(s) || s == "/" || s == "?" || isPrivate(s) }

    private static func isFragmentScalar(_ s: Unicode.Scalar) -> Bool { isPChar(s) || s == "/" || s == "?" }

    private static func isUCSChar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        switch v {
        case 0xA0...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF: return true
        case 0x10000...0xEFFFD: return v & 0xFFFF <= 0xFFFD
        default: return false
        }
    }

    private static func isPrivate(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0xE000...0xF8FF).contains(v) || (0xF0000...0xFFFFD).contains(v) || (0x100000...0x10FFFD).contains(v)
    }

    // MARK: - Encoding

    /// Appends `scalars`, keeping allowed ones and valid `%XX` triplets, percent-encoding the rest as UTF-8.
    private static func encode(
        _ scalars: ArraySlice<Unicode.Scalar>, allowing allowed: (Unicode.Scalar) -> Bool, into out: inout String
    ) {
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let s = scalars[i]
            if s == "%" {
                if i + 2 < scalars.endIndex, scalars[i + 1].properties.isASCIIHexDigit,
                    scalars[i + 2].properties.isASCIIHexDigit
                {
                    out.unicodeScalars.append(contentsOf: scalars[i...(i + 2)])
                    i += 3
                    continue
                }
                out += "%25"
            } else if allowed(s) {
                out.unicodeScalars.append(s)
            } else {
                for byte in String(s).utf8 { appendPercent(byte, to: &out) }
            }
            i += 1
        }
    }

    private static func appendPercent(_ byte: UInt8, to out: inout String) {
        let hex: [Unicode.Scalar] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
        out.unicodeScalars.append("%")
        out.unicodeScalars.append(hex[Int(byte >> 4)])
        out.unicodeScalars.append(hex[Int(byte & 0xF)])
    }
}
