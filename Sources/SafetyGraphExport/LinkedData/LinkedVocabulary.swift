import SafetyGraphCore

/// Every class and property the JSON-LD / RDF export uses: SKOS for the scheme, schema.org and Dublin Core for
/// entries, and a small vocabulary of our own (under the base) for tag provenance and sections.
///
/// The JSON-LD context is generated from this table, so a term the writers use is always a term the context
/// defines (no `@vocab`, nothing left to guess). A class so that the writers share one table instead of copying
/// its dozens of strings for every node.
public final class LinkedVocabulary: Sendable {
    public let base: LinkedDataBase

    // MARK: - SKOS
    public let conceptScheme, concept: LinkedClass
    public let prefLabel, altLabel, hiddenLabel, definition, scopeNote: LinkedProperty
    public let broader, narrower, related, inScheme, topConceptOf, hasTopConcept, exactMatch, closeMatch: LinkedProperty

    // MARK: - Dublin Core
    public let title, identifier, subject: LinkedProperty

    // MARK: - schema.org
    public let person, organization: LinkedClass
    public let name, url, sameAs, author, publisher, datePublished, description, keywords, isPartOf, about,
        codeRepository: LinkedProperty

    // MARK: - Ours
    public let tagging, section: LinkedClass
    public let rule, term, field, taggedConcept, taggedEntry, kind: LinkedProperty
    /// The rule individuals, by rule: `labelRule` (a label matched the text) and the curated ones
    /// (`sectionRule`, `organizationRule`, `overrideRule`).
    public let ruleIRIs: [TagRule: String]

    /// Every property, by `index` (the order they are made in below).
    public let propertyTable: [LinkedProperty]
    /// Per property index: its rank by IRI (the order of a node's statements in N-Triples and Turtle) and by term
    /// (their order in JSON-LD).
    public let iriRanks: [Int32], termRanks: [Int32]

    public init(base: LinkedDataBase) {
        self.base = base
        let skos = Namespace.skos, dc = Namespace.dcterms, schema = Namespace.schema, sg = base.vocabulary
        var made: [LinkedProperty] = []
        func property(_ term: String, _ iri: String, _ range: LinkedProperty.Range) -> LinkedProperty {
            made.append(LinkedProperty(term, iri, range, index: made.count))
            return made[made.count - 1]
        }
        conceptScheme = LinkedClass("ConceptScheme", skos + "ConceptScheme")
        concept = LinkedClass("Concept", skos + "Concept")
        prefLabel = property("prefLabel", skos + "prefLabel", .english)
        altLabel = property("altLabel", skos + "altLabel", .english)
        hiddenLabel = property("hiddenLabel", skos + "hiddenLabel", .english)
        definition = property("definition", skos + "definition", .english)
        scopeNote = property("scopeNote", skos + "scopeNote", .english)
        broader = property("broader", skos + "broader", .iri)
        narrower = property("narrower", skos + "narrower", .iri)
        related = property("related", skos + "related", .iri)
        inScheme = property("inScheme", skos + "inScheme", .iri)
        topConceptOf = property("topConceptOf", skos + "topConceptOf", .iri)
        hasTopConcept = property("hasTopConcept", skos + "hasTopConcept", .iri)
        exactMatch = property("exactMatch", skos + "exactMatch", .iri)
        closeMatch = property("closeMatch", skos + "closeMatch", .iri)

        title = property("title", dc + "title", .english)
        identifier = property("identifier", dc + "identifier", .string)
        subject = property("subject", dc + "subject", .iri)

        person = LinkedClass("Person", schema + "Person")
        organization = LinkedClass("Organization", schema + "Organization")
        name = property("name", schema + "name", .string)
        url = property("url", schema + "url", .iri)
        sameAs = property("sameAs", schema + "sameAs", .iri)
        author = property("author", schema + "author", .iri)
        publisher = property("publisher", schema + "publisher", .iri)
        datePublished = property("datePublished", schema + "datePublished", .datatype(Namespace.xsdGYear))
        description = property("description", schema + "description", .string)
        keywords = property("keywords", schema + "keywords", .string)
        isPartOf = property("isPartOf", schema + "isPartOf", .iri)
        about = property("about", schema + "about", .iri)
        codeRepository = property("codeRepository", schema + "codeRepository", .iri)

        tagging = LinkedClass("Tagging", sg + "Tagging")
        section = LinkedClass("Section", sg + "Section")
        rule = property("rule", sg + "rule", .iri)
        term = property("term", sg + "term", .string)
        field = property("field", sg + "field", .string)
        taggedConcept = property("concept", sg + "concept", .iri)
        taggedEntry = property("entry", sg + "entry", .iri)
        kind = property("kind", sg + "kind", .string)
        ruleIRIs = Dictionary(uniqueKeysWithValues: TagRule.allCases.map { ($0, sg + $0.rawValue + "Rule") })
        propertyTable = made
        func ranks(by key: (LinkedProperty) -> String) -> [Int32] {
            var ranks = [Int32](repeating: 0, count: made.count)
            for (rank, p) in made.sorted(by: { utf8Precedes(key($0), key($1)) }).enumerated() { ranks[p.index] = Int32(rank) }
            return ranks
        }
        iriRanks = ranks { $0.iri }
        termRanks = ranks { $0.term }
    }

    /// Every property, sorted by term.
    public var properties: [LinkedProperty] { propertyTable.sorted { $0.term < $1.term } }

    /// Every class (including each schema.org type an entry kind maps to), sorted by term, without duplicates.
    public var classes: [LinkedClass] {
        let all = [conceptScheme, concept, person, organization, tagging, section] + SchemaTypeMapping.allTypes
        var seen: Set<String> = []
        return all.filter { seen.insert($0.term).inserted }.sorted { $0.term < $1.term }
    }

    /// Prefixes for Turtle and the context: `(prefix, namespace)`, sorted by prefix.
    public var prefixes: [(String, String)] {
        [
            ("dcterms", Namespace.dcterms), ("rdf", Namespace.rdf), ("schema", Namespace.schema),
            ("sg", base.vocabulary), ("skos", Namespace.skos), ("xsd", Namespace.xsd),
        ]
    }
}
