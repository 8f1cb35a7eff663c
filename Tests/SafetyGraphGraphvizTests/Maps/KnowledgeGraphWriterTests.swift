import Foundation
import SafetyGraphCore
import SafetyGraphMarkdown
import Testing
@testable import SafetyGraphGraphviz

/// `KnowledgeGraphDOT.encode` writes the whole graph's DOT straight from the graph; the DOT model
/// (`dot(for:)`, encoded by the general, fuzzed `DOTGraph` encoder) is its oracle, byte for byte.
@Suite struct KnowledgeGraphWriterTests {
    static func expectSame(_ graph: KnowledgeGraph, limits: [Int] = [0, 1, 3, 5, 10]) {
        for limit in limits {
            let writer = KnowledgeGraphDOT(relatedLimit: limit)
            let ours = writer.encoded(graph)
            let oracle = writer.dot(for: graph).encoded()
            #expect(ours.utf8.count == oracle.utf8.count, "limit \(limit)")
            if ours != oracle {
                let first = zip(ours.split(separator: "\n"), oracle.split(separator: "\n")).first { $0 != $1 }
                Issue.record("limit \(limit): first differing line:\n\(first.map { "\($0.0)\n\($0.1)" } ?? "(lengths)")")
            }
        }
    }

    @Test func theFixturesEncodeAsTheModelDoes() {
        Self.expectSame(Fixtures.graph())
        Self.expectSame(Fixtures.hostileGraph())
        Self.expectSame(KnowledgeGraph(scheme: Fixtures.graph().scheme, entries: []))
    }

    /// Ids and titles that escape, tags out of order, twice, or of no concept in the scheme, a concept both
    /// broader and related to another (two statements for one pair of nodes), URLs that are no links.
    @Test func awkwardGraphsEncodeAsTheModelDoes() {
        let concepts = [
            Fixtures.concept("a", "A \"quoted\" \\ label"),
            Fixtures.concept("b", "B", broader: ["a"], related: ["a", "c"]),
            Fixtures.concept("c", "C & co", broader: ["b"], related: ["b"]),
        ]
        let scheme = ConceptScheme(id: "w", title: "Awkward \"scheme\"", definition: "", concepts: concepts)
        var entries: [TaggedEntry] = []
        for (index, label) in Fixtures.hostileLabels.enumerated() {
            let ids = ["id-\(index)", "id \"\(index)\"", "id\\\(index)", "é-\(index)", "e\u{301}-x\(index)", "&\(index);"]
            for (k, id) in ids.enumerated() {
                let urls = ["https://x.org/\(index)/\(k)", "javascript:alert(\(k))", " https://x.org/a b\"<\(k)>",
                    "https://例え.jp/\(k)", ""]
                let tags = [["c", "a", "b"], ["b", "b"], ["zzz-unknown", "a"], [], ["c"]][(index + k) % 5]
                entries.append(
                    Fixtures.entry(id, label + " " + String(repeating: "word ", count: k * 7), url: urls[(index + k) % urls.count],
                        year: k % 2 == 0 ? 1990 + k : nil, tags: tags))
            }
        }
        Self.expectSame(KnowledgeGraph(scheme: scheme, entries: entries))
    }

    @Test func everyCorpusEncodesAsTheModelDoes() throws {
        let root = Fixtures.packageRoot
        let corpora = root.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpora.path)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        try #require(names.count >= 5, "the corpora in ../shared/corpora are needed")
        let (ontology, _) = try OntologyLoader.load(folder: root.appendingPathComponent("Ontology").path)
        let ingester = MarkdownIngester(rules: ontology.ingest)
        let lists = try names.map { try ingester.ingest(fileAt: corpora.appendingPathComponent($0).path).entries }
        let tagged = Tagger(ontology: ontology).tag(EntryMerger.merge(lists).entries).entries
        let graph = KnowledgeGraph(scheme: ontology.scheme, entries: tagged)
        #expect(graph.entries.count > 2000)
        Self.expectSame(graph, limits: [0, 5, 10])
    }

    /// A graph of several megabytes comes out in pieces of about a megabyte that add up to the whole.
    @Test func aLargeGraphIsWrittenInPieces() {
        let graph = Fixtures.graph()
        let entries = (0..<12_000).map { i in
            Fixtures.entry(
                String(format: "e-%05d", i), "Entry number \(i) about robustness and testing of networks",
                url: "https://example.org/\(i)", year: 2000 + i % 25, tags: [["attacks", "testing"], ["fuzzing"], ["robustness"]][i % 3])
        }
        let big = KnowledgeGraph(scheme: graph.scheme, entries: entries)
        var pieces: [Int] = []
        var whole: [UInt8] = []
        KnowledgeGraphDOT(relatedLimit: 5).encode(big) { piece in
            pieces.append(piece.count)
            whole.append(contentsOf: piece)
        }
        #expect(pieces.count > 3)
        #expect(pieces.dropLast().allSatisfy { $0 >= 1 << 20 && $0 < (1 << 20) + (1 << 16) })
        #expect(String(decoding: whole, as: UTF8.self) == KnowledgeGraphDOT(relatedLimit: 5).dot(for: big).encoded())
    }
}
