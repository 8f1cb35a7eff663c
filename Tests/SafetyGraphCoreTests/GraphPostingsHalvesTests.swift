import Foundation
import Testing
@testable import SafetyGraphCore

/// A large graph makes its postings in two halves at once and joins them: every list, count and closure class must
/// be the one pass's, whatever the sizes, and whichever closures the halves share or keep to themselves.
@Suite struct GraphPostingsHalvesTests {
    static func entries(_ count: Int, seed: UInt64, untaggedEvery: Int) -> [TaggedEntry] {
        var random = RandomGraph.Generator(state: seed)
        let concepts = Sample.scheme.concepts.map(\.id) + ["not-in-the-scheme"]
        return (0..<count).map { i in
            guard i % untaggedEvery != 0 else { return GraphSample.tagged(String(format: "e%05d", i), []) }
            // Fewer concepts early on, so that the second half has closures of its own.
            let pool = i < count / 2 ? Array(concepts.prefix(4)) : concepts
            let tags = Set((0..<(1 + random.next(3))).map { _ in pool[random.next(pool.count)] })
            return GraphSample.tagged(String(format: "e%05d", i), Array(tags))
        }
    }

    @Test(arguments: [2, 3, 10, 101, 1_000])
    func halvesMakeWhatOnePassMakes(count: Int) {
        for seed in [1 as UInt64, 7, 42] {
            let entries = Self.entries(count, seed: seed, untaggedEvery: 7)
            let whole = KnowledgeGraph(
                scheme: Sample.scheme, entries: entries, relatedScanBudget: 64, postingsInHalvesFrom: .max)
            let halves = KnowledgeGraph(
                scheme: Sample.scheme, entries: entries, relatedScanBudget: 64, postingsInHalvesFrom: 2)
            let what = "\(count) entries, seed \(seed)"
            #expect(halves.ownPostings.offsets == whole.ownPostings.offsets, "\(what)")
            #expect(halves.ownPostings.values == whole.ownPostings.values, "\(what)")
            #expect(halves.closurePostings.offsets == whole.closurePostings.offsets, "\(what)")
            #expect(halves.closurePostings.values == whole.closurePostings.values, "\(what)")
            #expect(halves.entryClosure.offsets == whole.entryClosure.offsets, "\(what)")
            #expect(halves.entryClosure.values == whole.entryClosure.values, "\(what)")
            #expect(halves.closureClass == whole.closureClass, "\(what)")
            #expect(halves.closureClassCount == whole.closureClassCount, "\(what)")
            #expect(halves.weights == whole.weights, "\(what)")
            #expect((halves.tagCount, halves.untaggedCount) == (whole.tagCount, whole.untaggedCount), "\(what)")
            #expect(halves.allRelated(limit: 5) == whole.allRelated(limit: 5), "\(what)")
        }
    }

    /// The public initialiser makes a graph above its threshold in halves too.
    @Test func aLargeGraphAsBuilt() {
        let entries = Self.entries(9_000, seed: 5, untaggedEvery: 11)
        let built = KnowledgeGraph(scheme: Sample.scheme, entries: entries)
        let whole = KnowledgeGraph(
            scheme: Sample.scheme, entries: entries, relatedScanBudget: 4_096, postingsInHalvesFrom: .max)
        #expect(built.closureClass == whole.closureClass)
        #expect(built.closurePostings.values == whole.closurePostings.values)
        #expect(built.entryClosure.values == whole.entryClosure.values)
    }
}
