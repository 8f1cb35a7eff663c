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
        relatedEntryPairs(limit: limit).map {
            GraphEdge(
                kind: .related, source: .entry(entries[Int($0.lower)].id), target: .entry(entries[Int($0.upper)].id),
                weight: $0.score)
        }
    }

    /// The pairs of `relatedEntryEdges` as indices into `entries` (`lower < upper`), sorted; a pair found in both
    /// entries' lists carries the score of the list that comes first.
    ///
    /// Worked in indices (which are in id order) with one sort, so a 100,000-entry graph's pairs cost no
    /// string comparisons or hashing.
    public func relatedEntryPairs(limit: Int = KnowledgeGraph.defaultRelatedLimit) -> [RelatedPair] {
        var found: [(pair: RelatedPair, order: Int)] = []
        let entryIndex = self.entryIndex  // asked once: each ask takes the look-up memo's lock
        for (i, list) in allRelated(limit: limit).enumerated() {
            for related in list.related {
                guard let j = entryIndex[related.entry].map(Int.init) else { continue }
                let pair = RelatedPair(lower: Int32(min(i, j)), upper: Int32(max(i, j)), score: related.score)
                found.append((pair, found.count))
            }
        }
        found.sort { ($0.pair.lower, $0.pair.upper, $0.order) < ($1.pair.lower, $1.pair.upper, $1.order) }
        var pairs: [RelatedPair] = []
        pairs.reserveCapacity(found.count)
        for item in found where pairs.last.map({ ($0.lower, $0.upper) != (item.pair.lower, item.pair.upper) }) ?? true {
            pairs.append(item.pair)
        }
        return pairs
    }

    /// Every edge: about, broader, related concepts and related entries (top `relatedLimit` each); sorted.
    public func edges(relatedLimit: Int = KnowledgeGraph.defaultRelatedLimit) -> [GraphEdge] {
        (aboutEdges + broaderEdges + relatedConceptEdges + relatedEntryEdges(limit: relatedLimit)).sorted()
    }
}

/// Two related entries, as indices into `KnowledgeGraph.entries` (`lower < upper`), and their score.
public struct RelatedPair: Sendable, Hashable {
    public var lower: Int32
    public var upper: Int32
    public var score: Double
}
