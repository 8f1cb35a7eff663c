import Testing
@testable import SafetyGraphCore

/// Section, organisation and override rules; most-specific storage; batch output.
@Suite struct TaggingRulesTests {
    // MARK: - Section rules

    @Test func headingRuleMatchesAnyComponentIgnoringEmojiAndCase() throws {
        let tagged = Sample.tagger.tag(Sample.entry("ANSI/UL 4600", sections: [["Awesome", "📐 STANDARDS"]]))
        let tag = try #require(tagged.tags.first)
        #expect(tagged.conceptIDs == ["standards"])
        #expect(tag.provenance == [
            TagProvenance(rule: .label, term: "Standards", field: .section),
            TagProvenance(rule: .section, term: "Standards", field: .section),
        ])
    }

    @Test(arguments: [
        ([["🛠️ Tools", "Model Security"]], ["model-attacks"]),
        ([["Awesome", "Tools", "Model security", "Python"]], ["model-attacks"]),
        ([["Model Security"]], []),
        ([["Tools", "Other", "Model Security"]], []),
        ([["Tools"], ["Model Security"]], []),
        ([["Guides", "Cars"]], ["automotive"]),
    ])
    func pathRuleMatchesContiguousComponents(sections: [[String]], expected: [String]) {
        #expect(Sample.tags("Something", sections: sections) == expected)
    }

    @Test func pathRuleProvenanceKeepsTheRuleAsWritten() {
        let tagged = Sample.tagger.tag(Sample.entry("Something", sections: [["Tools", "Model Security"]]))
        #expect(tagged.tags.map(\.provenance) == [[
            TagProvenance(rule: .section, term: "Tools › Model Security", field: .section)
        ]])
    }

    // MARK: - Organisation rules

    @Test(arguments: [
        ("EUROCAE", ["aviation", "standards"]),
        ("eurocae", ["aviation", "standards"]),
        ("EUROCAE WG-114", []),
        ("AGENCE EUROPEENNE", ["aviation"]),
        ("Agence  Européenne", ["aviation"]),
        ("MathWorks", []),
    ])
    func organisationRulesCompareTheWholeName(organization: String, expected: [String]) {
        #expect(Sample.tags("A guide", organization: organization) == expected)
    }

    @Test func organisationProvenance() {
        let tagged = Sample.tagger.tag(Sample.entry("A guide", organization: "eurocae"))
        #expect(tagged.tags.map(\.provenance) == [
            [TagProvenance(rule: .organization, term: "EUROCAE", field: .organization)],
            [TagProvenance(rule: .organization, term: "EUROCAE", field: .organization)],
        ])
    }

    // MARK: - Overrides

    @Test func overrideAddsAndRemovesByNormalisedURL() throws {
        let tagged = Sample.tagger.tag(
            Sample.entry("Testing neural networks for fairness", url: "http://www.EXAMPLE.org/proofs/?utm_source=x"))
        #expect(tagged.conceptIDs == ["fairness", "formal-verification"])
        let added = try #require(tagged.tags.last)
        #expect(added.provenance == [TagProvenance(rule: .override, term: "https://example.org/proofs")])
    }

    @Test func removalWinsOverEveryRuleAndTakesNarrowerTags() {
        let ontology = Ontology(
            scheme: Sample.scheme, ingest: .standard,
            tagging: TaggingRules(
                sectionRules: Sample.rules.sectionRules,
                overrides: [
                    TagOverride(
                        url: "https://example.org/a", add: ["standards", "fairness"], remove: ["standards", "fairness"],
                        note: nil, location: Sample.location),
                    TagOverride(
                        url: "https://example.org/b", add: [], remove: ["ai-security"], note: nil,
                        location: Sample.location),
                ]))
        let tagger = Tagger(ontology: ontology)
        let a = tagger.tag(Sample.entry("Standards and bias", sections: [["Standards"]], url: "https://example.org/a"))
        #expect(a.conceptIDs == [])
        let b = tagger.tag(Sample.entry("Red teaming and prompt injection for aviation", url: "https://example.org/b"))
        #expect(b.conceptIDs == ["aviation"])
    }

    @Test func unknownOverrideURLIsAWarning() throws {
        let (_, diagnostics) = Sample.tagger.tag([
            Sample.entry("Proofs", url: "https://example.org/proofs"), Sample.entry("Broad", url: "https://example.org/broad"),
        ])
        let warning = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(warning.code == "override-unknown-entry")
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: "overrides.yaml", line: 9, column: 5))
        #expect(warning.description.hasPrefix("overrides.yaml:9:5: warning: "))
        #expect(warning.message.contains("https://nowhere.example/missing"))
    }

    @Test func rulesNamingUnknownConceptsAreReported() {
        let ontology = Ontology(
            scheme: Sample.scheme, ingest: .standard,
            tagging: TaggingRules(sectionRules: [
                SectionRule(section: "Tools", concepts: ["no-such-thing", "testing"], location: Sample.location)
            ]))
        let tagger = Tagger(ontology: ontology)
        let (entries, diagnostics) = tagger.tag([Sample.entry("x", sections: [["Tools"]])])
        #expect(entries.map(\.conceptIDs) == [["testing"]])
        #expect(diagnostics.map(\.code) == ["rule-unknown-concept"])
    }

    // MARK: - Most specific only

    @Test(arguments: [
        ("Robustness to adversarial examples", ["adversarial-robustness"]),
        ("Robustness and fairness", ["fairness", "robustness"]),
        ("Automotive functional safety with ISO 26262 standards", ["iso-26262"]),
        ("Fine-tuning generative AI", ["fine-tuning"]),
    ])
    func onlyTheMostSpecificTagsAreStored(title: String, expected: [String]) {
        #expect(Sample.tags(title) == expected)
    }

    @Test func anOverrideAddingABroaderConceptYieldsToANarrowerTag() {
        let narrower = Sample.tagger.tag(Sample.entry("Dataset shift", url: "https://example.org/broad"))
        #expect(narrower.conceptIDs == ["distribution-shift"])
        let alone = Sample.tagger.tag(Sample.entry("Something else", url: "https://example.org/broad"))
        #expect(alone.conceptIDs == ["robustness"])
        #expect(alone.tags.first?.provenance == [TagProvenance(rule: .override, term: "https://example.org/broad")])
    }

    // MARK: - Batch

    @Test func batchIsSortedByIDAndTagsByConcept() {
        let entries = ["Zeta: bias", "Alpha: red teaming and LLMs", "Mu: standards"].enumerated().map { i, title in
            Sample.entry(title, url: "https://example.org/\(["z", "a", "m"][i])")
        }
        let (tagged, _) = Sample.tagger.tag(entries)
        #expect(tagged.map(\.entry.title) == ["Alpha: red teaming and LLMs", "Mu: standards", "Zeta: bias"])
        #expect(tagged.map(\.id) == tagged.map(\.id).sorted())
        #expect(tagged[0].conceptIDs == ["generative-ai", "red-teaming"])
        #expect(tagged == Sample.tagger.tag(entries.reversed()).entries)
    }
}
