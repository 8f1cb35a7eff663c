/// How many entries a concept has: tagged with it (`own`) and tagged with it or anything narrower (`total`).
public struct ConceptCount: Sendable, Hashable, Codable {
    public var concept: ConceptID
    public var own: Int
    public var total: Int

    public init(concept: ConceptID, own: Int, total: Int) {
        self.concept = concept
        self.own = own
        self.total = total
    }
}
