/// A query over tags: entries with ALL of `all`, at least one of `any` (when given), and none of `not`.
///
/// With `includeNarrower` (the default) each concept stands for itself or anything narrower, so a query for a
/// facet returns everything under it; without it only stored tags count. An empty query matches every entry.
public struct TagQuery: Sendable, Hashable, Codable {
    /// Concepts an entry must all have (AND).
    public var all: [ConceptID]
    /// Concepts an entry must have at least one of (OR); ignored when empty.
    public var any: [ConceptID]
    /// Concepts an entry must have none of.
    public var not: [ConceptID]
    /// Whether a concept also matches entries tagged with anything narrower (the hierarchy closure).
    public var includeNarrower: Bool

    /// A query; the default matches every entry, with the closure.
    public init(all: [ConceptID] = [], any: [ConceptID] = [], not: [ConceptID] = [], includeNarrower: Bool = true) {
        self.all = all
        self.any = any
        self.not = not
        self.includeNarrower = includeNarrower
    }

    /// Every concept the query names, sorted, without duplicates.
    public var concepts: [ConceptID] { Array(Set(all + any + not)).sorted() }
}
