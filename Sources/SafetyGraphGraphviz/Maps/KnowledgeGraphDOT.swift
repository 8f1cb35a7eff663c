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

    public func dot(for graph: KnowledgeGraph) -> DOTGraph {
        let scheme = graph.scheme
        var nodes: [DOTNode] = scheme.concepts.map { concept in
            DOTNode(
                TopicMap.nodeID(concept.id),
                [
                    "kind": "concept", "label": GraphText.wrapped(concept.prefLabel, width: 22),
                    "URL": ConceptLink.href(concept.id, prefix: linkPrefix),
                    "tooltip": GraphText.shortened(concept.definition, limit: 600),
                    "shape": "box", "style": "rounded,filled", "fillcolor": GraphStyle.shades[1].fill,
                ])
        }
        for tagged in graph.entries {
            var attributes: DOTAttributes = [
                "kind": "entry", "label": GraphText.wrapped(tagged.entry.title, width: 30, maxLines: 3),
                "tooltip": GraphText.shortened(tagged.entry.title, limit: 300), "shape": "box", "style": "filled",
                "fillcolor": GraphStyle.entryFill, "color": GraphStyle.entryBorder,
            ]
            if let link = GraphText.webLink(tagged.entry.url) { attributes["URL"] = link }
            if let year = tagged.entry.year { attributes["year"] = String(year) }
            nodes.append(DOTNode(TopicNeighbourhood.nodeID(tagged.id), attributes))
        }

        var edges: [DOTEdge] = []
        for edge in graph.edges(relatedLimit: relatedLimit) {
            let from = Self.nodeID(edge.source)
            let to = Self.nodeID(edge.target)
            switch (edge.kind, edge.source.kind) {
            case (.about, _):
                edges.append(DOTEdge(from, to, ["kind": "about", "color": GraphStyle.entryBorder]))
            case (.broader, _):
                edges.append(DOTEdge(from, to, ["kind": "broader"]))
            case (.related, .concept):
                edges.append(
                    DOTEdge(
                        from, to,
                        ["kind": "related", "dir": "none", "style": "dashed", "color": GraphStyle.relatedColor]))
            case (.related, .entry):
                let score = edge.weight ?? 0
                edges.append(
                    DOTEdge(
                        from, to,
                        [
                            "kind": "related", "score": GraphText.sixDecimals(score), "dir": "none",
                            "style": "dotted", "color": "#7f7f7f", "constraint": "false",
                        ]))
            }
        }
        return DOTGraph(
            id: "knowledge-graph",
            attributes: [
                "charset": "UTF-8", "label": "\(scheme.title): \(graph.entries.count) entries, \(scheme.concepts.count) concepts",
                "labelloc": "t", "fontname": GraphStyle.boldFont, "fontsize": "18", "rankdir": "LR",
                "outputorder": "edgesfirst", "overlap": "false",
            ],
            nodeDefaults: ["fontname": GraphStyle.font, "fontsize": "10", "target": "_top"],
            edgeDefaults: ["color": GraphStyle.broaderColor, "arrowsize": "0.5"],
            nodes: nodes,
            edges: edges)
    }

    private static func nodeID(_ node: GraphNode) -> String {
        switch node.kind {
        case .concept: return TopicMap.nodeID(ConceptID(node.id))
        case .entry: return TopicNeighbourhood.nodeID(EntryID(node.id))
        }
    }
}
