import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An SVG parsed with Foundation's XMLParser (a real XML parser, not our own reading of our own output):
/// every element with its attributes and its own text, in document order.
struct SVGDocument {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        /// Names of the enclosing elements, outermost first.
        var ancestors: [String]
        /// `class` attributes of the enclosing `<g>` elements, outermost first.
        var groupClasses: [String]
        /// `id` attributes of the enclosing `<g>` elements, outermost first.
        var groupIDs: [String]
    }

    var elements: [Element]

    /// Parses `data`; throws when it is not well-formed XML.
    init(_ data: Data) throws {
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        guard parser.parse() else {
            throw SVGError.malformed(parser.parserError.map { "\($0)" } ?? "unknown error", line: parser.lineNumber)
        }
        elements = collector.finished
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Elements whose `class` holds `className` (Graphviz writes `class="node topic"` and the like).
    func withClass(_ className: String) -> [Element] {
        elements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }

    /// Every link target (`xlink:href` or `href`).
    var links: [String] {
        elements.compactMap { $0.attributes["xlink:href"] ?? $0.attributes["href"] }
    }

    /// The texts of the `<text>` elements inside the group with this id (a node's label lines).
    func texts(inGroup id: String) -> [String] {
        all("text").filter { $0.groupIDs.contains(id) }.map(\.text)
    }
}

enum SVGError: Error, CustomStringConvertible {
    case malformed(String, line: Int)
    var description: String {
        switch self {
        case .malformed(let reason, let line): return "SVG is not well-formed XML (line \(line)): \(reason)"
        }
    }
}

private final class Collector: NSObject, XMLParserDelegate {
    var finished: [SVGDocument.Element] = []
    private var stack: [SVGDocument.Element] = []

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let parentGroups = stack.filter { $0.name == "g" }
        stack.append(
            SVGDocument.Element(
                name: name, attributes: attributes, text: "", ancestors: stack.map(\.name),
                groupClasses: parentGroups.compactMap { $0.attributes["class"] },
                groupIDs: parentGroups.compactMap { $0.attributes["id"] }))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stack.isEmpty { stack[stack.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if let done = stack.popLast() { finished.append(done) }
    }
}
