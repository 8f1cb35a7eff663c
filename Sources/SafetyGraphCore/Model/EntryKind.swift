/// What sort of resource an entry is (article, tool, standard, …). Derived from the section it sits in,
/// through the kind rules in `Ontology/rules.yaml`; the set is open, so it is a string-backed value.
public struct EntryKind: StringIdentifier {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let article: EntryKind = "article"
    public static let book: EntryKind = "book"
    public static let tool: EntryKind = "tool"
    public static let standard: EntryKind = "standard"
    public static let course: EntryKind = "course"
    /// The fallback when no rule applies.
    public static let resource: EntryKind = "resource"
}
