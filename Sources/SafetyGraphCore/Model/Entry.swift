/// One resource of a reading list: a list item or table row whose own text holds an http(s) link.
///
/// Entries are merged by normalised URL: the same URL in two lists or two sections is one entry with several
/// section paths and several source locations.
public struct Entry: Sendable, Hashable, Codable, Identifiable {
    /// Stable id derived from the normalised URL (never from list position).
    public var id: EntryID
    public var title: String
    /// The main link, as written (trimmed).
    public var url: String
    /// Other http(s) links in the item's own text (code, slides, parts II and III…), in order, without duplicates.
    public var otherURLs: [String]
    /// Person names, in the order given; `et al.` is not a name.
    public var authors: [String]
    public var year: Int?
    /// Publishing organisation, e.g. `MathWorks` from `(MathWorks, 2023)` or `MIT` from `@ MIT`.
    public var organization: String?
    /// Free text that describes the entry (the rest of the item), whitespace-collapsed; nil when there is none.
    public var description: String?
    /// Short keyword tags given by the list (backtick tags, `Key Word:` lines), in order.
    public var keywords: [String]
    /// Every section path the entry appears under (headings, emoji stripped), sorted, without duplicates.
    public var sectionPaths: [[String]]
    public var kind: EntryKind
    /// `owner/repo` when the main link is a GitHub repository.
    public var githubRepo: String?
    /// Where the entry was read; the first is the primary one. Sorted.
    public var sources: [SourceLocation]

    public init(
        id: EntryID, title: String, url: String, otherURLs: [String] = [], authors: [String] = [], year: Int? = nil,
        organization: String? = nil, description: String? = nil, keywords: [String] = [],
        sectionPaths: [[String]] = [], kind: EntryKind = .resource, githubRepo: String? = nil,
        sources: [SourceLocation] = []
    ) {
        self.id = id
        self.title = title
        self.url = url
        self.otherURLs = otherURLs
        self.authors = authors
        self.year = year
        self.organization = organization
        self.description = description
        self.keywords = keywords
        self.sectionPaths = sectionPaths
        self.kind = kind
        self.githubRepo = githubRepo
        self.sources = sources
    }

    /// The section paths joined for display: `Tools › Adversarial Attacks`.
    public var sectionLabels: [String] { sectionPaths.map { $0.joined(separator: " › ") } }
}
