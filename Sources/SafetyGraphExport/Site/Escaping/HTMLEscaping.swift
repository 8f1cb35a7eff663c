/// Escapes text for HTML: element content and quoted attribute values.
///
/// Works on Unicode scalars, not on `Character`s: a quote followed by a combining mark (`"\u{301}`) is one
/// `Character` that compares unequal to `"`, so an escaper that looks at characters lets the quote through and
/// an attribute value can be closed from the data. Here every `<`, `>`, `&`, `"` and `'` is replaced wherever
/// it stands. Code points HTML forbids in a document (C0/C1 controls other than tab, line feed and carriage
/// return, lone surrogates cannot occur in Swift strings, noncharacters) become U+FFFD so a hostile title cannot
/// make a page invalid.
public enum HTMLEscaping {
    /// `text` escaped for HTML text and for attribute values in single or double quotes.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(isForbidden(scalar) ? replacement : scalar)
            }
        }
        return String(out)
    }

    /// `text` with the code points HTML forbids replaced by U+FFFD, nothing escaped (for text that a later
    /// stage escapes, or that goes into JSON or the search index).
    public static func cleaned(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isForbidden($0) ? replacement : $0 }))
    }

    /// Whether HTML forbids `scalar` in a document: controls other than tab, LF, FF, CR and space, and the
    /// noncharacters (U+FDD0–U+FDEF and the last two code points of every plane).
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        case 0x09, 0x0A, 0x0C, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0xFDD0...0xFDEF: return true
        default: return v & 0xFFFE == 0xFFFE
        }
    }

    static let replacement: Unicode.Scalar = "\u{FFFD}"

    private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "<", ">", "&", "\"", "'": return true
        default: return isForbidden(scalar)
        }
    }
}
