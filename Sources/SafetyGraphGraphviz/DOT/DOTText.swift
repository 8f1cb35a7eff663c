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
        let name = attribute.lowercased()
        if name.hasSuffix("url") || name.hasSuffix("href") {
            return quoted(percentEncodingUnsafe(text), backslash: 2)
        }
        return quoted(text, backslash: name.hasSuffix("tooltip") ? 4 : 2)
    }

    /// `text` with the ASCII characters no URL holds raw percent-encoded (UTF-8 and everything else kept).
    private static func percentEncodingUnsafe(_ text: String) -> String {
        guard text.utf8.contains(where: unsafeInURL.contains) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, unsafeInURL.contains(UInt8(scalar.value)) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static let unsafeInURL: Set<UInt8> = Set("\"<>\\^`{|} ".utf8)

    /// An attribute name: bare when it is a plain identifier (as every Graphviz attribute is), else quoted.
    static func attributeName(_ name: String) -> String {
        guard let first = name.unicodeScalars.first, first == "_" || isASCIILetter(first),
            name.unicodeScalars.allSatisfy({ $0 == "_" || isASCIILetter($0) || ("0"..."9").contains($0) })
        else { return quotedID(name) }
        return name
    }

    private static func isASCIILetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }

    private static func quoted(_ text: String, backslash: Int) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\"": out.append(contentsOf: #"\""#.unicodeScalars)
            case "\\": out.append(contentsOf: String(repeating: "\\", count: backslash).unicodeScalars)
            case "\n":
                if !previousWasCR { out.append(contentsOf: #"\n"#.unicodeScalars) }
            case "\r": out.append(contentsOf: #"\n"#.unicodeScalars)
            case "\t": out.append(" ")
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF {
                    out.append("\u{FFFD}")
                } else {
                    out.append(scalar)
                }
            }
        }
        out.append("\"")
        return String(out)
    }
}
