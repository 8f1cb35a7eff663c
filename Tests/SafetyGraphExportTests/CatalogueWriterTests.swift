import Foundation
import Testing
import SafetyGraphCore
import SafetyGraphMarkdown
@testable import SafetyGraphExport

/// `catalog.json` is streamed by our own writer; `JSONEncoder` is the oracle it must equal byte for byte.
@Suite struct CatalogueWriterTests {
    static func written(_ document: CatalogueDocument) -> String {
        let sink = ByteSink()
        document.write(to: sink)
        return sink.text
    }

    @Test func equalsTheEncoderOnHostileText() throws {
        let hostile = "q\"b\\s/ \u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}\u{80}\u{2028}\u{2029}é😀 </script><!-- &amp;"
        let scheme = ConceptScheme(
            id: "s", title: hostile, definition: hostile,
            concepts: [
                Concept(id: "robustness", prefLabel: hostile, definition: "Keeps working."),
                Concept(id: "adversarial-robustness", prefLabel: "A", definition: "B", broader: ["robustness"]),
                Concept(id: "empty", prefLabel: "E", definition: "Nothing tagged."),
            ])
        let tag = Tag(concept: "adversarial-robustness", provenance: [
            TagProvenance(rule: .label, term: hostile, field: .title), TagProvenance(rule: .override, term: "https://x.org/a"),
        ])
        let entries = (0..<12).map { n in
            TaggedEntry(
                entry: Entry(
                    id: EntryID("entry-\(n)"), title: n == 0 ? hostile : "Title \(n)", url: "https://example.org/\(n)",
                    otherURLs: n % 3 == 0 ? ["https://x.org/\(n)", hostile] : [], authors: n % 2 == 0 ? [hostile, "B"] : [],
                    year: n % 4 == 0 ? 1990 + n : nil, organization: n % 5 == 0 ? hostile : nil,
                    description: n % 2 == 1 ? hostile : nil, keywords: n % 3 == 1 ? ["k", hostile] : [],
                    sectionPaths: n % 2 == 0 ? [["Tools", hostile], []] : [], kind: n % 2 == 0 ? .tool : .article,
                    githubRepo: n == 3 ? "o/r" : nil, sources: [SourceLocation(file: "l\u{1}.md", line: n + 1)]),
                tags: n == 11 ? [] : [tag])
        }
        let document = CatalogueDocument(graph: KnowledgeGraph(scheme: scheme, entries: entries), relatedLimit: 5)
        #expect(document.entries.contains { !$0.related.isEmpty })
        #expect(Self.written(document) == (try JSONOutput.encode(document)))
        let empty = CatalogueDocument(graph: KnowledgeGraph(scheme: scheme, entries: []), relatedLimit: 5)
        #expect(Self.written(empty) == (try JSONOutput.encode(empty)))
    }

    /// Every corpus list with the shipped ontology: real titles, scores and provenance.
    @Test func equalsTheEncoderOnTheCorpora() throws {
        var root = URL(fileURLWithPath: #filePath)
        while root.path != "/" {
            root.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { break }
        }
        let corpora = root.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpora.path)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        try #require(names.count >= 5, "the corpora in ../shared/corpora are needed")
        let (ontology, _) = try OntologyLoader.load(folder: root.appendingPathComponent("Ontology").path)
        let ingester = MarkdownIngester(rules: ontology.ingest)
        let lists = try names.map { try ingester.ingest(fileAt: corpora.appendingPathComponent($0).path).entries }
        let tagged = Tagger(ontology: ontology).tag(EntryMerger.merge(lists).entries)
        let document = CatalogueDocument(
            graph: KnowledgeGraph(scheme: ontology.scheme, entries: tagged.entries), relatedLimit: 5)
        #expect(document.entries.count > 2000)
        let ours = Self.written(document)
        let oracle = try JSONOutput.encode(document)
        #expect(ours.utf8.count == oracle.utf8.count)
        #expect(ours == oracle)
    }
}
