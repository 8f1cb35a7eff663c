/// Quoting and escaping for DOT: every id and value goes through here.
///
/// Ids and values are always written as double-quoted strings, so no keyword, punctuation or `-` can end
/// or split a statement. Inside the quotes:
/// - `"` becomes `\"` and `\` becomes `\\`: no quote can end the string early, and no `\N`, `\G`, `\l`
///   escape of Graphviz's own fires (a label `\N` shows as the two characters, not the node name). Tooltips
///   are unescaped twice by Graphviz 2.43 (a `\\N` in a tooltip still shows the node name), so there each
///   backslash is written four times;
/// - a line break (LF, CR, CRLF) becomes `\n`, which Graphviz draws as a line break in labels;
/// - a tab becomes a space; other control characters, and U+FFFE/U+FFFF (not allowed in XML), become
///   U+FFFD, so the C strings never hold a NUL and the SVG stays well-formed;
/// - `&` becomes `&amp;`, in ids too: Graphviz decodes HTML entities in labels and leaves anything shaped
///   like `&…;` as it is in SVG (`&#0;` and `&x;` too, which are not XML), so without this a label `&lt;`
///   would show as `<`, and an id or URL holding `&#0;` would make the SVG ill-formed (the fuzzer found the
///   ids). A node named `a&amp;b` still shows as `a&b`;
/// - in URL attributes (`URL`, `href`, `headURL`, …) the characters a URL never holds raw (`"`, `<`, `>`,
///   `\`, space, `^`, `` ` ``, `{`, `|`, `}`) are percent-encoded: Graphviz 2.43 writes URLs into SVG without
///   escaping `"` (found by the fuzzer); a URL that is already valid is unchanged;
/// - everything else, non-ASCII included, is written as UTF-8 (Graphviz 2.43 mangles numeric
///   character references above U+FFFF, so emoji must stay literal).
enum DOTText {
    /// An id (graph, subgraph or node name) as a quoted DOT string.
    static func quotedID(_ text: String) -> String { quoted(text, backslash: 2) }

    /// An attribute value as a quoted DOT string; `attribute` names the attribute (tooltips escape more, URLs
    /// are percent-encoded where they cannot hold a character).
    static func quotedValue(_ text: String, attribute: String = "") -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        appendQuotedValue(text, attribute: attribute, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `name` ends with the lowercase ASCII `suffix`, in any case (`URL`, `headURL`, `edgetooltip`).
    private static func endsWith(_ name: String, _ suffix: StaticString) -> Bool {
        let bytes = name.utf8
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return suffix.withUTF8Buffer { wanted in
            zip(bytes.suffix(count), wanted).allSatisfy { byte, lower in
                (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) == lower
            }
        }
    }

    /// `text` with the ASCII characters no URL holds raw percent-encoded (UTF-8 and everything else kept).
    private static func percentEncodingUnsafe(_ text: String) -> String {
        guard text.utf8.contains(where: isUnsafeInURL) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, isUnsafeInURL(UInt8(scalar.value)) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The ASCII characters a URL never holds raw: `"<>\\^`{|}` and space.
    static func isUnsafeInURL(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return true
        default: return false
        }
    }

    /// An attribute name: bare when it is a plain identifier (as every Graphviz attribute is), else quoted.
    static func attributeName(_ name: String) -> String {
        guard let first = name.unicodeScalars.first, first == "_" || isASCIILetter(first),
            name.unicodeScalars.allSatisfy({ $0 == "_" || isASCIILetter($0) || ("0"..."9").contains($0) })
        else { return quotedID(name) }
        return name
    }

    private static func isASCIILetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }

    private static func quoted(_ text: String, backslash: Int) -> String {
        if !needsEscaping(text) { return "\"" + text + "\"" }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text, backslash: backslash, to: &out)
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether any byte of `text` is one `appendEscaped` changes (most ids and values hold none).
    private static func needsEscaping(_ text: String) -> Bool {
        // Over the string's own storage when it has it (every string made in Swift does): a plain loop.
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes in bytes.contains { isChanged($0) } }) {
            return found
        }
        return text.utf8.contains { isChanged($0) }
    }

    /// The bytes `appendEscaped` may change, one bit each: controls (00–1F), `"` (22), `&` (26), `\\` (5C), DEL
    /// (7F), and the lead bytes of C1 controls (C2) and of U+FFFE/U+FFFF (EF). Written as constants: a table built
    /// by a closure is a lazy global, checked on every call (a tenth of the whole graph's DOT time went there).
    private static let changedBytes: (UInt64, UInt64, UInt64, UInt64) = (
        0x0000_0044_FFFF_FFFF,  // 00–1F, 22, 26
        0x8000_0000_1000_0000,  // 5C, 7F
        0,
        0x0000_8000_0000_0004  // C2, EF
    )

    @inline(__always) private static func isChanged(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = changedBytes.0
        case 1: word = changedBytes.1
        case 2: word = changedBytes.2
        default: word = changedBytes.3
        }
        return (word >> UInt64(byte & 63)) & 1 != 0
    }

    /// The inside of a quoted DOT string (without the quotes), appended as UTF-8 to `out`; `backslash` is how
    /// many backslashes one backslash becomes.
    static func appendEscaped(_ text: String, backslash: Int, to out: inout [UInt8]) {
        // Done on UTF-8 bytes: every character that is changed is ASCII, a C1 control (C2 80 – C2 9F) or
        // U+FFFE/U+FFFF (EF BF BE/BF), and every other byte is copied as it is.
        guard needsEscaping(text) else {
            out.append(contentsOf: text.utf8)
            return
        }
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]  // U+FFFD
        var text = text
        text.withUTF8 { b in
            var i = 0
            while i < b.count {
                let byte = b[i]
                switch byte {
                case 0x22: out += [UInt8(ascii: "\\"), 0x22]
                case 0x5C: out += repeatElement(UInt8(ascii: "\\"), count: backslash)
                case 0x0A: if i == 0 || b[i - 1] != 0x0D { out += [UInt8(ascii: "\\"), UInt8(ascii: "n")] }
                case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x09: out.append(0x20)
                case 0x26: out += Array("&amp;".utf8)
                case 0x00..<0x20, 0x7F: out += replacement
                case 0xC2 where i + 1 < b.count && (0x80...0x9F).contains(b[i + 1]):
                    out += replacement
                    i += 2
                    continue
                case 0xEF where i + 2 < b.count && b[i + 1] == 0xBF && (b[i + 2] == 0xBE || b[i + 2] == 0xBF):
                    out += replacement
                    i += 3
                    continue
                default: out.append(byte)
                }
                i += 1
            }
        }
    }

    /// An attribute value's quoted DOT string (see `quotedValue`), appended as UTF-8 to `out`.
    static func appendQuotedValue(_ text: String, attribute: String, to out: inout [UInt8]) {
        if endsWith(attribute, "url") || endsWith(attribute, "href") {
            appendQuotedURL(text, to: &out)
        } else {
            appendQuoted(text, backslash: endsWith(attribute, "tooltip") ? 4 : 2, to: &out)
        }
    }

    /// A URL attribute's value (`URL`, `href`, …), quoted: what `appendQuotedValue` writes for one.
    static func appendQuotedURL(_ text: String, to out: inout [UInt8]) {
        appendQuoted(percentEncodingUnsafe(text), backslash: 2, to: &out)
    }

    /// `text` escaped (`backslash`: 4 for tooltips, 2 for everything else) between double quotes.
    static func appendQuoted(_ text: String, backslash: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(text, backslash: backslash, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// ` [a="1", b="2"]`: the attributes sorted by name, each name bare or quoted and each value quoted; empty
    /// when there are none.
    static func attributeList(_ attributes: DOTAttributes) -> String {
        guard !attributes.isEmpty else { return "" }
        let items = attributes.sorted { $0.key < $1.key }.map {
            attributeName($0.key) + "=" + quotedValue($0.value, attribute: $0.key)
        }
        return " [" + items.joined(separator: ", ") + "]"
    }
}
