/// One concept in the topic tree, with its entry counts and its narrower concepts.
///
/// A concept with several broader concepts appears under each of them (the tree unfolds the poly-hierarchy).
public struct TopicNode: Sendable, Hashable, Codable {
    public var concept: ConceptID
    public var prefLabel: String
    /// Entries whose stored tags include the concept.
    public var ownCount: Int
    /// Distinct entries tagged with the concept or anything narrower.
    public var totalCount: Int
    /// Narrower concepts, sorted by id.
    public var narrower: [TopicNode]

    public init(concept: ConceptID, prefLabel: String, ownCount: Int, totalCount: Int, narrower: [TopicNode]) {
        self.concept = concept
        self.prefLabel = prefLabel
        self.ownCount = ownCount
        self.totalCount = totalCount
        self.narrower = narrower
    }
}
