import Foundation
import Testing
@testable import SafetyGraphCore

/// Builds tagged entries directly, so graph tests do not depend on label matching.
enum GraphSample {
    static func tagged(_ id: String, _ concepts: [ConceptID], url: String? = nil) -> TaggedEntry {
        let entry = Entry(id: EntryID(id), title: "Entry \(id)", url: url ?? "https://example.org/\(id)")
        return TaggedEntry(
            entry: entry,
            tags: concepts.sorted().map { Tag(concept: $0, provenance: [TagProvenance(rule: .override, term: "test")]) })
    }

    /// a: adversarial + aviation; b: adversarial (rare, shared with a); c, d, e: aviation (common);
    /// f: fairness only; g: distribution shift (shares only the robustness facet with a and b);
    /// h: ISO 26262 (under standards and automotive).
    static let entries: [TaggedEntry] = [
        tagged("g", ["distribution-shift"]), tagged("a", ["adversarial-robustness", "aviation"]),
        tagged("b", ["adversarial-robustness"]), tagged("c", ["aviation", "fairness"]), tagged("d", ["aviation"]),
        tagged("e", ["aviation"]), tagged("f", ["fairness"]), tagged("h", ["iso-26262"]),
    ]

    static let graph = KnowledgeGraph(scheme: Sample.scheme, entries: entries)
}

@Suite struct GraphTests {
    let graph = GraphSample.graph

    @Test func entriesAreSortedAndUniqueByID() {
        let withDuplicate = GraphSample.entries + [GraphSample.tagged("a", ["fairness"])]
        let graph = KnowledgeGraph(scheme: Sample.scheme, entries: withDuplicate)
        #expect(graph.entries.map(\.id.rawValue) == ["a", "b", "c", "d", "e", "f", "g", "h"])
        #expect(graph.entry("a")?.conceptIDs == ["adversarial-robustness", "aviation"])
    }

    /// The counts made while indexing are those of the entries kept (a repeated id counts once).
    @Test func tagAndUntaggedCountsAreTheEntriesOwn() {
        let withRepeatAndUntagged = GraphSample.entries + [GraphSample.tagged("a", ["fairness"]), GraphSample.tagged("u", [])]
        let graph = KnowledgeGraph(scheme: Sample.scheme, entries: withRepeatAndUntagged)
        #expect(graph.tagCount == graph.entries.reduce(0) { $0 + $1.tags.count })
        #expect(graph.untaggedCount == graph.entries.filter { $0.tags.isEmpty }.count)
        #expect((graph.tagCount, graph.untaggedCount) == (10, 1))
    }

    @Test func lookUpByIDAndNormalisedURL() {
        #expect(graph.entry("c")?.entry.title == "Entry c")
        #expect(graph.entry("zz") == nil)
        #expect(graph.entry(url: "http://www.EXAMPLE.org/d/")?.id == "d")
        #expect(graph.entry(url: "https://example.org/nope") == nil)
    }

    /// The look-up indexes are made on first use: asked first from many threads at once (every one of them may
    /// be the first), each look-up finds its entry, by id and by URL, in a graph large enough to take a while.
    @Test func lookUpsAskedFirstFromManyThreadsAtOnce() {
        let entries = (0..<5_000).map { GraphSample.tagged(String(format: "e%05d", $0), ["aviation"]) }
        let graph = KnowledgeGraph(scheme: Sample.scheme, entries: entries)
        let found = concurrentMap(64) { k -> Bool in
            let n = (k &* 7_919) % entries.count
            let id = String(format: "e%05d", n)
            return graph.entry(EntryID(id))?.id.rawValue == id
                && graph.entry(url: "https://example.org/\(id)")?.id.rawValue == id
                && graph.entry(EntryID(id + "x")) == nil
        }
        #expect(found.allSatisfy { $0 })
    }

    @Test func ownAndClosurePostings() {
        #expect(graph.entries(taggedWith: "robustness", includeNarrower: false).isEmpty)
        #expect(graph.entries(taggedWith: "robustness").map(\.id.rawValue) == ["a", "b", "g"])
        #expect(graph.count(of: "aviation", includeNarrower: false) == 4)
        #expect(graph.count(of: "application-domains") == 5)  // a, c, d, e and h (through automotive)
        #expect(graph.count(of: "standards") == 1)
        #expect(graph.count(of: "no-such-concept") == 0)
    }

    @Test func conceptCountsCoverEveryConcept() throws {
        let counts = graph.conceptCounts
        #expect(counts.map(\.concept) == Sample.scheme.concepts.map(\.id))
        let automotive = try #require(counts.first { $0.concept == "automotive" })
        #expect(automotive == ConceptCount(concept: "automotive", own: 0, total: 1))
    }

    @Test func edgesForExporters() {
        let about = graph.aboutEdges
        #expect(about.count == GraphSample.entries.reduce(0) { $0 + $1.tags.count })
        #expect(about.first == GraphEdge(kind: .about, source: .entry("a"), target: .concept("adversarial-robustness")))
        let broader = graph.broaderEdges
        #expect(broader.count == Sample.concepts.reduce(0) { $0 + $1.broader.count })
        #expect(broader.contains(GraphEdge(kind: .broader, source: .concept("iso-26262"), target: .concept("automotive"))))
        // `related` is listed in both directions in the scheme but is one edge.
        #expect(graph.relatedConceptEdges == [
            GraphEdge(kind: .related, source: .concept("adversarial-robustness"), target: .concept("model-attacks"))
        ])
        let all = graph.edges(relatedLimit: 2)
        #expect(all == all.sorted())
        #expect(all.filter { $0.source.kind == .entry && $0.target.kind == .entry }.allSatisfy { $0.weight != nil })
    }

    @Test func relatedEntryEdgesAreUndirectedAndWeighted() {
        let edges = graph.relatedEntryEdges(limit: 1)
        #expect(edges.allSatisfy { $0.source < $0.target && $0.kind == .related })
        let ab = edges.first { $0.source == .entry("a") && $0.target == .entry("b") }
        #expect(ab?.weight == graph.related(to: "a", limit: 1).first?.score)
        #expect(Set(edges.map { [$0.source, $0.target] }).count == edges.count)
    }
}
