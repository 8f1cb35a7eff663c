import Foundation
import Testing
@testable import SafetyGraphCore

/// Related entries: rarity weighting, reasons, limits, ties, exactness against brute force.
@Suite struct GraphRelatedTests {
    let graph = GraphSample.graph

    @Test func sharedRarerConceptRanksHigher() {
        let related = graph.related(to: "a")
        #expect(related.map(\.entry.rawValue) == ["b", "c", "d", "e", "g", "h"])
        // N = 8; adversarial-robustness in 2 closures, robustness in 3, aviation in 4, application-domains in 5.
        let expectedB = log(8.0 / 2) + log(8.0 / 3)
        #expect(abs(related[0].score - expectedB) < 1e-6)
        #expect(abs(related[1].score - (log(8.0 / 4) + log(8.0 / 5))) < 1e-6)
        #expect(abs(related[4].score - log(8.0 / 3)) < 1e-6)
        #expect(abs(related[5].score - log(8.0 / 5)) < 1e-6)
    }

    @Test func reasonsAreTheMostSpecificSharedConcepts() {
        let related = graph.related(to: "a")
        #expect(related.map(\.sharedConcepts) == [
            ["adversarial-robustness"], ["aviation"], ["aviation"], ["aviation"], ["robustness"], ["application-domains"],
        ])
    }

    @Test func limitTiesAndSelf() {
        #expect(graph.related(to: "a", limit: 2).map(\.entry.rawValue) == ["b", "c"])
        // c, d and e tie with a; ties go by id, and a is never related to itself.
        #expect(graph.related(to: "d", limit: 3).map(\.entry.rawValue) == ["a", "c", "e"])
        #expect(!graph.related(to: "d").contains { $0.entry == "d" })
        #expect(graph.related(to: "a", limit: 0).isEmpty)
        #expect(graph.related(to: "missing").isEmpty)
    }

    @Test func unrelatedEntriesAreLeftOut() {
        #expect(graph.related(to: "f").map(\.entry.rawValue) == ["c"])
        #expect(graph.related(to: "h").map(\.entry.rawValue) == ["a", "c", "d", "e"])
    }

    @Test func scoresAreSymmetric() {
        for x in graph.entries.indices {
            for y in graph.entries.indices where x != y { #expect(graph.score(x, y) == graph.score(y, x)) }
        }
    }

    @Test func allRelatedMatchesSingleLookUps() {
        let all = graph.allRelated(limit: 3)
        #expect(all.map(\.entry) == graph.entries.map(\.id))
        for list in all { #expect(list.related == graph.related(to: list.entry, limit: 3)) }
    }

    /// `allRelated` searches once per closure class; each entry must get exactly what its own look-up gives, also
    /// when the scan budget cuts the search short and when many entries tie.
    @Test(arguments: [16, 64, 4_096])
    func allRelatedMatchesSingleLookUpsOnRandomGraphs(budget: Int) {
        for seed: UInt64 in [3, 19] {
            let graph = RandomGraph.make(entries: 600, seed: seed, budget: budget)
            for limit in [1, 3, 5, 12] {
                let all = graph.allRelated(limit: limit)
                #expect(all.map(\.entry) == graph.entries.map(\.id))
                var differ = 0
                for list in all where list.related != graph.related(to: list.entry, limit: limit) { differ += 1 }
                #expect(differ == 0, "seed \(seed), budget \(budget), limit \(limit)")
            }
        }
    }

    @Test(arguments: [1, 5, 10])
    func matchesBruteForceOnARandomGraph(limit: Int) {
        let graph = RandomGraph.make(entries: 400, seed: 7)
        for a in graph.entries.indices {
            var scored: [(score: Double, id: EntryID)] = []
            for b in graph.entries.indices where b != a {
                let score = graph.score(a, b)
                if score > 0 { scored.append((score, graph.entries[b].id)) }
            }
            scored.sort { x, y in x.score != y.score ? x.score > y.score : x.id < y.id }
            let expected: [EntryID] = scored.prefix(limit).map { $0.id }
            #expect(graph.related(to: graph.entries[a].id, limit: limit).map(\.entry) == expected)
        }
    }

    @Test func aSmallBudgetStillGivesValidLists() {
        let graph = RandomGraph.make(entries: 400, seed: 11, budget: 16)
        for a in graph.entries.indices.prefix(50) {
            let related = graph.related(to: graph.entries[a].id, limit: 5)
            #expect(related.count <= 5)
            #expect(!related.contains { $0.entry == graph.entries[a].id })
            #expect(related.map(\.score) == related.map(\.score).sorted(by: >))
            for r in related {
                let b = graph.entries.firstIndex { $0.id == r.entry }!
                #expect(abs(r.score - graph.score(a, b)) < 1e-6)
            }
        }
    }
}

/// A deterministic random graph over the sample scheme (a linear congruential generator, no seeds from `Hasher`).
enum RandomGraph {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func make(entries count: Int, seed: UInt64, budget: Int = 4_096) -> KnowledgeGraph {
        var random = Generator(state: seed)
        let concepts = Sample.scheme.concepts.map(\.id)
        let entries = (0..<count).map { i in
            let tags = Set((0..<(1 + random.next(3))).map { _ in concepts[random.next(concepts.count)] })
            return GraphSample.tagged(String(format: "e%05d", i), Array(tags))
        }
        return KnowledgeGraph(scheme: Sample.scheme, entries: entries, relatedScanBudget: budget)
    }
}
