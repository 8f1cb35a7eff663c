import SafetyGraphCore

/// `safetygraph query --format json`.
public struct QueryReport: Encodable, Sendable {
    public var query: TagQuery
    /// All matches, even when fewer are listed (`--limit`).
    public var count: Int
    public var entries: [EntrySummary]

    public init(query: TagQuery, total: Int, entries: [TaggedEntry]) {
        self.query = query
        self.count = total
        self.entries = entries.map(EntrySummary.init)
    }
}

/// The short form of an entry used by reports.
public struct EntrySummary: Encodable, Sendable {
    public var id: EntryID
    public var title: String
    public var url: String
    public var kind: EntryKind
    public var year: Int?
    public var authors: [String]
    public var organization: String?
    public var tags: [ConceptID]

    public init(_ tagged: TaggedEntry) {
        id = tagged.id
        title = tagged.entry.title
        url = tagged.entry.url
        kind = tagged.entry.kind
        year = tagged.entry.year
        authors = tagged.entry.authors
        organization = tagged.entry.organization
        tags = tagged.conceptIDs
    }
}

/// `safetygraph related --format json`.
public struct RelatedReport: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        public var entry: EntrySummary
        public var score: Double
        public var shared: [ConceptID]
    }

    public var entry: EntrySummary
    public var related: [Item]

    public init(subject: TaggedEntry, related: [RelatedEntry], graph: KnowledgeGraph) {
        entry = EntrySummary(subject)
        self.related = related.compactMap { r in
            graph.entry(r.entry).map {
                Item(entry: EntrySummary($0), score: RelatedRecord(r).score, shared: r.sharedConcepts)
            }
        }
    }
}

/// `safetygraph topics --format json`.
public struct TopicsReport: Encodable, Sendable {
    public var topics: [TopicNode]
    public init(topics: [TopicNode]) { self.topics = topics }
}

/// `safetygraph lint --format json`.
public struct LintReport: Encodable, Sendable {
    public struct Finding: Encodable, Sendable {
        public var code: String
        public var severity: String
        public var message: String
        public var location: String?
    }

    public var count: Int
    public var findings: [Finding]

    public init(findings: [Diagnostic]) {
        count = findings.count
        self.findings = findings.map {
            Finding(code: $0.code, severity: $0.severity.rawValue, message: $0.message, location: $0.location?.description)
        }
    }
}
