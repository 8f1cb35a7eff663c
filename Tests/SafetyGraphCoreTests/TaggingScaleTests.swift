import Foundation
import Testing
@testable import SafetyGraphCore

/// A guard against quadratic blow-up (not a benchmark): tag and relate ~20,000 synthetic entries, one concept
/// carried by every entry, within a generous bound even in a debug build.
@Suite struct TaggingScaleTests {
    static let vocabulary = [
        "robustness", "adversarial examples", "fairness", "bias", "standards", "standard deviation", "ISO 26262",
        "red teaming", "fine-tuning", "prompt injection", "aviation", "autonomous driving", "testing", "XAI",
        "model cards", "dataset shift", "formal verification", "backdoors", "regulation",
        "a", "study", "of", "with", "for", "systems", "neural", "networks", "towards", "safe", "learning", "the",
        "data", "method", "deep", "analysis", "evaluation", "approach", "benchmark", "large", "scale",
    ]

    static func entries(_ count: Int) -> [Entry] {
        var random = RandomGraph.Generator(state: 2_024)
        return (0..<count).map { i in
            var words = ["LLM"]  // one concept on every entry: its posting list holds all of them
            for _ in 0..<(3 + random.next(6)) { words.append(vocabulary[random.next(vocabulary.count)]) }
            let description = (0..<8).map { _ in vocabulary[random.next(vocabulary.count)] }.joined(separator: " ")
            let url = "https://example.org/paper/\(i)"
            return Entry(
                id: URLNormalizer.entryID(forNormalized: url), title: words.joined(separator: " "), url: url,
                description: description, keywords: [vocabulary[random.next(vocabulary.count)]],
                sectionPaths: [["Papers", i % 2 == 0 ? "Standards" : "Tools"]])
        }
    }

    @Test func tagsAndRelatesTwentyThousandEntries() throws {
        let entries = Self.entries(20_000)
        let (tagged, diagnostics) = Sample.tagger.tag(entries)
        let graph = KnowledgeGraph(scheme: Sample.scheme, entries: tagged)
        // Every 100th entry: enough to hit the dense posting lists many times over.
        let lookUps = stride(from: 0, to: graph.entries.count, by: 100).map { graph.entries[$0].id }
        var related: [[RelatedEntry]] = []
        for id in lookUps { related.append(graph.related(to: id, limit: 10)) }

        #expect(tagged.count == 20_000)
        #expect(diagnostics.map(\.code) == Array(repeating: "override-unknown-entry", count: 3))
        #expect(tagged.allSatisfy { $0.conceptIDs.contains("generative-ai") || $0.conceptIDs.contains("fine-tuning") })
        #expect(graph.count(of: "ai-technologies") == 20_000)
        #expect(graph.count(of: "robustness") > 5_000)
        #expect(related.allSatisfy { $0.count == 10 })
        #expect(zip(lookUps, related).allSatisfy { id, list in !list.contains { $0.entry == id } })
    }
}
