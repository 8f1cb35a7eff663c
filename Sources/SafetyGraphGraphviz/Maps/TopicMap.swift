import SafetyGraphCore

/// The topic map: every facet a cluster, every concept a node shaded by how many entries fall under it (its own
/// and its narrower concepts'), `broader` edges as the tree, `related` edges (between topics of the same facet)
/// dashed without arrowheads, a legend and a title. Facet clusters are laid out left to right in two columns.
///
/// Each concept node links to its topic page (`linkPrefix` + `<id>.html`) with the definition as tooltip.
/// Concepts no entry falls under are left out by default (the map shows what the catalogue holds; the topic
/// pages and `safetygraph topics` list the whole scheme); `includeEmpty` draws them faint instead.
public struct TopicMap: Sendable, Hashable {
    /// Links from `graph/topic-map.svg` to the site's topic pages.
    public static let defaultLinkPrefix = "../site/topics/"

    /// Prepended to `<concept-id>.html` in every link (`topics/` when the map is inlined in `site/index.html`).
    public var linkPrefix: String
    /// Whether concepts without entries are drawn (faint) rather than left out.
    public var includeEmpty: Bool

    public init(linkPrefix: String = TopicMap.defaultLinkPrefix, includeEmpty: Bool = false) {
        self.linkPrefix = linkPrefix
        self.includeEmpty = includeEmpty
    }

    /// The node id of a concept on the map (`concept:<id>`; legend nodes start with `legend:`, so they never clash).
    public static func nodeID(_ concept: ConceptID) -> String { "concept:" + concept.rawValue }

    /// The SVG element id of a concept's node (`topic-<id>`), for styling and tests.
    public static func elementID(_ concept: ConceptID) -> String { "topic-" + concept.rawValue }

    /// The concepts drawn, sorted by id: those with entries (with narrower), or all with `includeEmpty`.
    public func concepts(in graph: KnowledgeGraph) -> [Concept] {
        graph.scheme.concepts.filter { includeEmpty || graph.count(of: $0.id, includeNarrower: true) > 0 }
    }

    /// The map as a DOT graph.
    public func dot(for graph: KnowledgeGraph) -> DOTGraph {
        let scheme = graph.scheme
        let layout = SchemeLayout(scheme: scheme)
        let shown = concepts(in: graph)
        let shownIDs = Set(shown.map(\.id))

        // One cluster per facet that has something to show; facets sort first in their cluster by name.
        var clusters: [ConceptID: DOTSubgraph] = [:]
        for concept in shown {
            let facet = layout.primaryFacet[concept.id] ?? concept.id
            var cluster = clusters[facet] ?? Self.cluster(for: facet)
            cluster.nodes.append(node(concept, count: graph.count(of: concept.id, includeNarrower: true)))
            clusters[facet] = cluster
        }

        var edges: [DOTEdge] = []
        for concept in shown {
            let primary = layout.primaryBroader(of: concept.id)
            for broader in concept.broader where shownIDs.contains(broader) {
                var attributes: DOTAttributes = ["class": "broader"]
                if broader != primary {
                    // A second parent in another branch: drawn, but it must not pull the concept out of place.
                    attributes["constraint"] = "false"
                    attributes["color"] = GraphStyle.secondaryBroaderColor
                    attributes["style"] = "dashed"
                    attributes["arrowhead"] = "empty"
                }
                edges.append(DOTEdge(Self.nodeID(broader), Self.nodeID(concept.id), attributes))
            }
        }
        for edge in graph.relatedConceptEdges {
            let a = ConceptID(edge.source.id)
            let b = ConceptID(edge.target.id)
            // Only within a facet: related edges across facets run the length of the map, tangle the clusters
            // and pull them out of their columns (tried: unreadable); each topic's neighbourhood graph shows them.
            guard shownIDs.contains(a), shownIDs.contains(b), layout.primaryFacet[a] == layout.primaryFacet[b] else {
                continue
            }
            edges.append(
                DOTEdge(
                    Self.nodeID(a), Self.nodeID(b),
                    [
                        "class": "related", "constraint": "false", "dir": "none", "style": "dashed",
                        "color": GraphStyle.relatedColor,
                    ]))
        }

        edges += Self.columnEdges(clusters: clusters, shown: shown, layout: layout)
        let entryCount = graph.entries.count
        let title = "\(scheme.title) — topic map: \(shown.count) topics, \(entryCount) entries"
        return DOTGraph(
            id: "topic-map",
            attributes: [
                "charset": "UTF-8", "label": title, "labelloc": "t", "labeljust": "l", "fontname": GraphStyle.boldFont,
                "fontsize": "20", "rankdir": "LR", "newrank": "true", "nodesep": "0.12", "ranksep": "0.35",
                "pad": "0.3", "outputorder": "edgesfirst", "bgcolor": "white",
            ],
            nodeDefaults: [
                "shape": "box", "style": "rounded,filled", "fontname": GraphStyle.font, "fontsize": "12",
                "margin": "0.1,0.04", "height": "0.3", "color": GraphStyle.border, "penwidth": "0.8",
                "target": "_top",
            ],
            edgeDefaults: ["color": GraphStyle.broaderColor, "arrowsize": "0.6", "penwidth": "0.9"],
            subgraphs: clusters.values.sorted { $0.id < $1.id } + [TopicMapLegend.cluster(includeEmpty: includeEmpty)],
            edges: edges + TopicMapLegend.edges(includeEmpty: includeEmpty))
    }

    /// Invisible edges that arrange the facet clusters in two columns, so the map is about as wide as it is tall
    /// rather than one tall strip: clusters are sorted by height (the most nodes at one depth) and paired, the
    /// larger of each pair on the left; an edge from the left facet to the right one, as long as the left
    /// cluster is deep, puts the right cluster beside it.
    private static func columnEdges(clusters: [ConceptID: DOTSubgraph], shown: [Concept], layout: SchemeLayout)
        -> [DOTEdge]
    {
        var depth: [ConceptID: Int] = [:]
        func depthOf(_ id: ConceptID, _ guardCount: Int = 0) -> Int {
            if let known = depth[id] { return known }
            guard guardCount < 64, let up = layout.primaryBroader(of: id) else { return 0 }
            let d = depthOf(up, guardCount + 1) + 1
            depth[id] = d
            return d
        }
        var perFacet: [ConceptID: [Int: Int]] = [:]  // facet -> depth -> nodes
        for concept in shown {
            let facet = layout.primaryFacet[concept.id] ?? concept.id
            perFacet[facet, default: [:]][depthOf(concept.id), default: 0] += 1
        }
        let facets = clusters.keys.sorted { a, b in
            let ha = perFacet[a]?.values.max() ?? 0
            let hb = perFacet[b]?.values.max() ?? 0
            return ha != hb ? ha > hb : a < b
        }
        var edges: [DOTEdge] = []
        var index = 0
        while index + 1 < facets.count {
            let left = facets[index]
            let right = facets[index + 1]
            let leftDepth = perFacet[left]?.keys.max() ?? 0
            edges.append(
                DOTEdge(nodeID(left), nodeID(right), ["style": "invis", "minlen": String(leftDepth + 1), "class": "layout"]))
            index += 2
        }
        return edges
    }

    private static func cluster(for facet: ConceptID) -> DOTSubgraph {
        DOTSubgraph(
            id: "facet-" + facet.rawValue,
            attributes: [
                "style": "rounded,filled", "fillcolor": GraphStyle.clusterFill, "color": GraphStyle.clusterBorder,
                "label": "", "margin": "10",
            ])
    }

    private func node(_ concept: Concept, count: Int) -> DOTNode {
        let isFacet = concept.isFacet
        let label = GraphText.wrapped(concept.prefLabel, width: isFacet ? 18 : 22) + " (\(count))"
        var attributes: DOTAttributes = [
            "label": label,
            "id": Self.elementID(concept.id),
            "URL": ConceptLink.href(concept.id, prefix: linkPrefix),
            "tooltip": "\(concept.prefLabel) — \(count) \(count == 1 ? "entry" : "entries"). "
                + GraphText.shortened(concept.definition, limit: 600),
            "class": isFacet ? "topic facet" : "topic",
        ]
        if let shade = GraphStyle.shade(for: count) {
            attributes["fillcolor"] = shade.fill
            attributes["fontcolor"] = shade.fontColor
        } else {
            attributes["fillcolor"] = GraphStyle.emptyFill
            attributes["fontcolor"] = GraphStyle.emptyFontColor
            attributes["color"] = GraphStyle.emptyBorder
            attributes["style"] = "rounded,filled,dashed"
        }
        if isFacet {
            attributes["fontname"] = GraphStyle.boldFont
            attributes["fontsize"] = "15"
            attributes["penwidth"] = "1.6"
        }
        return DOTNode(Self.nodeID(concept.id), attributes)
    }
}
