import SafetyGraphCore

/// The content of `catalog.json`: the scheme in brief, every concept with counts, every entry with its
/// fields, tags (with provenance) and related entries. Field names are documented in the README.
public struct CatalogueDocument: Encodable, Sendable {
    public let format = "safetygraph-catalog"
    public let version = 1
    public let scheme: SchemeSummary
    public let concepts: [ConceptRecord]
    /// The graph's entries, and each one's related entries (same positions).
    let taggedEntries: [TaggedEntry]
    let relatedLists: [[RelatedEntry]]

    /// Every entry as written, made on demand (for the encoder and for tests): `write(to:)` reads the graph's
    /// entries in place, as 100,000 records, made first, copied every field of every entry and then freed it.
    public var entries: [EntryRecord] {
        taggedEntries.indices.map { EntryRecord(taggedEntries[$0], related: relatedLists[$0]) }
    }

    /// Builds the document from a graph; `relatedLimit` related entries are kept per entry.
    public init(graph: KnowledgeGraph, relatedLimit: Int) {
        let scheme = graph.scheme
        self.scheme = SchemeSummary(
            id: scheme.id, title: scheme.title, definition: scheme.definition, conceptCount: scheme.concepts.count)
        self.concepts = scheme.concepts.map { concept in
            ConceptRecord(
                id: concept.id, prefLabel: concept.prefLabel, broader: concept.broader.sorted(),
                entryCount: graph.count(of: concept.id, includeNarrower: false),
                totalCount: graph.count(of: concept.id, includeNarrower: true))
        }
        // `allRelated` lists every entry's related entries in the graph's entry order: matched by position, not
        // through a dictionary keyed by id (100,000 string hashes and a table regrown a dozen times).
        let entries = graph.entries
        let lists = relatedLimit > 0 ? graph.allRelated(limit: relatedLimit) : []
        taggedEntries = entries
        relatedLists = entries.indices.map { index in
            index < lists.count && lists[index].entry == entries[index].id ? lists[index].related : []
        }
    }

    public enum CodingKeys: String, CodingKey {
        case format, version, scheme, concepts, entries
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(version, forKey: .version)
        try container.encode(scheme, forKey: .scheme)
        try container.encode(concepts, forKey: .concepts)
        try container.encode(entries, forKey: .entries)
    }
}

public struct SchemeSummary: Encodable, Sendable {
    public var id: String
    public var title: String
    public var definition: String
    public var conceptCount: Int
}

public struct ConceptRecord: Encodable, Sendable {
    public var id: ConceptID
    public var prefLabel: String
    public var broader: [ConceptID]
    /// Entries tagged with the concept itself.
    public var entryCount: Int
    /// Entries tagged with the concept or anything narrower (distinct).
    public var totalCount: Int
}

/// One entry of `catalog.json`; optional fields are left out when absent.
public struct EntryRecord: Encodable, Sendable {
    public var id: EntryID
    public var title: String
    public var url: String
    public var otherURLs: [String]
    public var authors: [String]
    public var year: Int?
    public var organization: String?
    public var description: String?
    public var keywords: [String]
    public var sectionPaths: [[String]]
    public var kind: EntryKind
    public var githubRepo: String?
    public var sources: [String]
    public var tags: [Tag]
    public var related: [RelatedRecord]

    public init(_ tagged: TaggedEntry, related: [RelatedEntry]) {
        let e = tagged.entry
        id = e.id
        title = e.title
        url = e.url
        otherURLs = e.otherURLs
        authors = e.authors
        year = e.year
        organization = e.organization
        description = e.description
        keywords = e.keywords
        sectionPaths = e.sectionPaths
        kind = e.kind
        githubRepo = e.githubRepo
        sources = e.sources.map(\.description)
        tags = tagged.tags
        self.related = related.map(RelatedRecord.init)
    }
}

/// A related entry as written to JSON: the score rounded to 4 decimals so the text is stable.
public struct RelatedRecord: Encodable, Sendable {
    public var id: EntryID
    public var score: Double
    public var shared: [ConceptID]

    public init(_ related: RelatedEntry) {
        id = related.entry
        score = Self.writtenScore(related.score)
        shared = related.sharedConcepts
    }

    /// A score as written: rounded to 4 decimals.
    static func writtenScore(_ score: Double) -> Double { (score * 10_000).rounded() / 10_000 }
}
