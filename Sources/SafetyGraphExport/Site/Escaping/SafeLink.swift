/// Decides which URLs may become links on a page: absolute `http`, `https` and `mailto` URLs only.
///
/// Everything else — `javascript:`, `data:`, `vbscript:`, relative paths, protocol-relative `//host` — is shown
/// as text instead, and `safetygraph lint` reports it (see `Linter`). The URL is returned as written (trimmed):
/// escaping for the attribute is the template's job.
public enum SafeLink {
    /// `raw`, trimmed, when it may be an `href`; nil otherwise.
    public static func href(_ raw: String) -> String? {
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
    public static func isAllowed(_ raw: String) -> Bool { href(raw) != nil }
}
