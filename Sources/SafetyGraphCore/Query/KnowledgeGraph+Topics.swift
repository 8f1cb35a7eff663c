/// The topic tree: facets, their narrower concepts, and so on, with counts.
extension KnowledgeGraph {
    /// The facets, sorted by id, each with its narrower concepts (recursively) and entry counts.
    public func topics() -> [TopicNode] {
        var path: [ConceptID] = []
        return scheme.topConcepts.map { topic($0.id, path: &path) }
    }

    private func topic(_ id: ConceptID, path: inout [ConceptID]) -> TopicNode {
        path.append(id)
        defer { path.removeLast() }
        // A cycle cannot come from the loader, but a hand-built scheme could hold one: never recurse into the path.
        let children = scheme.narrower(id).filter { !path.contains($0) }.map { topic($0, path: &path) }
        return TopicNode(
            concept: id, prefLabel: scheme[id]?.prefLabel ?? id.rawValue,
            ownCount: postings(of: id, includeNarrower: false).count,
            totalCount: postings(of: id, includeNarrower: true).count, narrower: children)
    }
}
