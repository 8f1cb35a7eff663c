import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Makes a Graphviz SVG safe to inline in a page: parses it as XML and writes back only what an allowlist
/// permits, so nothing in it can run or fetch anything.
///
/// Graphviz XML-escapes labels and tooltips, but it passes `URL`/`href` attributes through as given (a
/// `javascript:` URL stays one), and a future renderer or a hand-made file could hold `<script>`, `on*=`
/// handlers, `<foreignObject>`, `<use>` or `<set>` (which can rewrite an `href`). Here unknown elements are
/// dropped with everything inside them, unknown attributes are dropped, links must be relative `*.html` paths
/// or pass `SafeLink`, `url(…)` values may only point into the same SVG, and every `id` gets a prefix so two
/// inlined maps never share one. The root gets `role="img"`, an `aria-label`, and a `<title>`/`<desc>`.
public enum SVGSanitizer {
    /// What to label the SVG with, and how to name its ids.
    public struct Options: Sendable, Hashable {
        /// The accessible name: `aria-label` and the root's `<title>`.
        public var label: String
        /// A longer description (the root's `<desc>`), if any.
        public var description: String?
        /// Prepended to every `id` (and to every `url(#…)` reference), e.g. `map-`.
        public var idPrefix: String

        public init(label: String, description: String? = nil, idPrefix: String) {
            self.label = label
            self.description = description
            self.idPrefix = idPrefix
        }
    }

    /// Why an SVG could not be inlined.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    /// The sanitised SVG element (no XML declaration, no doctype, no comments), ending without a newline.
    public static func sanitize(_ svg: String, options: Options) throws(Failure) -> String {
        // The prologue (declaration, doctype with its external DTD, comments) is never needed: start at `<svg`.
        guard let start = svg.range(of: "<svg") else { throw Failure(line: 1, reason: "no <svg> element") }
        let body = String(svg[start.lowerBound...])
        let collector = Collector(options: options)
        let parser = XMLParser(data: Data(body.utf8))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = collector
        guard parser.parse(), collector.failure == nil else {
            if let failure = collector.failure { throw failure }
            let reason = parser.parserError.map { "not well-formed XML (\($0.localizedDescription))" } ?? "not well-formed XML"
            throw Failure(line: parser.lineNumber, reason: reason)
        }
        guard collector.sawRoot else { throw Failure(line: 1, reason: "no <svg> element") }
        return collector.output
    }
}

// MARK: - Collector

/// Receives the parser's events and writes the allowed part back out.
private final class Collector: NSObject, XMLParserDelegate {
    let options: SVGSanitizer.Options
    var output = ""
    var failure: SVGSanitizer.Failure?
    var sawRoot = false
    /// Depth inside an element that is being dropped (0: writing).
    private var skipDepth = 0
    /// Open elements that were written, innermost last.
    private var open: [String] = []

    init(options: SVGSanitizer.Options) { self.options = options }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if skipDepth > 0 || failure != nil {
            skipDepth += 1
            return
        }
        if !sawRoot {
            guard name == "svg" else {
                failure = .init(line: parser.lineNumber, reason: "the root element is <\(name)>, not <svg>")
                parser.abortParsing()
                return
            }
            sawRoot = true
            writeRoot(attributes)
            open.append(name)
            return
        }
        guard SVGPolicy.elements.contains(name) else {
            skipDepth = 1
            return
        }
        output += "<" + name
        for (key, value) in cleanAttributes(attributes, element: name) {
            output += " \(key)=\"\(HTMLEscaping.escape(value))\""
        }
        output += ">"
        open.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let last = open.popLast() else { return }
        output += "</\(last)>"
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

    func parser(_ parser: XMLParser, foundCDATA block: Data) { text(String(decoding: block, as: UTF8.self)) }

    func parser(_ parser: XMLParser, parseErrorOccurred error: Error) {
        if failure == nil { failure = .init(line: parser.lineNumber, reason: "not well-formed XML") }
    }

    // MARK: - Writing

    private func text(_ string: String) {
        guard skipDepth == 0, let current = open.last else { return }
        if SVGPolicy.textElements.contains(current) {
            output += HTMLEscaping.escape(string)
        } else if string.contains("\n") {
            output += "\n"  // keep the renderer's line breaks between elements, drop stray text
        }
    }

    private func writeRoot(_ attributes: [String: String]) {
        output += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
        for (key, value) in cleanAttributes(attributes, element: "svg") where SVGPolicy.rootAttributes.contains(key) {
            output += " \(key)=\"\(HTMLEscaping.escape(value))\""
        }
        output += " role=\"img\" aria-label=\"\(HTMLEscaping.escape(options.label))\">"
        output += "<title>\(HTMLEscaping.escape(options.label))</title>"
        if let description = options.description, !description.isEmpty {
            output += "<desc>\(HTMLEscaping.escape(description))</desc>"
        }
    }

    /// The allowed attributes of `element`, values rewritten where needed, sorted by name (the parser hands
    /// them over in dictionary order, which must not reach the output).
    private func cleanAttributes(_ attributes: [String: String], element: String) -> [(String, String)] {
        var kept: [(String, String)] = []
        for (key, value) in attributes {
            switch key {
            case "id":
                kept.append(("id", options.idPrefix + value))
            case "href", "xlink:href":
                guard element == "a", let link = SVGPolicy.link(value) else { continue }
                kept.append(("xlink:href", link))
            case "xlink:title":
                guard element == "a" else { continue }
                kept.append((key, value))
            default:
                guard SVGPolicy.attributes.contains(key) else { continue }
                guard let rewritten = SVGPolicy.reference(value, idPrefix: options.idPrefix) else { continue }
                kept.append((key, rewritten))
            }
        }
        return kept.sorted { $0.0 < $1.0 }
    }
}
