/// A node of the knowledge graph: an entry or a concept, named by its id.
public struct GraphNode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Whether the node is a concept or an entry.
    public enum Kind: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        case concept, entry

        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    public var kind: Kind
    /// The concept id or entry id.
    public var id: String

    public init(kind: Kind, id: String) {
        self.kind = kind
        self.id = id
    }

    /// The node of a concept.
    public static func concept(_ id: ConceptID) -> GraphNode { GraphNode(kind: .concept, id: id.rawValue) }
    /// The node of an entry.
    public static func entry(_ id: EntryID) -> GraphNode { GraphNode(kind: .entry, id: id.rawValue) }

    public var description: String { "\(kind.rawValue):\(id)" }

    public static func < (a: Self, b: Self) -> Bool { (a.kind, a.id) < (b.kind, b.id) }
}
