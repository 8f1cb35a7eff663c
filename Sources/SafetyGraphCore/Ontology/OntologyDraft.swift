/// What the ontology files say, read but not yet cross-checked: every value keeps where it was written.
/// Values with shape errors (wrong type, empty) are already left out; cross-file checks happen in
/// `OntologyValidator`.
struct OntologyDraft {
    var scheme: RawScheme?
    /// In reading order: files by sorted name, concepts in file order.
    var concepts: [RawConcept] = []
    var rules = RawRules()
    var overrides: [RawOverride] = []
}

/// `scheme.yaml`.
struct RawScheme {
    var id: Located<String>
    var title: Located<String>
    var definition: Located<String>
}

/// One mapping of `concepts:` in `concepts/*.yaml`.
struct RawConcept {
    /// Where the mapping starts (its first key).
    var location: SourceLocation
    var id: Located<String>?
    var prefLabel: Located<String>?
    var altLabels: [Located<String>] = []
    var hiddenLabels: [Located<String>] = []
    var definition: Located<String>?
    var scopeNote: Located<String>?
    var broader: [Located<String>] = []
    var related: [Located<String>] = []
    var exactMatch: [Located<String>] = []
    var closeMatch: [Located<String>] = []

    /// "concept 'x'", or "concept" while the id is unknown: the subject of messages.
    var name: String { id.map { "concept \(quoted($0.value))" } ?? "concept" }

    static let keys = [
        "id", "prefLabel", "altLabels", "hiddenLabels", "definition", "scopeNote", "broader", "related",
        "exactMatch", "closeMatch",
    ]
}

/// `rules.yaml`; nil lists mean "not given, use the defaults".
struct RawRules {
    var navigationSections: [Located<String>]?
    var authorCitationKinds: [Located<String>]?
    var kinds: [RawKindRule] = []
    var sections: [RawConceptRule] = []
    var organizations: [RawConceptRule] = []
    var ignorePhrases: [Located<String>] = []

    static let keys = [
        "navigationSections", "authorCitationKinds", "kinds", "sections", "organizations", "ignorePhrases",
    ]
}

/// One item of `kinds:`.
struct RawKindRule {
    var location: SourceLocation
    var kind: Located<String>
    var sections: [Located<String>]

    static let keys = ["kind", "sections"]
}

/// One item of `sections:` (key `section`) or `organizations:` (key `organization`).
struct RawConceptRule {
    var location: SourceLocation
    var name: Located<String>
    var concepts: [Located<String>]
}

/// One item of `overrides:` in `overrides.yaml`.
struct RawOverride {
    var location: SourceLocation
    var url: Located<String>
    var add: [Located<String>]
    var remove: [Located<String>]
    var note: String?

    static let keys = ["url", "add", "remove", "note"]
}
