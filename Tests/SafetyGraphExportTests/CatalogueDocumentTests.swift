import Foundation
import Testing
import SafetyGraphCore
@testable import SafetyGraphExport

@Suite struct CatalogueDocumentTests {
    static func graph() -> KnowledgeGraph {
        let scheme = ConceptScheme(
            id: "s", title: "S", definition: "A scheme.",
            concepts: [
                Concept(id: "robustness", prefLabel: "Robustness", definition: "Keeps working."),
                Concept(
                    id: "adversarial-robustness", prefLabel: "Adversarial robustness", definition: "Against attacks.",
                    broader: ["robustness"]),
            ])
        let tag = Tag(concept: "adversarial-robustness", provenance: [TagProvenance(rule: .label, term: "adversarial", field: .title)])
        let other = TaggedEntry(
            entry: Entry(id: "entry-c", title: "C", url: "https://example.org/c"),
            tags: [Tag(concept: "robustness", provenance: [TagProvenance(rule: .label, term: "robust", field: .title)])])
        let entries = [other] + ["b", "a"].map { name in
            TaggedEntry(
                entry: Entry(
                    id: EntryID("entry-\(name)"), title: "Title \(name) with \"quotes\" and </script>",
                    url: "https://example.org/\(name)", year: name == "a" ? 2020 : nil, sectionPaths: [["Tools"]],
                    kind: .tool, sources: [SourceLocation(file: "list.md", line: 3)]),
                tags: [tag])
        }
        return KnowledgeGraph(scheme: scheme, entries: entries)
    }

    @Test func encodesSortedWithCountsAndRoundTrips() throws {
        let text = try JSONOutput.encode(CatalogueDocument(graph: Self.graph(), relatedLimit: 5))
        #expect(text.hasSuffix("}\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String } == ["entry-a", "entry-b", "entry-c"])
        #expect(entries[0]["year"] as? Int == 2020)
        #expect(entries[1]["year"] == nil)  // absent, not null
        #expect(entries[0]["title"] as? String == "Title a with \"quotes\" and </script>")
        #expect(entries[0]["sources"] as? [String] == ["list.md:3"])
        let related = try #require(entries[0]["related"] as? [[String: Any]])
        #expect(related.first?["id"] as? String == "entry-b")
        #expect(related.first?["shared"] as? [String] == ["adversarial-robustness", "robustness"]
            || related.first?["shared"] as? [String] == ["adversarial-robustness"])
        let concepts = try #require(json["concepts"] as? [[String: Any]])
        let robustness = try #require(concepts.first { $0["id"] as? String == "robustness" })
        #expect(robustness["entryCount"] as? Int == 1)
        #expect(robustness["totalCount"] as? Int == 3)
        // Byte-identical on a second encoding.
        #expect(try JSONOutput.encode(CatalogueDocument(graph: Self.graph(), relatedLimit: 5)) == text)
    }
}
