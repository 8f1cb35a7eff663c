import Mustache

/// The content type every site template renders with: `{{value}}` goes through `HTMLEscaping.escape`.
///
/// swift-mustache's own HTML escaping compares `Character`s, so `"` followed by a combining mark is not
/// escaped (see `HTMLEscaping`); this one works on scalars. `SiteTemplates` puts the pragma selecting it at
/// the start of every template (partials start again from the library's default, so each needs its own).
struct SafeHTMLContentType: MustacheContentType {
    static let name = "SAFEHTML"
    static let pragma = "{{% CONTENT_TYPE: SAFEHTML}}"

    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// Registers the content type once (the registry is global and locked).
    static let registered: Bool = {
        MustacheContentTypes.register(SafeHTMLContentType(), named: name)
        return true
    }()
}
