import SafetyGraphCore

/// Page JSON-LD made by the linked-data export itself: each page carries the export's own nodes for what it
/// shows — the scheme or concept (SKOS) and each listed entry with its authors, publisher and the reasons for
/// its tags (schema.org and our terms) — exactly as they stand in `jsonld/graph.jsonld`, same IRIs, same
/// triples, under the export's context. A page node (a schema.org `CollectionPage` whose `mainEntity` is an
/// `ItemList` of the entries) ties them together; it is a blank node, the only thing not in the dump.
///
/// Nodes are encoded once, when the value is made, and copied into every page that lists them.
public struct LinkedDataPages: SiteLinkedData {
    public let base: LinkedDataBase
    private let context: String
    private let schemeNode: String
    private let conceptNodes: [ConceptID: String]
    /// Per entry: its node and the nodes it owns (authors, publisher, taggings), comma-separated.
    private let entryNodes: [EntryID: String]

    /// Encodes every node of `graph` under `base`.
    public init(graph: KnowledgeGraph, base: LinkedDataBase) {
        self.base = base
        let model = LinkedDataModel(graph: graph, vocabulary: LinkedVocabulary(base: base))
        let writer = JSONLDWriter(vocabulary: model.vocabulary)

        let contextSink = ByteSink()
        writer.writeContext(to: contextSink, indent: "")
        context = contextSink.text

        func encode(_ node: LinkedNode) -> String {
            let sink = ByteSink()
            writer.write(node, to: sink)
            return sink.text
        }

        var scheme = ""
        var concepts: [ConceptID: String] = [:]
        let conceptByIRI = Dictionary(
            graph.scheme.concepts.map { (base.concept($0.id), $0.id) }, uniquingKeysWith: { first, _ in first })
        _ = model.forEachSchemeNode { node in
            if node.iri == base.scheme {
                scheme = encode(node)
            } else if let id = conceptByIRI[node.iri] {
                concepts[id] = encode(node)
            }
        }
        schemeNode = scheme
        conceptNodes = concepts

        // The catalogue stream holds each entry's node followed by the nodes under its IRI (`…/authors/1`,
        // `…/publisher`, `…/tagging/…`); sections come first and belong to no single entry.
        let entryByIRI = Dictionary(
            graph.entries.map { (base.entry($0.id), $0.id) }, uniquingKeysWith: { first, _ in first })
        var entries: [EntryID: [String]] = [:]
        _ = model.forEachCatalogNode { node in
            guard node.iri.hasPrefix(base.entryNamespace) else { return }
            let rest = node.iri.dropFirst(base.entryNamespace.count)
            let owner = base.entryNamespace + rest.prefix { $0 != "/" }
            guard let id = entryByIRI[owner] else { return }
            entries[id, default: []].append(encode(node))
        }
        entryNodes = entries.mapValues { $0.joined(separator: ",\n") }
    }

    /// The schema.org terms of the page node, which the export's context does not define.
    static let pageContext = """
        {"CollectionPage": "https://schema.org/CollectionPage", "SearchResultsPage": "https://schema.org/SearchResultsPage", \
        "ItemList": "https://schema.org/ItemList", "ListItem": "https://schema.org/ListItem", \
        "mainEntity": {"@id": "https://schema.org/mainEntity"}, "itemListElement": {"@id": "https://schema.org/itemListElement"}, \
        "numberOfItems": {"@id": "https://schema.org/numberOfItems"}, "position": {"@id": "https://schema.org/position"}, \
        "item": {"@id": "https://schema.org/item", "@type": "@id"}}
        """

    public func jsonLD(for page: SitePage, in graph: KnowledgeGraph) throws -> String {
        var nodes: [String] = []
        let about: String
        switch page.subject {
        case .topic(let id):
            about = base.concept(id)
            if let node = conceptNodes[id] { nodes.append(node) }
        case .home:
            about = base.scheme
            nodes.append(schemeNode)
            nodes += graph.scheme.topConcepts.compactMap { conceptNodes[$0.id] }
        case .kind, .aToZ, .coverage, .search:
            about = base.scheme
        }
        let listed = page.entries.filter { entryNodes[$0] != nil }
        nodes += listed.compactMap { entryNodes[$0] }

        let sink = ByteSink()
        sink.append("{\"@type\": \"\(page.subject == .search ? "SearchResultsPage" : "CollectionPage")\", \"name\": ")
        sink.appendJSONString(page.title)
        sink.append(", \"about\": ")
        sink.appendJSONString(about)
        if !listed.isEmpty {
            sink.append(", \"mainEntity\": {\"@type\": \"ItemList\", \"numberOfItems\": \(listed.count), \"itemListElement\": [")
            for (i, id) in listed.enumerated() {
                sink.append(i == 0 ? "\n" : ",\n")
                sink.append("{\"@type\": \"ListItem\", \"position\": \(i + 1), \"item\": ")
                sink.appendJSONString(base.entry(id))
                sink.append("}")
            }
            sink.append("]}")
        }
        sink.append("}")
        let pageNode = sink.text
        return "{\"@context\": [" + context + ",\n" + Self.pageContext + "],\n\"@graph\": [\n"
            + ([pageNode] + nodes).joined(separator: ",\n") + "\n]}"
    }
}
