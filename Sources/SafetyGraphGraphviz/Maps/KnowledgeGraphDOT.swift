import Foundation
import SafetyGraphCore

/// The whole knowledge graph as DOT, for loading into other tools: every concept and entry, and every edge
/// kind — `about` (entry → concept), `broader` (concept → broader concept), `related` between concepts and
/// between entries (with the relatedness `score`).
///
/// Nodes and edges carry a `kind` attribute (`concept`/`entry`, `about`/`broader`/`related`) besides the drawing
/// attributes, so a tool can filter without parsing ids. It is drawn as SVG only while it stays readable: up
/// to `readableNodeLimit` nodes.
public struct KnowledgeGraphDOT: Sendable, Hashable {
    /// Above this many nodes (entries + concepts) a drawing of the whole graph is a hairball, so none is made.
    public static let readableNodeLimit = 100

    /// Prepended to `<concept-id>.html` in concept links (from `graph/`: `../site/topics/`).
    public var linkPrefix: String
    /// How many related entries per entry become edges.
    public var relatedLimit: Int

    public init(linkPrefix: String = TopicMap.defaultLinkPrefix, relatedLimit: Int = 5) {
        self.linkPrefix = linkPrefix
        self.relatedLimit = max(relatedLimit, 0)
    }

    /// The number of nodes the DOT holds.
    public static func nodeCount(of graph: KnowledgeGraph) -> Int { graph.entries.count + graph.scheme.concepts.count }

    /// Whether a drawing of `graph` would be readable (at most `readableNodeLimit` nodes).
    public static func isReadable(_ graph: KnowledgeGraph) -> Bool { nodeCount(of: graph) <= readableNodeLimit }

    /// The whole graph as a DOT model. `encode(_:_:)` writes the same text without building it.
    public func dot(for graph: KnowledgeGraph) -> DOTGraph {
        var nodes: [DOTNode] = graph.scheme.concepts.map { DOTNode(TopicMap.nodeID($0.id), conceptAttributes($0)) }
        for tagged in graph.entries {
            nodes.append(DOTNode(TopicNeighbourhood.nodeID(tagged.id), Self.entryAttributes(tagged)))
        }
        var edges: [DOTEdge] = []
        for edge in graph.edges(relatedLimit: relatedLimit) {
            let from = Self.nodeID(edge.source)
            let to = Self.nodeID(edge.target)
            switch (edge.kind, edge.source.kind) {
            case (.about, _): edges.append(DOTEdge(from, to, Self.aboutAttributes))
            case (.broader, _), (.related, .concept): edges.append(DOTEdge(from, to, Self.conceptEdgeAttributes(edge)))
            case (.related, .entry): edges.append(DOTEdge(from, to, Self.relatedEntryAttributes(score: edge.weight ?? 0)))
            }
        }
        return DOTGraph(
            id: Self.graphID, attributes: Self.graphAttributes(graph), nodeDefaults: Self.nodeDefaults,
            edgeDefaults: Self.edgeDefaults, nodes: nodes, edges: edges)
    }

    /// The text of `dot(for: graph).encoded()`, handed to `write` in pieces of about a megabyte.
    ///
    /// Written straight from the graph: entries and their edges come out in id order already (entries are
    /// sorted by id, an entry's `about` edges end in `concept:…`, which sorts before its `related` ones in
    /// `entry:…`), so nothing is sorted or held but the few concept statements. A 100,000-entry graph's model
    /// cost seconds of dictionaries and sorting; this is one pass. Tests hold it equal to the model's encoding.
    public func encode(_ graph: KnowledgeGraph, _ write: (UnsafeBufferPointer<UInt8>) -> Void) {
        withoutActuallyEscaping(write) { write in encode(graph, into: ChunkedBytes(write: write)) }
    }

    private func encode(_ graph: KnowledgeGraph, into chunks: ChunkedBytes) {
        var out = chunks
        out.line("digraph " + DOTText.quotedID(Self.graphID) + " {")
        out.line("  graph" + DOTText.attributeList(Self.graphAttributes(graph)) + ";")
        out.line("  node" + DOTText.attributeList(Self.nodeDefaults) + ";")
        out.line("  edge" + DOTText.attributeList(Self.edgeDefaults) + ";")

        // Concepts ("concept:…" sorts before "entry:…"): few, so made as text and sorted like the model does.
        let conceptNodes = graph.scheme.concepts.map { concept in
            let id = TopicMap.nodeID(concept.id)
            return (id: id, text: DOTText.quotedID(id) + DOTText.attributeList(conceptAttributes(concept)) + ";")
        }
        for statement in conceptNodes.sorted(by: { ($0.id, $0.text) < ($1.id, $1.text) }) { out.line("  " + statement.text) }
        let entries = graph.entries
        // Each entry is lent in place: passing `entries[index]` copied (retained) every field of it.
        entries.withUnsafeBufferPointer { lent in
            for index in lent.indices { out.entryNode(lent.baseAddress! + index) }
        }

        let conceptEdges = (graph.broaderEdges + graph.relatedConceptEdges).map { edge in
            let from = Self.nodeID(edge.source)
            let to = Self.nodeID(edge.target)
            let text = DOTText.quotedID(from) + " -> " + DOTText.quotedID(to)
                + DOTText.attributeList(Self.conceptEdgeAttributes(edge)) + ";"
            return (from: from, to: to, text: text)
        }
        for statement in conceptEdges.sorted(by: { ($0.from, $0.to, $0.text) < ($1.from, $1.to, $1.text) }) {
            out.line("  " + statement.text)
        }
        let pairs = relatedLimit > 0 ? graph.relatedEntryPairs(limit: relatedLimit) : []
        var next = 0
        entries.withUnsafeBufferPointer { entries in  // fields read in place: no copy of each entry
            for index in entries.indices {
                let id = entries[index].entry.id
                let tags = entries[index].tags
                // Tags are stored sorted by concept; anything else is sorted here as the model sorts its edges.
                if tags.indices.dropFirst().allSatisfy({ tags[$0 - 1].concept < tags[$0].concept }) {
                    for tag in tags where graph.scheme.contains(tag.concept) { out.aboutEdge(from: id, to: tag.concept) }
                } else {
                    for concept in tags.map(\.concept).filter(graph.scheme.contains).sorted() {
                        out.aboutEdge(from: id, to: concept)
                    }
                }
                while next < pairs.count, pairs[next].lower == index {
                    let pair = pairs[next]
                    out.relatedEdge(from: id, to: entries[Int(pair.upper)].entry.id, score: pair.score)
                    next += 1
                }
            }
        }
        out.line("}")
        out.flush()
    }

    /// The text of `encode(_:_:)` as one string (for a graph small enough to hold).
    public func encoded(_ graph: KnowledgeGraph) -> String {
        var bytes: [UInt8] = []
        encode(graph) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Attributes (shared by the model and the writer)

    static let graphID = "knowledge-graph"
    static let nodeDefaults: DOTAttributes = ["fontname": GraphStyle.font, "fontsize": "10", "target": "_top"]
    static let edgeDefaults: DOTAttributes = ["color": GraphStyle.broaderColor, "arrowsize": "0.5"]
    static let aboutAttributes: DOTAttributes = ["kind": "about", "color": GraphStyle.entryBorder]
    static let relatedEntryColor = "#7f7f7f"

    static func graphAttributes(_ graph: KnowledgeGraph) -> DOTAttributes {
        let scheme = graph.scheme
        return [
            "charset": "UTF-8", "label": "\(scheme.title): \(graph.entries.count) entries, \(scheme.concepts.count) concepts",
            "labelloc": "t", "fontname": GraphStyle.boldFont, "fontsize": "18", "rankdir": "LR",
            "outputorder": "edgesfirst", "overlap": "false",
        ]
    }

    func conceptAttributes(_ concept: Concept) -> DOTAttributes {
        [
            "kind": "concept", "label": GraphText.wrapped(concept.prefLabel, width: 22),
            "URL": ConceptLink.href(concept.id, prefix: linkPrefix),
            "tooltip": GraphText.shortened(concept.definition, limit: 600),
            "shape": "box", "style": "rounded,filled", "fillcolor": GraphStyle.shades[1].fill,
        ]
    }

    static func entryLabel(_ title: String) -> String { GraphText.wrapped(title, width: 30, maxLines: 3) }
    static func entryTooltip(_ title: String) -> String { GraphText.shortened(title, limit: 300) }

    static func entryAttributes(_ tagged: TaggedEntry) -> DOTAttributes {
        var attributes: DOTAttributes = [
            "kind": "entry", "label": entryLabel(tagged.entry.title), "tooltip": entryTooltip(tagged.entry.title),
            "shape": "box", "style": "filled", "fillcolor": GraphStyle.entryFill, "color": GraphStyle.entryBorder,
        ]
        if let link = GraphText.webLink(tagged.entry.url) { attributes["URL"] = link }
        if let year = tagged.entry.year { attributes["year"] = String(year) }
        return attributes
    }

    static func conceptEdgeAttributes(_ edge: GraphEdge) -> DOTAttributes {
        edge.kind == .broader
            ? ["kind": "broader"]
            : ["kind": "related", "dir": "none", "style": "dashed", "color": GraphStyle.relatedColor]
    }

    static func relatedEntryAttributes(score: Double) -> DOTAttributes {
        [
            "kind": "related", "score": GraphText.sixDecimals(score), "dir": "none", "style": "dotted",
            "color": relatedEntryColor, "constraint": "false",
        ]
    }

    private static func nodeID(_ node: GraphNode) -> String {
        switch node.kind {
        case .concept: return TopicMap.nodeID(ConceptID(node.id))
        case .entry: return TopicNeighbourhood.nodeID(EntryID(node.id))
        }
    }
}

/// Bytes gathered and handed on a megabyte at a time; the entry statements of `KnowledgeGraphDOT.encode`, with
/// their attributes in the order `DOTText.attributeList` sorts them to (capitals first: `URL` before `color`).
private struct ChunkedBytes {
    let write: (UnsafeBufferPointer<UInt8>) -> Void
    var bytes: [UInt8] = []

    init(write: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        self.write = write
        bytes.reserveCapacity(1 << 20 + 1 << 16)
    }

    mutating func line(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        endLine()
    }

    mutating func endLine() {
        bytes.append(UInt8(ascii: "\n"))
        if bytes.count >= 1 << 20 { flush() }
    }

    mutating func flush() {
        if !bytes.isEmpty { bytes.withUnsafeBufferPointer(write) }
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func id(_ prefix: StaticString, _ id: String) {
        raw("\"")
        raw(prefix)
        DOTText.appendEscaped(id, backslash: 2, to: &bytes)
        raw("\"")
    }

    /// The attributes that are the same on every entry node and edge, written once as bytes (through the same
    /// quoting as every other value).
    private static let entryConstants: [UInt8] = segment(
        [("color", GraphStyle.entryBorder), ("fillcolor", GraphStyle.entryFill), ("kind", "entry")])
    private static let entryShape: [UInt8] = segment([("shape", "box"), ("style", "filled")])
    private static let aboutAttributes: [UInt8] = segment([("color", GraphStyle.entryBorder), ("kind", "about")])
    private static let relatedAttributes: [UInt8] = segment([
        ("color", KnowledgeGraphDOT.relatedEntryColor), ("constraint", "false"), ("dir", "none"), ("kind", "related"),
    ])

    private static let relatedStyle: [UInt8] = segment([("style", "dotted")])

    /// `, a="1", b="2"`.
    private static func segment(_ attributes: [(String, String)]) -> [UInt8] {
        var out: [UInt8] = []
        for (name, value) in attributes {
            out += Array(", ".utf8) + Array(name.utf8) + [UInt8(ascii: "=")]
            DOTText.appendQuotedValue(value, attribute: name, to: &out)
        }
        return out
    }

    /// `, name=` and the quoted value (`backslash` as in `DOTText.appendQuoted`).
    private mutating func value(_ name: StaticString, _ value: String, backslash: Int = 2) {
        raw(", ")
        raw(name)
        raw("=")
        DOTText.appendQuoted(value, backslash: backslash, to: &bytes)
    }

    /// One entry's node statement; the entry is read through a pointer into the graph (passing it by value
    /// copied, and retained, every field).
    mutating func entryNode(_ tagged: UnsafePointer<TaggedEntry>) {
        raw("  ")
        id("entry:", tagged.pointee.entry.id.rawValue)
        raw(" [")
        // Attributes in `DOTText.attributeList`'s order: capitals first (`URL`), then by name.
        if let link = GraphText.webLink(tagged.pointee.entry.url) {
            raw("URL=")
            DOTText.appendQuotedURL(link, to: &bytes)
            bytes += Self.entryConstants
        } else {
            bytes += Self.entryConstants.dropFirst(2)  // no ", " before the first attribute
        }
        value("label", KnowledgeGraphDOT.entryLabel(tagged.pointee.entry.title))
        bytes += Self.entryShape
        value("tooltip", KnowledgeGraphDOT.entryTooltip(tagged.pointee.entry.title), backslash: 4)
        if let year = tagged.pointee.entry.year { value("year", String(year)) }
        endStatement()
    }

    mutating func aboutEdge(from entry: EntryID, to concept: ConceptID) {
        beginEdge(from: entry, to: "concept:", concept.rawValue)
        bytes += Self.aboutAttributes.dropFirst(2)
        endStatement()
    }

    mutating func relatedEdge(from entry: EntryID, to other: EntryID, score: Double) {
        beginEdge(from: entry, to: "entry:", other.rawValue)
        bytes += Self.relatedAttributes.dropFirst(2)
        raw(", score=\"")
        GraphText.appendSixDecimals(score, to: &bytes)  // digits, a sign and a point: nothing to escape
        raw("\"")
        bytes += Self.relatedStyle
        endStatement()
    }

    /// `  "entry:<id>" -> "<prefix><target>" [`: an edge statement up to its first attribute.
    private mutating func beginEdge(from entry: EntryID, to prefix: StaticString, _ target: String) {
        raw("  ")
        id("entry:", entry.rawValue)
        raw(" -> ")
        id(prefix, target)
        raw(" [")
    }

    private mutating func endStatement() {
        raw("];")
        endLine()
    }
}
