import SafetyGraphCore

/// Which schema.org type an entry of each kind gets (kinds come from `Ontology/rules.yaml`).
///
/// A kind not in the table (the set is open) is a `CreativeWork`. The kind itself is also written as a literal
/// (`sg:kind`), so nothing is lost where the type is coarser than the kind. Every type but `Event` and
/// `Organization` is a `CreativeWork`; entries of every type use the same properties (name, url, author,
/// publisher, datePublished, …) so one SPARQL pattern reads them all.
public enum SchemaTypeMapping {
    /// The table, sorted by kind. Kept in the README; a test checks the two agree.
    public static let table: [(kind: EntryKind, type: String)] = [
        ("article", "ScholarlyArticle"),
        ("blog", "BlogPosting"),
        ("book", "Book"),
        ("certification", "EducationalOccupationalCredential"),
        ("community", "CreativeWork"),
        ("conference", "Event"),
        ("course", "Course"),
        ("database", "Dataset"),
        ("dataset", "Dataset"),
        ("framework", "CreativeWork"),
        ("guideline", "CreativeWork"),
        ("incident", "CreativeWork"),
        ("initiative", "CreativeWork"),
        ("list", "CreativeWork"),
        ("news", "NewsArticle"),
        ("newsletter", "Periodical"),
        ("organization", "Organization"),
        ("patent", "CreativeWork"),
        ("podcast", "PodcastSeries"),
        ("regulation", "Legislation"),
        ("report", "Report"),
        ("resource", "CreativeWork"),
        ("roadmap", "CreativeWork"),
        ("standard", "CreativeWork"),
        ("talk", "CreativeWork"),
        ("tool", "SoftwareSourceCode"),
        ("tutorial", "LearningResource"),
        ("video", "VideoObject"),
        ("whitepaper", "Report"),
        ("working-group", "Organization"),
        ("workshop", "Event"),
    ]

    /// The type of anything the table does not name.
    public static let fallback = LinkedClass("CreativeWork", Namespace.schema + "CreativeWork")

    private static let byKind: [EntryKind: LinkedClass] = Dictionary(
        table.map { ($0.kind, LinkedClass($0.type, Namespace.schema + $0.type)) }, uniquingKeysWith: { a, _ in a })

    /// The schema.org type for `kind`.
    public static func type(of kind: EntryKind) -> LinkedClass { byKind[kind] ?? fallback }

    /// Every type the table can give, sorted by term, without duplicates (the fallback included).
    public static var allTypes: [LinkedClass] {
        var seen: Set<String> = []
        return (table.map { LinkedClass($0.type, Namespace.schema + $0.type) } + [fallback])
            .filter { seen.insert($0.term).inserted }.sorted { $0.term < $1.term }
    }
}
