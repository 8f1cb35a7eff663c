/// A small valid ontology folder, written for the fuzzer: the ontology target replaces one of its files with
/// the fuzzed text, so that a fuzzed `rules.yaml` or `overrides.yaml` can name concepts that exist and load.
/// It exercises what the tagger treats specially: an acronym, a diacritic, poly-hierarchy, `related`, an
/// ignore phrase, section, organisation and override rules.
public enum FuzzOntologyBase {
    public static let scheme = """
        id: fuzz-scheme
        title: Fuzz scheme
        definition: A small scheme the fuzzer mutates.

        """

    public static let concepts = """
        concepts:
          - id: robustness
            prefLabel: Robustness
            altLabels: [robust, "distribution shift"]
            definition: Whether a model keeps working when its inputs change.
          - id: adversarial-robustness
            prefLabel: Adversarial robustness
            altLabels: [adversarial examples, red-teaming]
            hiddenLabels: [adversarially robust]
            definition: Resistance to crafted inputs.
            broader: [robustness]
            related: [explainability]
            closeMatch: ["http://www.wikidata.org/entity/Q1"]
          - id: explainability
            prefLabel: Explainability
            altLabels: [XAI, interprétabilité, LLM]
            definition: Why a model gives its outputs.
          - id: domains
            prefLabel: Application domains
            definition: Where systems are used.
          - id: aviation
            prefLabel: Aviation
            altLabels: [aerospace, avionics]
            definition: Aircraft.
            broader: [domains]
          - id: aviation-robustness
            prefLabel: Aviation robustness
            definition: Robust avionics.
            broader: [aviation, robustness]

        """

    public static let rules = """
        navigationSections: [Contents, About]
        authorCitationKinds: [article]
        kinds:
          - kind: article
            sections: [Articles, Papers]
          - kind: tool
            sections: [Tools]
        sections:
          - section: Standards › Aviation
            concepts: [aviation]
          - section: Attacks
            concepts: [adversarial-robustness]
        organizations:
          - organization: EUROCAE
            concepts: [aviation]
        ignorePhrases:
          - robust statistics

        """

    public static let overrides = """
        overrides:
          - url: https://example.org/paper
            add: [explainability]
            remove: [robustness]
            note: about explanations

        """

    /// The folder's files, relative path → bytes.
    public static var files: [String: [UInt8]] {
        [
            "scheme.yaml": Array(scheme.utf8),
            "concepts/base.yaml": Array(concepts.utf8),
            "rules.yaml": Array(rules.utf8),
            "overrides.yaml": Array(overrides.utf8),
        ]
    }
}
