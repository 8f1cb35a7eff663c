/// A SKOS-shaped concept of the scheme, as loaded from `Ontology/concepts/*.yaml`.
public struct Concept: Sendable, Hashable, Codable, Identifiable {
    public var id: ConceptID
    /// The preferred English label.
    public var prefLabel: String
    /// Other English labels, shown and matched.
    public var altLabels: [String]
    /// Match-only terms: abbreviations, spelling variants, common misspellings. Never shown.
    public var hiddenLabels: [String]
    /// What the concept covers, in the project's own words.
    public var definition: String
    /// Optional note on the scope (what is in and out).
    public var scopeNote: String?
    /// Broader concepts (poly-hierarchy allowed). Empty for a facet (a top concept).
    public var broader: [ConceptID]
    /// Associative links (symmetric once loaded).
    public var related: [ConceptID]
    /// IRIs of external concepts that mean the same.
    public var exactMatch: [String]
    /// IRIs of external concepts that mean nearly the same.
    public var closeMatch: [String]
    /// Where the concept was defined.
    public var location: SourceLocation

    public init(
        id: ConceptID, prefLabel: String, altLabels: [String] = [], hiddenLabels: [String] = [],
        definition: String, scopeNote: String? = nil, broader: [ConceptID] = [], related: [ConceptID] = [],
        exactMatch: [String] = [], closeMatch: [String] = [],
        location: SourceLocation = SourceLocation(file: "<memory>", line: 0)
    ) {
        self.id = id
        self.prefLabel = prefLabel
        self.altLabels = altLabels
        self.hiddenLabels = hiddenLabels
        self.definition = definition
        self.scopeNote = scopeNote
        self.broader = broader
        self.related = related
        self.exactMatch = exactMatch
        self.closeMatch = closeMatch
        self.location = location
    }

    /// Whether the concept is a facet (a top concept of the scheme).
    public var isFacet: Bool { broader.isEmpty }

    /// Every label that tagging matches: preferred, alternative and hidden.
    public var matchLabels: [String] { [prefLabel] + altLabels + hiddenLabels }
}
