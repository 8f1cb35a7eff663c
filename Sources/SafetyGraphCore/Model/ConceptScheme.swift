/// The whole concept scheme: its concepts, their hierarchy, and fast look-ups.
///
/// Built once from validated concepts (see `OntologyLoader`): every `broader` and `related` target exists,
/// `broader` has no cycle, and `related` is symmetric.
public struct ConceptScheme: Sendable, Hashable {
    /// The scheme's own slug (the IRI of the scheme is `{base}scheme/{id}` or similar; see the exporters).
    public var id: String
    public var title: String
    public var definition: String
    /// All concepts, sorted by id.
    public let concepts: [Concept]
    private let index: [ConceptID: Int]
    private let narrowerIDs: [ConceptID: [ConceptID]]

    /// Builds a scheme. Concepts are sorted by id; `narrower` is derived from `broader`.
    /// Precondition (checked by the loader, not here): ids are unique and references resolve.
    public init(id: String, title: String, definition: String, concepts: [Concept]) {
        self.id = id
        self.title = title
        self.definition = definition
        let sorted = concepts.sorted { $0.id < $1.id }
        self.concepts = sorted
        var index: [ConceptID: Int] = [:]
        for (i, c) in sorted.enumerated() { index[c.id] = i }
        self.index = index
        var narrower: [ConceptID: [ConceptID]] = [:]
        for c in sorted {
            for b in c.broader { narrower[b, default: []].append(c.id) }
        }
        self.narrowerIDs = narrower.mapValues { $0.sorted() }
    }

    public subscript(id: ConceptID) -> Concept? { index[id].map { concepts[$0] } }

    public func contains(_ id: ConceptID) -> Bool { index[id] != nil }

    /// The facets: concepts without a broader concept, sorted by id.
    public var topConcepts: [Concept] { concepts.filter(\.isFacet) }

    /// Direct narrower concepts, sorted.
    public func narrower(_ id: ConceptID) -> [ConceptID] { narrowerIDs[id] ?? [] }

    /// Every concept reachable through `broader` (not including `id`), sorted.
    public func ancestors(of id: ConceptID) -> [ConceptID] {
        closure(from: id) { self[$0]?.broader ?? [] }
    }

    /// Every concept reachable through `narrower` (not including `id`), sorted.
    public func descendants(of id: ConceptID) -> [ConceptID] {
        closure(from: id) { self.narrower($0) }
    }

    /// The facets `id` falls under (itself when it is a facet), sorted.
    public func facets(of id: ConceptID) -> [ConceptID] {
        ([id] + ancestors(of: id)).filter { self[$0]?.isFacet == true }.sorted()
    }

    private func closure(from start: ConceptID, next: (ConceptID) -> [ConceptID]) -> [ConceptID] {
        var seen: Set<ConceptID> = []
        var stack = next(start)
        while let id = stack.popLast() {
            if id == start || !seen.insert(id).inserted { continue }
            stack.append(contentsOf: next(id))
        }
        return seen.sorted()
    }
}
