/// Decides which URLs may become links on a page: absolute `http`, `https` and `mailto` URLs only.
///
/// Everything else — `javascript:`, `data:`, `vbscript:`, relative paths, protocol-relative `//host` — is shown
/// as text instead, and `safetygraph lint` reports it (see `Linter`). The URL comes back with the ASCII
/// characters a URL may not hold (`"`, `<`, `>`, `` ` ``, `{`, `}`, `|`, `\`, `^`, a `%` not starting an escape, a
/// second `#`) percent-encoded, so the `href` is valid; escaping for the attribute is the template's job.
public enum SafeLink {
    /// `raw`, trimmed and made a valid URL, when it may be an `href`; nil otherwise.
    public static func href(_ raw: String) -> String? {
        accepted(raw).map(encoded)
    }

    private static func accepted(_ raw: String) -> String? {
        let url = raw.trimmingWhitespace()
        guard !url.isEmpty, url.utf8.count <= 8_192 else { return nil }
        // Browsers drop tabs and newlines inside URLs (`java\nscript:`), and controls never belong in one.
        if url.unicodeScalars.contains(where: { $0.properties.isWhitespace || HTMLEscaping.isForbidden($0) }) {
            return nil
        }
        guard let colon = url.firstIndex(of: ":") else { return nil }
        switch url[..<colon].lowercased() {
        case "http", "https":
            let rest = url[url.index(after: colon)...]
            guard rest.hasPrefix("//"), rest.count > 2, !rest.dropFirst(2).hasPrefix("/") else { return nil }
            return url
        case "mailto":
            return url.count > 7 ? url : nil
        default:
            return nil
        }
    }

    /// Whether `raw` may be an `href`.
    public static func isAllowed(_ raw: String) -> Bool { accepted(raw) != nil }

    /// `url` with the ASCII characters no URL may hold percent-encoded (non-ASCII stays: it is a valid IRI).
    static func encoded(_ url: String) -> String {
        let scalars = Array(url.unicodeScalars)
        var out = String.UnicodeScalarView()
        var sawHash = false
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "\"", "<", ">", "`", "{", "}", "|", "\\", "^":
                out.append(contentsOf: percent(scalar).unicodeScalars)
            case "%":
                let isEscape = i + 2 < scalars.count && scalars[i + 1].properties.isASCIIHexDigit
                    && scalars[i + 2].properties.isASCIIHexDigit
                out.append(contentsOf: (isEscape ? "%" : "%25").unicodeScalars)
            case "#":
                out.append(contentsOf: (sawHash ? "%23" : "#").unicodeScalars)
                sawHash = true
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func percent(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "%" + (hex.count < 2 ? "0" + hex : hex)
    }
}
