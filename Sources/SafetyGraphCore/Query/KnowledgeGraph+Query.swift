/// Tag queries: AND / OR / NOT over concepts, with or without the hierarchy closure.
extension KnowledgeGraph {
    /// Checks that every concept the query names exists; throws them all, with suggestions, when not.
    public func validate(_ query: TagQuery) throws(QueryError) {
        let unknown = query.concepts.filter { !scheme.contains($0) }
        guard !unknown.isEmpty else { return }
        throw .unknownConcepts(
            unknown.map { UnknownConcept(id: $0.rawValue, suggestions: ConceptSuggester.suggestions(for: $0.rawValue, in: scheme)) })
    }

    /// The entries matching `query`, sorted by id.
    public func entries(matching query: TagQuery) throws(QueryError) -> [TaggedEntry] {
        try entryIndices(matching: query).map { entries[Int($0)] }
    }

    /// The ids of the entries matching `query`, sorted.
    public func entryIDs(matching query: TagQuery) throws(QueryError) -> [EntryID] {
        try entryIndices(matching: query).map { entries[Int($0)].id }
    }

    /// The closest concept ids to `id` (for hints in tools).
    public func suggestions(for id: String, limit: Int = 3) -> [ConceptID] {
        ConceptSuggester.suggestions(for: id, in: scheme, limit: limit)
    }

    func entryIndices(matching query: TagQuery) throws(QueryError) -> [Int32] {
        try validate(query)
        let closure = query.includeNarrower
        func list(_ id: ConceptID) -> [Int32] { postings(of: id, includeNarrower: closure) }

        var result: [Int32]
        if query.all.isEmpty {
            result = query.any.isEmpty ? Array(0..<Int32(entries.count)) : [Int32].union(query.any.map(list))
        } else {
            // Intersect the shortest lists first: the running result only shrinks.
            let lists = query.all.map(list).sorted { $0.count < $1.count }
            result = lists[0]
            for other in lists.dropFirst() where !result.isEmpty { result = result.intersection(other) }
            if !query.any.isEmpty { result = result.intersection([Int32].union(query.any.map(list))) }
        }
        if !query.not.isEmpty { result = result.subtracting([Int32].union(query.not.map(list))) }
        return result
    }
}
