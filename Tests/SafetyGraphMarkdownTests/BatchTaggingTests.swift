import Foundation
import Testing
import SafetyGraphCore
import SafetyGraphMarkdown

/// Tagging a batch works out the section paths once per distinct set of paths (looked up by the path array's
/// storage first) and tags in chunks on all cores: every entry must still get exactly what tagging it alone gives.
@Suite struct BatchTaggingTests {
    static let ontology: Ontology? = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return try? OntologyLoader.load(folder: url.appendingPathComponent("Ontology").path).0
    }()

    @Test func batchEqualsOneByOneOnEveryCorpus() throws {
        let ontology = try #require(Self.ontology)
        let ingester = MarkdownIngester(rules: ontology.ingest)
        let lists = try Corpus.files.map { try ingester.ingest(fileAt: Corpus.path($0)).entries }
        let merged = EntryMerger.merge(lists).entries
        // The same entries again under other URLs, each with its own copy of equal section paths (another storage,
        // the same value), so both look-ups of the batch are taken.
        let copies = merged.map { entry in
            var copy = entry
            copy.url = entry.url.replacingOccurrences(of: "://", with: "://copy.")
            copy.id = URLNormalizer.entryID(forNormalized: URLNormalizer.normalize(copy.url) ?? copy.url)
            copy.sectionPaths = entry.sectionPaths.map { path in path.map { $0 } }
            return copy
        }
        let entries = EntryMerger.merge([merged, copies]).entries
        #expect(entries.count == 2 * merged.count)
        #expect(entries.contains { $0.sectionPaths.count > 1 })

        let tagger = Tagger(ontology: ontology)
        let batch = tagger.tag(entries).entries
        let alone = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, tagger.tag($0)) })
        #expect(batch.count == entries.count)
        var differing: [String] = []
        for tagged in batch where alone[tagged.entry.id] != tagged { differing.append(tagged.entry.url) }
        #expect(differing.count == 0, "\(differing.count) entries differ, e.g. \(differing.prefix(3))")
        #expect(batch.contains { $0.tags.contains { $0.provenance.contains { $0.field == .section } } })
    }
}
