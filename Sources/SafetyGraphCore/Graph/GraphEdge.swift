/// An edge of the knowledge graph, for exporters (DOT, JSON-LD, RDF).
///
/// - `about`: entry → concept, one per stored tag;
/// - `broader`: concept → broader concept;
/// - `related` between concepts: symmetric, given once with `source < target`;
/// - `related` between entries: symmetric, given once with `source < target`, `weight` = relatedness score.
public struct GraphEdge: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// What an edge means (see the type's documentation).
    public enum Kind: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        case about, broader, related

        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    public var kind: Kind
    /// The entry of an `about` edge, the narrower concept of a `broader` edge, the smaller id of a `related` one.
    public var source: GraphNode
    public var target: GraphNode
    /// The relatedness score of two entries; nil for every other edge.
    public var weight: Double?

    public init(kind: Kind, source: GraphNode, target: GraphNode, weight: Double? = nil) {
        self.kind = kind
        self.source = source
        self.target = target
        self.weight = weight
    }

    public var description: String {
        "\(source) \(kind.rawValue) \(target)" + (weight.map { " (\($0))" } ?? "")
    }

    public static func < (a: Self, b: Self) -> Bool { (a.kind, a.source, a.target) < (b.kind, b.source, b.target) }
}
