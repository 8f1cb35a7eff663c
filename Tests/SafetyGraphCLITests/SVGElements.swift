import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The elements of an SVG, parsed with Foundation's XMLParser (throws when the file is not well-formed XML).
struct SVGElements {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    var elements: [Element] = []

    init(_ data: Data) throws {
        let collector = ElementCollector()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        guard parser.parse() else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSDebugDescriptionErrorKey: "\(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)"])
        }
        elements = collector.finished
    }

    /// Every link target (`xlink:href`).
    var links: [String] { elements.compactMap { $0.attributes["xlink:href"] ?? $0.attributes["href"] } }

    /// `id` attributes of `<g>` elements.
    var groupIDs: [String] { elements.filter { $0.name == "g" }.compactMap { $0.attributes["id"] } }
}

private final class ElementCollector: NSObject, XMLParserDelegate {
    var finished: [SVGElements.Element] = []
    private var stack: [SVGElements.Element] = []

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        stack.append(SVGElements.Element(name: name, attributes: attributes, text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stack.isEmpty { stack[stack.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if let done = stack.popLast() { finished.append(done) }
    }
}
