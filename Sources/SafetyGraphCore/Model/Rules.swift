/// Maps a section heading to concepts: every entry under a section of that name gets the concepts.
public struct SectionRule: Sendable, Hashable, Codable {
    /// A heading name (`Standards`) or a path of names joined by ` › ` or ` > ` (`Tools › Model Security`).
    /// Compared case- and diacritic-insensitively with the components of an entry's section paths; a path rule
    /// matches a contiguous run of components.
    public var section: String
    public var concepts: [ConceptID]
    public var location: SourceLocation

    public init(section: String, concepts: [ConceptID], location: SourceLocation) {
        self.section = section
        self.concepts = concepts
        self.location = location
    }
}

/// Maps an organisation (as given in an entry's citation) to concepts: `EUROCAE` → `aviation`.
public struct OrganizationRule: Sendable, Hashable, Codable {
    /// Compared case- and diacritic-insensitively with the entry's organisation, as a whole.
    public var organization: String
    public var concepts: [ConceptID]
    public var location: SourceLocation

    public init(organization: String, concepts: [ConceptID], location: SourceLocation) {
        self.organization = organization
        self.concepts = concepts
        self.location = location
    }
}

/// Maps section headings to an entry kind: `Articles`, `Papers` → `article`.
public struct KindRule: Sendable, Hashable, Codable {
    public var kind: EntryKind
    /// Heading names, compared case- and diacritic-insensitively with each component of the section path.
    public var sections: [String]
    public var location: SourceLocation

    public init(kind: EntryKind, sections: [String], location: SourceLocation) {
        self.kind = kind
        self.sections = sections
        self.location = location
    }
}

/// A curator's correction for one entry, keyed by URL (normalised before comparison).
public struct TagOverride: Sendable, Hashable, Codable {
    public var url: String
    public var add: [ConceptID]
    public var remove: [ConceptID]
    /// Why the override exists (for the curator; shown in provenance).
    public var note: String?
    public var location: SourceLocation

    public init(url: String, add: [ConceptID], remove: [ConceptID], note: String?, location: SourceLocation) {
        self.url = url
        self.add = add
        self.remove = remove
        self.note = note
        self.location = location
    }
}

/// How lists are read: which sections are navigation, which section names give which kind,
/// and in which kinds a leading citation `(Name, 2020)` names authors rather than an organisation.
public struct IngestRules: Sendable, Hashable, Codable {
    /// Heading names whose sections hold no entries (table of contents, about, contributing, citation…).
    public var navigationSections: [String]
    public var kindRules: [KindRule]
    /// Kinds whose citation names people (`(Sculley et al., 2015)`); in every other kind a single-name citation
    /// is an organisation (`(MathWorks, 2023)`). Citations with `et al.`, `&` or several names are always people.
    public var authorCitationKinds: [EntryKind]

    public init(navigationSections: [String], kindRules: [KindRule], authorCitationKinds: [EntryKind]) {
        self.navigationSections = navigationSections
        self.kindRules = kindRules
        self.authorCitationKinds = authorCitationKinds
    }

    /// Rules good enough for tests and for lists read without an ontology folder.
    public static let standard = IngestRules(
        navigationSections: [
            "Table of Contents", "Contents", "Content", "About", "About Us", "Contributing", "Contributions",
            "Contributors", "Citation", "Citations", "License", "Licence", "Acknowledgements", "Acknowledgments",
            "Star History", "Sponsors", "Backers",
        ],
        kindRules: [],
        authorCitationKinds: [.article, .book]
    )
}

/// Everything in `Ontology/rules.yaml` and `Ontology/overrides.yaml`.
public struct TaggingRules: Sendable, Hashable, Codable {
    public var sectionRules: [SectionRule]
    public var organizationRules: [OrganizationRule]
    /// Phrases that contain a label but do not mean the concept (`standard deviation`, `gold standard`).
    /// They are matched like labels, and a longer match wins, so the label inside them never fires.
    public var ignorePhrases: [String]
    public var overrides: [TagOverride]

    public init(
        sectionRules: [SectionRule] = [], organizationRules: [OrganizationRule] = [], ignorePhrases: [String] = [],
        overrides: [TagOverride] = []
    ) {
        self.sectionRules = sectionRules
        self.organizationRules = organizationRules
        self.ignorePhrases = ignorePhrases
        self.overrides = overrides
    }
}

/// The knowledge base a run uses: the scheme, how lists are read, and how entries are tagged.
public struct Ontology: Sendable, Hashable {
    public var scheme: ConceptScheme
    public var ingest: IngestRules
    public var tagging: TaggingRules

    public init(scheme: ConceptScheme, ingest: IngestRules, tagging: TaggingRules) {
        self.scheme = scheme
        self.ingest = ingest
        self.tagging = tagging
    }
}
