/// What sort of resource an entry is (article, tool, standard, …). Derived from the section it sits in,
/// through the kind rules in `Ontology/rules.yaml`; the set is open, so it is a string-backed value.
public struct EntryKind: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public init(from decoder: Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public static let article: EntryKind = "article"
    public static let book: EntryKind = "book"
    public static let tool: EntryKind = "tool"
    public static let standard: EntryKind = "standard"
    public static let course: EntryKind = "course"
    /// The fallback when no rule applies.
    public static let resource: EntryKind = "resource"
}
