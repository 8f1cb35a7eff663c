import Testing
@testable import SafetyGraphCore

/// A small in-memory ontology shared by the tagging, graph and query tests.
enum Sample {
    static let location = SourceLocation(file: "Ontology/overrides.yaml", line: 3, column: 5)

    static func concept(
        _ id: ConceptID, _ pref: String, alt: [String] = [], hidden: [String] = [], broader: [ConceptID] = [],
        related: [ConceptID] = []
    ) -> Concept {
        Concept(
            id: id, prefLabel: pref, altLabels: alt, hiddenLabels: hidden, definition: "About \(pref).",
            broader: broader, related: related)
    }

    static let concepts: [Concept] = [
        concept("robustness", "Robustness"),
        concept(
            "adversarial-robustness", "Adversarial robustness", alt: ["adversarial examples", "adversarial attacks"],
            hidden: ["adversarial example"], broader: ["robustness"], related: ["model-attacks"]),
        concept(
            "distribution-shift", "Distribution shift", alt: ["out-of-distribution", "dataset shift"], hidden: ["OOD"],
            broader: ["robustness"]),
        concept("trustworthy-ai", "Trustworthy & responsible AI"),
        concept("fairness", "Fairness", alt: ["bias", "discrimination"], broader: ["trustworthy-ai"]),
        concept(
            "interpretability", "Interpretability & explainability", alt: ["explainability", "interpretability"],
            hidden: ["XAI", "explicabilité"], broader: ["trustworthy-ai"]),
        concept("transparency", "Transparency & accountability", alt: ["model cards"], broader: ["trustworthy-ai"]),
        concept("standards-and-regulation", "Standards, regulation & governance"),
        concept("standards", "Standards", broader: ["standards-and-regulation"]),
        concept("regulation", "Regulation & policy", alt: ["AI policy", "regulation"], broader: ["standards-and-regulation"]),
        concept("iso-26262", "ISO 26262", broader: ["standards", "automotive"]),
        concept("ai-technologies", "AI technologies"),
        concept(
            "generative-ai", "Generative AI", alt: ["LLM", "large language models"], hidden: ["GenAI"],
            broader: ["ai-technologies"]),
        concept("fine-tuning", "Fine-tuning", broader: ["generative-ai"]),
        concept("ai-security", "AI security"),
        concept(
            "model-attacks", "Attacks on models", alt: ["data poisoning", "backdoors"], broader: ["ai-security"],
            related: ["adversarial-robustness"]),
        concept("llm-security", "LLM security", alt: ["prompt injection", "jailbreaks"], broader: ["ai-security"]),
        concept("red-teaming", "Red teaming", broader: ["ai-security"]),
        concept("application-domains", "Application domains"),
        concept("automotive", "Automotive", alt: ["autonomous driving"], broader: ["application-domains"]),
        concept("aviation", "Aviation", broader: ["application-domains"]),
        concept("verification-and-validation", "Verification & validation"),
        concept("testing", "AI testing", alt: ["testing"], broader: ["verification-and-validation"]),
        concept("formal-verification", "Formal verification", broader: ["verification-and-validation"]),
    ]

    static let scheme = ConceptScheme(
        id: "sample", title: "Sample scheme", definition: "A scheme for tests.", concepts: concepts)

    static let rules = TaggingRules(
        sectionRules: [
            SectionRule(section: "Standards", concepts: ["standards"], location: SourceLocation(file: "rules.yaml", line: 2)),
            SectionRule(
                section: "Tools › Model Security", concepts: ["model-attacks"],
                location: SourceLocation(file: "rules.yaml", line: 4)),
            SectionRule(
                section: "Guides > Cars", concepts: ["automotive"], location: SourceLocation(file: "rules.yaml", line: 6)),
        ],
        organizationRules: [
            OrganizationRule(
                organization: "EUROCAE", concepts: ["aviation", "standards"],
                location: SourceLocation(file: "rules.yaml", line: 8)),
            OrganizationRule(
                organization: "Agence Européenne", concepts: ["aviation"],
                location: SourceLocation(file: "rules.yaml", line: 10)),
        ],
        ignorePhrases: ["standard deviation", "gold standard"],
        overrides: [
            TagOverride(
                url: "https://example.org/proofs", add: ["formal-verification"], remove: ["testing"],
                note: "about proofs", location: SourceLocation(file: "overrides.yaml", line: 2, column: 5)),
            TagOverride(
                url: "https://example.org/broad", add: ["robustness"], remove: [], note: nil,
                location: SourceLocation(file: "overrides.yaml", line: 6, column: 5)),
            TagOverride(
                url: "https://nowhere.example/missing", add: ["fairness"], remove: [], note: nil,
                location: SourceLocation(file: "overrides.yaml", line: 9, column: 5)),
        ])

    static let ontology = Ontology(scheme: scheme, ingest: .standard, tagging: rules)

    static let tagger = Tagger(ontology: ontology)

    static func entry(
        _ title: String, description: String? = nil, keywords: [String] = [], sections: [[String]] = [],
        authors: [String] = [], organization: String? = nil, url: String? = nil
    ) -> Entry {
        let url = url ?? "https://example.com/\(URLNormalizer.fnv1a(title))"
        let id = URLNormalizer.entryID(forNormalized: URLNormalizer.normalize(url) ?? url)
        return Entry(
            id: id, title: title, url: url, authors: authors, organization: organization, description: description,
            keywords: keywords, sectionPaths: sections)
    }

    /// The stored concept ids of an entry tagged with the sample tagger.
    static func tags(
        _ title: String, description: String? = nil, keywords: [String] = [], sections: [[String]] = [],
        authors: [String] = [], organization: String? = nil, url: String? = nil
    ) -> [String] {
        tagger.tag(
            entry(
                title, description: description, keywords: keywords, sections: sections, authors: authors,
                organization: organization, url: url)
        ).conceptIDs.map(\.rawValue)
    }
}

@Suite struct TaggingSampleTests {
    @Test func sampleReferencesResolve() {
        for concept in Sample.concepts {
            for id in concept.broader + concept.related { #expect(Sample.scheme.contains(id), "\(concept.id) → \(id)") }
        }
        #expect(Sample.scheme.topConcepts.count == 7)
    }

    @Test func ruleKeysFoldCaseDiacriticsAndEmoji() {
        #expect(TextNormalizer.ruleKey("🛠️ Model  Fairness & Privacy") == "model fairness privacy")
        #expect(TextNormalizer.ruleKey("AGENCE EUROPÉENNE") == TextNormalizer.ruleKey("agence europeenne"))
        #expect(TextNormalizer.ruleKey("📐") == "")
    }

    @Test func tokenizerFoldsAndSplits() {
        #expect(TextNormalizer.tokens("Détection d'anomalies — the model's FAIRNESS") == [
            "detection", "danomalies", "the", "models", "fairness",
        ])
        #expect(TextNormalizer.tokens("Straße Øresund łódź") == ["strasse", "oresund", "lodz"])
        #expect(TextNormalizer.tokens("e\u{301}tude") == ["etude"])
        #expect(TextNormalizer.tokens("") == [])
        #expect(TextNormalizer.tokens("🙂🙂 -- ...") == [])
    }
}
