import SafetyGraphCore

// MARK: - InlineToken

/// A flattened piece of an item's (or cell's) own inline content, as the entry reader needs it.
enum InlineToken: Sendable, Equatable {
    case text(String)
    /// A soft or hard line break, or a boundary between two paragraphs.
    case space
    /// A code span (backticks), without the backticks.
    case code(String)
    case link(LinkToken)
    /// Strong emphasis that holds no link: its plain text (the bold title of `**Title**. [Article](url)` items).
    case strong(String)
    /// Inline HTML (a tag); it carries no visible text of its own.
    case html(String)
    /// The visible text of an HTML block inside an item (a `<details>` digest), tags removed.
    case htmlBlock(String)

    /// The text a reader sees for this token.
    var plainText: String {
        switch self {
        case .text(let text), .code(let text), .strong(let text), .htmlBlock(let text): return text
        case .link(let link): return link.text
        case .space: return " "
        case .html(let tag): return tag.lowercased().hasPrefix("<br") ? " " : ""
        }
    }

    var link: LinkToken? {
        if case .link(let link) = self { return link }
        return nil
    }

    /// Appends `plainText` to `text` (a lone piece is taken as it is, with no copy).
    func appendPlainText(to text: inout String) {
        switch self {
        case .text(let piece), .code(let piece), .strong(let piece), .htmlBlock(let piece): text += piece
        case .link(let link): text += link.text
        case .space: text += " "
        case .html: text += plainText
        }
    }

    /// The plain text of a run of tokens, whitespace collapsed. The pieces are appended to one string, with no array
    /// of them made and joined: most runs are one or two pieces.
    static func plainText<S: Sequence>(_ tokens: S) -> String where S.Element == InlineToken {
        var joined = ""
        for token in tokens { token.appendPlainText(to: &joined) }
        return TextNormalizer.collapseWhitespace(joined)
    }
}

/// A link as written: destination, visible text, and whether its only content is an image (a badge).
struct LinkToken: Sendable, Equatable {
    let url: String
    var text: String { didSet { isEntryLink = Self.isEntryLink(text: text, imageOnly: imageOnly, normalizedURL: normalizedURL) } }
    var imageOnly: Bool {
        didSet { isEntryLink = Self.isEntryLink(text: text, imageOnly: imageOnly, normalizedURL: normalizedURL) }
    }
    var line: Int
    var column: Int
    /// The normalised destination when it is an http(s) URL, else nil (computed once: it is asked for often).
    let normalizedURL: String?
    /// A web link that can be an entry's link: http(s), not a badge, not a "back to top" link. Kept with the token
    /// (and renewed when its text or `imageOnly` changes): the readers ask it of every link several times, and each
    /// answer searched the text again.
    private(set) var isEntryLink: Bool

    init(url: String, text: String, imageOnly: Bool, line: Int, column: Int) {
        self.url = url
        self.text = text
        self.imageOnly = imageOnly
        self.line = line
        self.column = column
        normalizedURL = URLNormalizer.normalize(url)
        isEntryLink = Self.isEntryLink(text: text, imageOnly: imageOnly, normalizedURL: normalizedURL)
    }

    /// `isEntryLink` for these fields.
    static func isEntryLink(text: String, imageOnly: Bool, normalizedURL: String?) -> Bool {
        guard !imageOnly, normalizedURL != nil else { return false }
        if text.isASCIIText { return text.asciiRange(of: "back to top", caseInsensitive: true) == nil }
        // Lowercasing turns no non-ASCII character into `t`, `o`, `p` or a space, and none is canonically equivalent
        // to one: without the bytes ` to top` (any case) Foundation cannot find the phrase either.
        guard text.containsASCII(" to top", caseInsensitive: true) else { return true }
        return !text.lowercased().contains("back to top")
    }

    /// A link that looks meant to be an entry's link but cannot be read: an empty destination, a script or other
    /// non-web scheme, a malformed http(s) URL, or a bare domain written without `https://`.
    var isBroken: Bool {
        if imageOnly { return false }
        let target = url.trimmingWhitespace()
        if target.isEmpty { return true }
        // `//host/path` borrows the page's scheme: on a web page it is a link to another site, but outside one it is
        // no URL; say so rather than dropping it silently.
        if target.hasPrefix("//") { return true }
        if target.hasPrefix("#") || target.hasPrefix("/") || target.hasPrefix(".") { return false }
        let lower = target.lowercased()
        if lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") { return false }
        if lower.hasPrefix("javascript:") || lower.hasPrefix("data:") || lower.hasPrefix("vbscript:") { return true }
        if lower.hasPrefix("http:") || lower.hasPrefix("https:") { return normalizedURL == nil }
        if lower.contains("://") { return true }
        return Self.looksLikeBareDomain(lower)
    }

    /// A link in an entry's own text that the entry leaves out and lint reports: not a web link, not a badge,
    /// not a page anchor, `mailto:` or `tel:` — so `javascript:`, `data:`, other schemes, relative paths, empty.
    var isIgnored: Bool {
        if imageOnly || normalizedURL != nil { return false }
        let target = url.trimmingWhitespace().lowercased()
        return !(target.hasPrefix("#") || target.hasPrefix("mailto:") || target.hasPrefix("tel:"))
    }

    /// `example.org` or `example.org/page`: a domain whose last label is letters and is not a file extension.
    static func looksLikeBareDomain(_ target: String) -> Bool {
        let host = target.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let last = labels.last else { return false }
        guard (2...6).contains(last.count), last.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        let fileExtensions: Set<Substring> = [
            "md", "markdown", "png", "jpg", "jpeg", "gif", "svg", "webp", "html", "htm", "pdf", "txt", "yml", "yaml",
            "json", "csv", "ipynb", "py", "rst", "bib", "tex", "zip",
        ]
        return !fileExtensions.contains(last)
    }
}
