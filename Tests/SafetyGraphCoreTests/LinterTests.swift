import Testing
@testable import SafetyGraphCore

@Suite struct LinterTests {
    @Test func reportsAddressesThatAreNotWebURLsAndUntaggedEntries() {
        let scheme = ConceptScheme(
            id: "s", title: "S", definition: "d", concepts: [Concept(id: "a", prefLabel: "A", definition: "d")])
        let at = SourceLocation(file: "list.md", line: 7)
        let entries = [
            TaggedEntry(
                entry: Entry(id: "bad", title: "Bad", url: "javascript:alert(1)", otherURLs: ["./rel.md"], sources: [at]),
                tags: [Tag(concept: "a", provenance: [TagProvenance(rule: .label, term: "a", field: .title)])]),
            TaggedEntry(entry: Entry(id: "good", title: "Good", url: "https://example.org/", sources: [at]), tags: []),
        ]
        let findings = Linter.findings(graph: KnowledgeGraph(scheme: scheme, entries: entries), diagnostics: [])
        #expect(findings.map(\.code).sorted() == ["unsafe-url", "unsafe-url", "untagged-entry"])
        let unsafe = findings.filter { $0.code == "unsafe-url" }
        #expect(unsafe.contains { $0.message.contains("'javascript:alert(1)'") })
        #expect(unsafe.contains { $0.message.contains("'./rel.md'") })
        #expect(unsafe.allSatisfy { $0.location == at })
    }
}
