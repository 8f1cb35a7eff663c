/// The templates and assets shipped inside the tool, as Swift string literals.
///
/// Embedded rather than SwiftPM resources: `Bundle.module` stops the process when the resource bundle is not
/// next to the binary (a copied or installed `safetygraph`), and the site must build wherever the tool runs.
/// `safetygraph templates DIR` writes them out as files to start a restyle from.
enum ShippedTemplates {
    /// The text of template `name` (without `.mustache`), ending with a newline like the file it is written
    /// to, so a written copy renders byte for byte the same; empty for an unknown name.
    static func template(_ name: String) -> String {
        let text = literal(name)
        return text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }

    private static func literal(_ name: String) -> String {
        switch name {
        case "layout": return layout
        case "entry": return entry
        case "entry-line": return entryLine
        case "index": return index
        case "topic": return topic
        case "kind": return kind
        case "a-z": return aToZ
        case "coverage": return coverage
        case "search": return search
        default: return ""
        }
    }

    /// The text of asset `name` (`style.css`, `search.js`), ending with a newline; empty for an unknown name.
    static func asset(_ name: String) -> String {
        switch name {
        case "style.css": return styleSheet + "\n"
        case "search.js": return searchScript + "\n"
        default: return ""
        }
    }
}
