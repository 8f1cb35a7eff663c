// MARK: - Edges for exporters

extension KnowledgeGraph {
    /// Entry → concept edges, one per stored tag whose concept the scheme has; sorted.
    public var aboutEdges: [GraphEdge] {
        entries.flatMap { tagged in
            tagged.tags.filter { scheme.contains($0.concept) }.map {
                GraphEdge(kind: .about, source: .entry(tagged.id), target: .concept($0.concept))
            }
        }.sorted()
    }

    /// Concept → broader concept edges; sorted.
    public var broaderEdges: [GraphEdge] {
        scheme.concepts.flatMap { concept in
            concept.broader.filter(scheme.contains).map {
                GraphEdge(kind: .broader, source: .concept(concept.id), target: .concept($0))
            }
        }.sorted()
    }

    /// Concept ↔ concept `related` edges, each pair once (`source < target`); sorted.
    public var relatedConceptEdges: [GraphEdge] {
        var pairs: Set<[ConceptID]> = []
        for concept in scheme.concepts {
            for other in concept.related where other != concept.id && scheme.contains(other) {
                pairs.insert([concept.id, other].sorted())
            }
        }
        return pairs.map { GraphEdge(kind: .related, source: .concept($0[0]), target: .concept($0[1])) }.sorted()
    }

    /// Entry ↔ entry `related` edges: the union of every entry's top `limit` related entries, each pair once
    /// (`source < target`), weighted by the (symmetric) score; sorted.
    public func relatedEntryEdges(limit: Int = KnowledgeGraph.defaultRelatedLimit) -> [GraphEdge] {
        var seen: Set<[EntryID]> = []
        var edges: [GraphEdge] = []
        for list in allRelated(limit: limit) {
            for related in list.related {
                let pair = [list.entry, related.entry].sorted()
                guard seen.insert(pair).inserted else { continue }
                edges.append(
                    GraphEdge(kind: .related, source: .entry(pair[0]), target: .entry(pair[1]), weight: related.score))
            }
        }
        return edges.sorted()
    }

    /// Every edge: about, broader, related concepts and related entries (top `relatedLimit` each); sorted.
    public func edges(relatedLimit: Int = KnowledgeGraph.defaultRelatedLimit) -> [GraphEdge] {
        (aboutEdges + broaderEdges + relatedConceptEdges + relatedEntryEdges(limit: relatedLimit)).sorted()
    }
}
