import SafetyGraphCore

/// A small graph around one concept: its broader, narrower and related concepts, and its entries (the first
/// `entryLimit`, then a "+N more" node linking to the topic page).
///
/// Entries are those tagged with the concept or anything narrower, ordered: tagged with the concept itself
/// first, then newest first (undated last), then by title. Concepts link to their topic pages
/// (`linkPrefix` + `<id>.html`); an entry links to its URL when that is http(s), and is no link otherwise.
public struct TopicNeighbourhood: Sendable, Hashable {
    /// Links from `graph/topics/<id>.svg` to the site's topic pages.
    public static let defaultLinkPrefix = "../../site/topics/"

    public var linkPrefix: String
    /// How many entries are drawn before the "+N more" node.
    public var entryLimit: Int

    public init(linkPrefix: String = TopicNeighbourhood.defaultLinkPrefix, entryLimit: Int = 10) {
        self.linkPrefix = linkPrefix
        self.entryLimit = max(entryLimit, 0)
    }

    /// The node id of an entry (`entry:<id>`); concepts use `TopicMap.nodeID`.
    public static func nodeID(_ entry: EntryID) -> String { "entry:" + entry.rawValue }

    /// The node id of the "+N more" node.
    public static let moreNodeID = "more"

    /// The entries under `concept`, in drawing order, and how many are left over.
    public func entries(of concept: ConceptID, in graph: KnowledgeGraph) -> (shown: [TaggedEntry], more: Int) {
        // Positions, not entries: a broad topic holds most of a large catalogue, and only the few shown are copied.
        let all = graph.entryIndices(taggedWith: concept, includeNarrower: true)
        // Which of them are tagged with the concept itself: both lists ascend, so one walk marks them (looking
        // through each entry's tags, for every entry of every concept, was most of the drawings' own time).
        let own = graph.entryIndices(taggedWith: concept, includeNarrower: false)
        var isOwn = [Bool](repeating: false, count: all.count)
        var o = 0
        for k in all.indices where o < own.count && own[o] == all[k] {
            isOwn[k] = true
            o += 1
        }
        let entries = graph.entries
        // The first `entryLimit` in that order, kept in one pass: sorting all of a broad topic for every one of
        // the scheme's concepts dominated the drawings. `shown` holds places in `all`.
        var shown: [Int] = []
        entries.withUnsafeBufferPointer { entries in  // fields read in place, no copy of an entry
            func precedes(_ x: Int, _ y: Int) -> Bool {
                if isOwn[x] != isOwn[y] { return isOwn[x] }
                let a = Int(all[x]), b = Int(all[y])
                let yearA = entries[a].entry.year, yearB = entries[b].entry.year
                if yearA != yearB { return (yearA ?? Int.min) > (yearB ?? Int.min) }
                if entries[a].entry.title != entries[b].entry.title { return entries[a].entry.title < entries[b].entry.title }
                return a < b  // entries are sorted by id, ids unique: position order is id order
            }
            for k in all.indices where entryLimit > 0 {
                if shown.count == entryLimit, let last = shown.last, !precedes(k, last) { continue }
                let position = shown.firstIndex { precedes(k, $0) } ?? shown.count
                shown.insert(k, at: position)
                if shown.count > entryLimit { shown.removeLast() }
            }
        }
        return (shown.map { entries[Int(all[$0])] }, all.count - shown.count)
    }

    /// The neighbourhood of `concept` as a DOT graph; nil when the scheme has no such concept.
    public func dot(for concept: ConceptID, in graph: KnowledgeGraph) -> DOTGraph? {
        let scheme = graph.scheme
        guard let center = scheme[concept] else { return nil }
        let total = graph.count(of: concept, includeNarrower: true)

        var nodes: [DOTNode] = [conceptNode(center, count: total, role: "center")]
        var edges: [DOTEdge] = []
        var placed: Set<ConceptID> = [concept]
        for broader in center.broader.sorted() where scheme.contains(broader) && placed.insert(broader).inserted {
            if let b = scheme[broader] { nodes.append(conceptNode(b, count: graph.count(of: broader), role: "broader")) }
            edges.append(DOTEdge(TopicMap.nodeID(broader), TopicMap.nodeID(concept), ["class": "broader"]))
        }
        for narrower in scheme.narrower(concept) where placed.insert(narrower).inserted {
            if let n = scheme[narrower] { nodes.append(conceptNode(n, count: graph.count(of: narrower), role: "narrower")) }
            edges.append(DOTEdge(TopicMap.nodeID(concept), TopicMap.nodeID(narrower), ["class": "narrower"]))
        }
        for related in center.related.sorted() where scheme.contains(related) && placed.insert(related).inserted {
            if let r = scheme[related] { nodes.append(conceptNode(r, count: graph.count(of: related), role: "related")) }
            edges.append(
                DOTEdge(
                    TopicMap.nodeID(concept), TopicMap.nodeID(related),
                    ["class": "related", "dir": "none", "style": "dashed", "color": GraphStyle.relatedColor]))
        }

        let (shown, more) = entries(of: concept, in: graph)
        var entryNodes = shown.map(entryNode)
        if more > 0 {
            entryNodes.append(
                DOTNode(
                    Self.moreNodeID,
                    [
                        "label": "+\(more) more", "URL": ConceptLink.href(concept, prefix: linkPrefix),
                        "tooltip": "All \(total) entries on the topic page", "style": "rounded,dashed",
                        "fillcolor": "white", "class": "more", "id": "more",
                    ]))
        }
        for node in entryNodes {
            edges.append(
                DOTEdge(
                    TopicMap.nodeID(concept), node.id,
                    ["class": "about", "color": GraphStyle.entryBorder, "arrowhead": "none"]))
        }
        let entryCluster = DOTSubgraph(
            id: "entries",
            attributes: [
                "label": shown.isEmpty ? "No entries yet" : "Entries (\(shown.count) of \(total))",
                "labeljust": "l", "fontname": GraphStyle.font, "fontsize": "11", "style": "rounded",
                "color": GraphStyle.clusterBorder,
            ],
            nodes: entryNodes)

        return DOTGraph(
            id: "topic-" + concept.rawValue,
            attributes: [
                "charset": "UTF-8", "label": center.prefLabel + ": neighbourhood", "labelloc": "t", "labeljust": "l",
                "fontname": GraphStyle.boldFont, "fontsize": "16", "rankdir": "LR", "nodesep": "0.12",
                "ranksep": "0.5", "pad": "0.2", "outputorder": "edgesfirst",
            ],
            nodeDefaults: [
                "shape": "box", "style": "rounded,filled", "fontname": GraphStyle.font, "fontsize": "11",
                "margin": "0.1,0.04", "height": "0.3", "color": GraphStyle.border, "penwidth": "0.8",
                "target": "_top",
            ],
            edgeDefaults: ["color": GraphStyle.broaderColor, "arrowsize": "0.6", "penwidth": "0.9"],
            subgraphs: shown.isEmpty && more == 0 ? [] : [entryCluster],
            nodes: nodes,
            edges: edges)
    }

    private func conceptNode(_ concept: Concept, count: Int, role: String) -> DOTNode {
        var attributes: DOTAttributes = [
            "label": GraphText.wrapped(concept.prefLabel, width: 24) + " (\(count))",
            "URL": ConceptLink.href(concept.id, prefix: linkPrefix),
            "tooltip": "\(concept.prefLabel) — \(count) \(count == 1 ? "entry" : "entries"). "
                + GraphText.shortened(concept.definition, limit: 600),
            "class": "topic " + role,
            "id": TopicMap.elementID(concept.id),
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
        if role == "center" {
            attributes["fontname"] = GraphStyle.boldFont
            attributes["fontsize"] = "14"
            attributes["penwidth"] = "2"
        }
        return DOTNode(TopicMap.nodeID(concept.id), attributes)
    }

    private func entryNode(_ tagged: TaggedEntry) -> DOTNode {
        let entry = tagged.entry
        var label = GraphText.wrapped(entry.title, width: 34, maxLines: 3)
        if let year = entry.year { label += "\n(\(year))" }
        var tooltip = GraphText.shortened(entry.title, limit: 300)
        if !entry.authors.isEmpty { tooltip += " — " + GraphText.shortened(entry.authors.joined(separator: ", "), limit: 200) }
        if let year = entry.year { tooltip += " (\(year))" }
        var attributes: DOTAttributes = [
            "label": label, "tooltip": tooltip, "fillcolor": GraphStyle.entryFill, "color": GraphStyle.entryBorder,
            "style": "filled", "class": "entry",
        ]
        if let link = GraphText.webLink(entry.url) { attributes["URL"] = link }
        return DOTNode(Self.nodeID(tagged.id), attributes)
    }
}
