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

    public init(base: LinkedDataBase) {
        self.base = base
        let skos = Namespace.skos, dc = Namespace.dcterms, schema = Namespace.schema, sg = base.vocabulary
        conceptScheme = LinkedClass("ConceptScheme", skos + "ConceptScheme")
        concept = LinkedClass("Concept", skos + "Concept")
        prefLabel = LinkedProperty("prefLabel", skos + "prefLabel", .english)
        altLabel = LinkedProperty("altLabel", skos + "altLabel", .english)
        hiddenLabel = LinkedProperty("hiddenLabel", skos + "hiddenLabel", .english)
        definition = LinkedProperty("definition", skos + "definition", .english)
        scopeNote = LinkedProperty("scopeNote", skos + "scopeNote", .english)
        broader = LinkedProperty("broader", skos + "broader", .iri)
        narrower = LinkedProperty("narrower", skos + "narrower", .iri)
        related = LinkedProperty("related", skos + "related", .iri)
        inScheme = LinkedProperty("inScheme", skos + "inScheme", .iri)
        topConceptOf = LinkedProperty("topConceptOf", skos + "topConceptOf", .iri)
        hasTopConcept = LinkedProperty("hasTopConcept", skos + "hasTopConcept", .iri)
        exactMatch = LinkedProperty("exactMatch", skos + "exactMatch", .iri)
        closeMatch = LinkedProperty("closeMatch", skos + "closeMatch", .iri)

        title = LinkedProperty("title", dc + "title", .english)
        identifier = LinkedProperty("identifier", dc + "identifier", .string)
        subject = LinkedProperty("subject", dc + "subject", .iri)

        person = LinkedClass("Person", schema + "Person")
        organization = LinkedClass("Organization", schema + "Organization")
        name = LinkedProperty("name", schema + "name", .string)
        url = LinkedProperty("url", schema + "url", .iri)
        sameAs = LinkedProperty("sameAs", schema + "sameAs", .iri)
        author = LinkedProperty("author", schema + "author", .iri)
        publisher = LinkedProperty("publisher", schema + "publisher", .iri)
        datePublished = LinkedProperty("datePublished", schema + "datePublished", .datatype(Namespace.xsdGYear))
        description = LinkedProperty("description", schema + "description", .string)
        keywords = LinkedProperty("keywords", schema + "keywords", .string)
        isPartOf = LinkedProperty("isPartOf", schema + "isPartOf", .iri)
        about = LinkedProperty("about", schema + "about", .iri)
        codeRepository = LinkedProperty("codeRepository", schema + "codeRepository", .iri)

        tagging = LinkedClass("Tagging", sg + "Tagging")
        section = LinkedClass("Section", sg + "Section")
        rule = LinkedProperty("rule", sg + "rule", .iri)
        term = LinkedProperty("term", sg + "term", .string)
        field = LinkedProperty("field", sg + "field", .string)
        taggedConcept = LinkedProperty("concept", sg + "concept", .iri)
        taggedEntry = LinkedProperty("entry", sg + "entry", .iri)
        kind = LinkedProperty("kind", sg + "kind", .string)
        ruleIRIs = Dictionary(uniqueKeysWithValues: TagRule.allCases.map { ($0, sg + $0.rawValue + "Rule") })
    }

    /// Every property, sorted by term.
    public var properties: [LinkedProperty] {
        [
            prefLabel, altLabel, hiddenLabel, definition, scopeNote, broader, narrower, related, inScheme,
            topConceptOf, hasTopConcept, exactMatch, closeMatch, title, identifier, subject, name, url, sameAs,
            author, publisher, datePublished, description, keywords, isPartOf, about, codeRepository, rule, term,
            field, taggedConcept, taggedEntry, kind,
        ].sorted { $0.term < $1.term }
    }

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
