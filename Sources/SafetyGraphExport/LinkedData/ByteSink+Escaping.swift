/// String literals for JSON and for N-Triples / Turtle, escaped byte by byte over UTF-8.
///
/// Only ASCII bytes ever need escaping (plus U+2028 / U+2029 in JSON), so runs of other bytes are copied as
/// they are: multi-byte characters (emoji, right-to-left text, RTL marks) pass through untouched.
extension ByteSink {
    // MARK: - JSON

    /// `"text"` as a JSON string. Besides what JSON requires (`"`, `\`, U+0000–U+001F) it escapes U+007F, `<`,
    /// `>`, `&`, U+2028 and U+2029, so the same bytes can sit inside an HTML `<script>` element (no `</script>`,
    /// no `<!--`) and be read by JavaScript.
    ///
    /// With `forHTML: false` it escapes exactly what Foundation's `JSONEncoder` does (`"`, `\`, U+0000–U+001F),
    /// for files that must read the same as its output.
    public func appendJSONString(_ text: String, forHTML: Bool = true) {
        append(UInt8(ascii: "\""))
        withUTF8Bytes(of: text) { bytes in
            jsonByteKinds.withUnsafeBufferPointer { kinds in
                // Bytes of a kind below `attention` are copied as they are, in runs; only the others are looked at.
                let attention: UInt8 = forHTML ? 1 : 2
                var runStart = 0
                var i = 0
                while i < bytes.count {
                    let b = bytes[i]
                    let kind = kinds[Int(b)]
                    if kind < attention {
                        i += 1
                        continue
                    }
                    var width = 1
                    var escape: StaticString? = nil
                    var hexEscape: UInt32? = nil
                    switch b {
                    case 0x22: escape = "\\\""
                    case 0x5C: escape = "\\\\"
                    case 0x0A: escape = "\\n"
                    case 0x0D: escape = "\\r"
                    case 0x09: escape = "\\t"
                    case 0x08: escape = "\\b"
                    case 0x0C: escape = "\\f"
                    case 0x00..<0x20: hexEscape = UInt32(b)
                    case 0x7F, 0x3C, 0x3E, 0x26: hexEscape = UInt32(b)
                    case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                        hexEscape = bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029
                        width = 3
                    default: break
                    }
                    if escape == nil && hexEscape == nil {
                        i += 1
                        continue
                    }
                    if runStart < i { append(UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                    if let escape { escape.withUTF8Buffer { append($0) } }
                    if let hexEscape { appendUnicodeEscape(hexEscape, uppercase: false) }
                    i += width
                    runStart = i
                }
                if runStart < bytes.count { append(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
            }
        }
        append(UInt8(ascii: "\""))
    }

    // MARK: - N-Triples and Turtle

    /// `"text"` as an N-Triples / Turtle short string: `"` and `\` escaped, `\t \b \n \r \f` as two-character
    /// escapes, every other control character (U+0000–U+001F, U+007F) as `\u00XX` — the canonical N-Triples form.
    public func appendRDFString(_ text: String) {
        append(UInt8(ascii: "\""))
        withUTF8Bytes(of: text) { bytes in
            var runStart = 0
            for i in bytes.indices {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F else { continue }
                if runStart < i { append(UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                switch b {
                case 0x22: append("\\\"")
                case 0x5C: append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                case 0x08: append("\\b")
                case 0x0C: append("\\f")
                default: appendUnicodeEscape(UInt32(b), uppercase: true)
                }
                runStart = i + 1
            }
            if runStart < bytes.count { append(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        append(UInt8(ascii: "\""))
    }

    // MARK: - Helpers

    /// `\uXXXX` for a code point below U+10000.
    private func appendUnicodeEscape(_ value: UInt32, uppercase: Bool) {
        let digits: StaticString = uppercase ? "0123456789ABCDEF" : "0123456789abcdef"
        append(UInt8(ascii: "\\"))
        append(UInt8(ascii: "u"))
        digits.withUTF8Buffer { hex in
            for shift in stride(from: 12, through: 0, by: -4) { append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
        }
    }
}

/// Per byte, what `appendJSONString` must do with it: 0 copy it; 2 escape it always (`"`, `\\`, U+0000–U+001F);
/// 1 escape it for HTML only (U+007F, `<`, `>`, `&`, and 0xE2, which may start U+2028 or U+2029).
private let jsonByteKinds: [UInt8] = (0...255).map { b in
    switch b {
    case 0x22, 0x5C, 0x00..<0x20: return 2
    case 0x7F, 0x3C, 0x3E, 0x26, 0xE2: return 1
    default: return 0
    }
}
