/// An entry related to another, with the score and the reason.
public struct RelatedEntry: Sendable, Hashable, Codable {
    public var entry: EntryID
    /// Sum of the rarity weights of the shared concepts (hierarchy closure), rounded to 6 decimals.
    public var score: Double
    /// The most specific shared concepts (a shared concept broader than another shared one is left out), sorted.
    public var sharedConcepts: [ConceptID]

    public init(entry: EntryID, score: Double, sharedConcepts: [ConceptID]) {
        self.entry = entry
        self.score = score
        self.sharedConcepts = sharedConcepts
    }
}

/// The related entries of one entry, for export.
public struct RelatedList: Sendable, Hashable, Codable {
    public var entry: EntryID
    public var related: [RelatedEntry]

    public init(entry: EntryID, related: [RelatedEntry]) {
        self.entry = entry
        self.related = related
    }
}
