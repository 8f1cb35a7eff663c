import Testing
@testable import SafetyGraphCore

/// Label matching: words, case, diacritics, inflection, joining, acronyms, longest match, ignore phrases.
@Suite struct TaggingMatchTests {
    @Test(arguments: [
        ("Fairness in hiring", ["fairness"]),
        ("fairness.", ["fairness"]),
        ("unfairnessx metrics", []),
        ("Unfair outcomes", []),
        ("Biased samples", []),
        ("Biases in vision", ["fairness"]),
        ("Bias", ["fairness"]),
        ("Standardization", []),
        ("Aviation", ["aviation"]),
        ("Aviationsafety", []),
    ])
    func wholeWordsOnly(title: String, expected: [String]) {
        #expect(Sample.tags(title) == expected)
    }

    @Test(arguments: [
        ("FAIRNESS AUDITS", ["fairness"]),
        ("Fairnéss", ["fairness"]),
        ("EXPLICABILITE des modèles", ["interpretability"]),
        ("Explicabilité", ["interpretability"]),
        ("explicabilite\u{0301}", ["interpretability"]),
    ])
    func caseAndDiacriticInsensitive(title: String, expected: [String]) {
        #expect(Sample.tags(title) == expected)
    }

    @Test(arguments: [
        ("A standard for cars", ["standards"]),
        ("An adversarial example", ["adversarial-robustness"]),
        ("Jailbreak prompts", ["llm-security"]),
        ("AI policies in Europe", ["regulation"]),
        ("Backdoor attacks", ["model-attacks"]),
        ("Data-poisoning", ["model-attacks"]),
    ])
    func pluralAndSingularVariants(title: String, expected: [String]) {
        #expect(Sample.tags(title) == expected)
    }

    @Test(arguments: [
        "red-teaming", "red teaming", "redteaming", "Red-Teaming", "RED TEAMING", "red‑teaming",
    ])
    func hyphenSpaceAndJoinedVariants(title: String) {
        #expect(Sample.tags(title) == ["red-teaming"])
    }

    @Test(arguments: ["fine-tuning", "fine tuning", "finetuning", "Fine-Tunings"])
    func hyphenatedLabelMatchesJoinedText(title: String) {
        #expect(Sample.tags(title) == ["fine-tuning"])
    }

    @Test func hyphensAndSpacesInterchangeInsideLabels() {
        #expect(Sample.tags("Out of distribution detection") == ["distribution-shift"])
        #expect(Sample.tags("Out-of-distribution detection") == ["distribution-shift"])
        #expect(Sample.tags("Fine, tuning") == [])  // a comma is not a hyphen
    }

    @Test(arguments: [
        ("LLM agents", ["generative-ai"]),
        ("LLMs in the wild", ["generative-ai"]),
        ("Evaluating LLM's answers", ["generative-ai"]),
        ("llm agents", []),
        ("Llm agents", []),
        ("fullmoon llmish", []),
        ("XAI methods", ["interpretability"]),
        ("xai methods", []),
        ("OOD detection", ["distribution-shift"]),
        ("Good food", []),
        ("ISO 26262", ["iso-26262"]),
        ("ISO26262 compliance", ["iso-26262"]),
        ("iso 26262", []),
    ])
    func acronymsAreCaseSensitive(title: String, expected: [String]) {
        #expect(Sample.tags(title) == expected)
    }

    @Test func longestMatchWins() {
        #expect(Sample.tags("LLM security in practice") == ["llm-security"])
        let tagged = Sample.tagger.tag(Sample.entry("Prompt injection against large language models"))
        #expect(tagged.conceptIDs == ["generative-ai", "llm-security"])
        #expect(tagged.tags[0].provenance == [TagProvenance(rule: .label, term: "large language models", field: .title)])
    }

    @Test(arguments: [
        ("The standard deviation of errors", []),
        ("A gold standard dataset", []),
        ("Gold-standard labels and standard deviations", []),
        ("The gold standard for robustness", ["robustness"]),
        ("Standard deviation and a safety standard", ["standards"]),
    ])
    func ignorePhrasesHideTheirLabels(title: String, expected: [String]) {
        #expect(Sample.tags(title) == expected)
    }

    @Test func falsePositiveTraps() {
        // Authors are not matched: "Bias" as a surname gives no fairness tag.
        #expect(Sample.tags("On learning", authors: ["Yoshua Bias", "Ann Fairness"]) == [])
        // Organisations go through organisation rules only.
        #expect(Sample.tags("On learning", organization: "Bias Institute") == [])
        // Ignore phrases hold in descriptions as well.
        #expect(Sample.tags("Error bars", description: "We report the standard deviation over 5 runs.") == [])
        // A sentence end breaks a multi-word label; abbreviations do not.
        #expect(Sample.tags("Notes", description: "We test the model. Cards are dealt later.") == [])
        #expect(Sample.tags("Notes", description: "Writing model cards.") == ["transparency"])
        // URLs are not matched.
        #expect(Sample.tags("A page", url: "https://fairness.example.org/bias") == [])
    }

    @Test func everyFieldIsMatchedAndRecorded() throws {
        let entry = Sample.entry(
            "Red teaming LLMs", description: "Covers jailbreaks and bias.", keywords: ["XAI", "unrelated"],
            sections: [["Guides", "Adversarial Attacks"]])
        let tagged = Sample.tagger.tag(entry)
        #expect(tagged.conceptIDs == ["adversarial-robustness", "fairness", "generative-ai", "interpretability",
                                      "llm-security", "red-teaming"])
        func reasons(_ id: ConceptID) -> [TagProvenance] { tagged.tags.first { $0.concept == id }?.provenance ?? [] }
        #expect(reasons("red-teaming") == [TagProvenance(rule: .label, term: "Red teaming", field: .title)])
        #expect(reasons("generative-ai") == [TagProvenance(rule: .label, term: "LLM", field: .title)])
        #expect(reasons("llm-security") == [TagProvenance(rule: .label, term: "jailbreaks", field: .description)])
        #expect(reasons("fairness") == [TagProvenance(rule: .label, term: "bias", field: .description)])
        #expect(reasons("interpretability") == [TagProvenance(rule: .label, term: "XAI", field: .keywords)])
        #expect(reasons("adversarial-robustness") == [
            TagProvenance(rule: .label, term: "adversarial attacks", field: .section)
        ])
    }

    @Test func theLabelWrittenLikeTheTextIsTheTerm() {
        let singular = Sample.tagger.tag(Sample.entry("One adversarial example"))
        #expect(singular.tags.first?.provenance.map(\.term) == ["adversarial example"])
        let plural = Sample.tagger.tag(Sample.entry("Many Adversarial Examples"))
        #expect(plural.tags.first?.provenance.map(\.term) == ["adversarial examples"])
    }

    @Test func provenanceIsDeduplicatedAndSorted() throws {
        let tagged = Sample.tagger.tag(
            Sample.entry("Bias and bias", description: "Discrimination and fairness.", keywords: ["bias"]))
        let tag = try #require(tagged.tags.first)
        #expect(tag.concept == "fairness")
        #expect(tag.provenance == [
            TagProvenance(rule: .label, term: "bias", field: .title),
            TagProvenance(rule: .label, term: "Fairness", field: .description),  // sorted by code point
            TagProvenance(rule: .label, term: "discrimination", field: .description),
            TagProvenance(rule: .label, term: "bias", field: .keywords),
        ])
    }

    @Test func hostileTextDoesNotCrash() {
        let weird = String(repeating: "\u{0301}", count: 100) + "\u{200D}\u{FE0F}🙂" + String(repeating: "-", count: 50)
            + "\u{0000}\u{FFFF}𝔘𝔫𝔦𝔠𝔬𝔡𝔢 bias"
        #expect(Sample.tags(weird) == ["fairness"])
        let long = String(repeating: "red teaming gold standard ", count: 5_000)
        #expect(Sample.tags(long) == ["red-teaming"])
    }

    /// One scratch reused from text to text keeps the look-up arrays of the longest text and does not clear them:
    /// a shorter text after a longer one must not see the longer one's ids (a token too long to be a key, words
    /// that may not be joined). Fails when `lookUpTokens` leaves a slot unwritten.
    @Test func reusedScratchMatchesAFreshOne() {
        let long = "Fine tuning, red teaming and prompt injection against fairness audits and adversarial examples"
        let texts = [
            long, String(repeating: "x", count: 200) + " teaming", long, "Fine; tuning and data", long,
            "Red", "Red teaming", "",
        ]
        var scratch = TaggingScratch()
        for text in texts {
            let entry = Sample.entry(text)
            let reused = Sample.tagger.tag(entry, &scratch)
            #expect(reused == Sample.tagger.tag(entry), "\(text)")
        }
    }

    /// Rules and fields are ordered, and index tables, by their declaration order.
    @Test func ordinalsAreTheDeclarationOrder() {
        #expect(TagRule.allCases.map(\.ordinal) == Array(TagRule.allCases.indices))
        #expect(EntryField.allCases.map(\.ordinal) == Array(EntryField.allCases.indices))
        #expect(TagRule.allCases.sorted() == TagRule.allCases && EntryField.allCases.sorted() == EntryField.allCases)
    }

}
