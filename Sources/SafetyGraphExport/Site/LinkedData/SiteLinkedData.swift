import SafetyGraphCore

/// Which page a JSON-LD document is for, with what the page shows.
public struct SitePage: Sendable, Hashable {
    public enum Subject: Sendable, Hashable {
        case home
        case topic(ConceptID)
        case kind(EntryKind)
        case aToZ
        case coverage
        case search
    }

    public var subject: Subject
    /// The page's title as shown (`Adversarial robustness`).
    public var title: String
    /// The entries the page lists, in the order shown.
    public var entries: [EntryID]

    public init(subject: Subject, title: String, entries: [EntryID]) {
        self.subject = subject
        self.title = title
        self.entries = entries
    }
}

/// Makes the schema.org JSON-LD a page embeds. Implementations must name concepts and entries with the same
/// IRIs as the linked-data export, so a consumer can join the page's data with the dumps.
public protocol SiteLinkedData: Sendable {
    /// The JSON-LD document for `page`, as JSON text. The generator escapes it for `<script>` itself.
    func jsonLD(for page: SitePage, in graph: KnowledgeGraph) throws -> String
}
