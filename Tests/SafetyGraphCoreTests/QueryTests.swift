import Foundation
import Testing
@testable import SafetyGraphCore

/// Tag queries (AND / OR / NOT, closure on and off), validation, and the topic tree.
@Suite struct QueryTests {
    let graph = GraphSample.graph

    func ids(_ query: TagQuery) throws -> [String] {
        try graph.entryIDs(matching: query).map(\.rawValue)
    }

    @Test func emptyQueryMatchesEverything() throws {
        #expect(try ids(TagQuery()) == ["a", "b", "c", "d", "e", "f", "g", "h"])
    }

    @Test func allAnyNotWithClosure() throws {
        #expect(try ids(TagQuery(all: ["robustness"])) == ["a", "b", "g"])
        #expect(try ids(TagQuery(all: ["robustness", "application-domains"])) == ["a"])
        #expect(try ids(TagQuery(any: ["fairness", "distribution-shift"])) == ["c", "f", "g"])
        #expect(try ids(TagQuery(all: ["aviation"], not: ["trustworthy-ai"])) == ["a", "d", "e"])
        #expect(try ids(TagQuery(all: ["application-domains"], any: ["robustness", "standards"])) == ["a", "h"])
        #expect(try ids(TagQuery(not: ["application-domains"])) == ["b", "f", "g"])
        #expect(try ids(TagQuery(all: ["fairness", "robustness"])) == [])
    }

    @Test func withoutClosureOnlyStoredTagsCount() throws {
        #expect(try ids(TagQuery(all: ["robustness"], includeNarrower: false)) == [])
        #expect(try ids(TagQuery(any: ["aviation", "automotive"], includeNarrower: false)) == ["a", "c", "d", "e"])
        #expect(try ids(TagQuery(any: ["aviation", "automotive"])) == ["a", "c", "d", "e", "h"])
        #expect(try ids(TagQuery(all: ["aviation"], not: ["trustworthy-ai"], includeNarrower: false))
            == ["a", "c", "d", "e"])
    }

    @Test func queriesReturnTaggedEntries() throws {
        let found = try graph.entries(matching: TagQuery(all: ["iso-26262"]))
        #expect(found.map(\.entry.title) == ["Entry h"])
    }

    @Test func unknownConceptsAreListedWithSuggestions() throws {
        let query = TagQuery(all: ["robustnes"], any: ["Red teaming"], not: ["zzzz-qqqq"])
        let error = try #require(throws: QueryError.self) { try graph.entries(matching: query) }
        guard case .unknownConcepts(let unknown) = error else { return }
        #expect(unknown.map(\.id) == ["Red teaming", "robustnes", "zzzz-qqqq"])
        #expect(unknown[0].suggestions == ["red-teaming"])
        #expect(unknown[1].suggestions.first == "robustness")
        #expect(unknown[2].suggestions == [])
        #expect(error.description.contains("error: unknown concept 'robustnes' (did you mean 'robustness'"))
        #expect(error.description.split(separator: "\n").count == 3)
        #expect(throws: Never.self) { try graph.validate(TagQuery(all: ["fairness"])) }
    }

    @Test func suggestionsForPartialIDs() {
        #expect(graph.suggestions(for: "adversarial").first == "adversarial-robustness")
        #expect(graph.suggestions(for: "fairnes") == ["fairness"])
    }

    @Test func queryIsCodable() throws {
        let query = TagQuery(all: ["a"], any: ["b"], not: ["c"], includeNarrower: false)
        let data = try JSONEncoder().encode(query)
        #expect(try JSONDecoder().decode(TagQuery.self, from: data) == query)
    }

    // MARK: - Topics

    @Test func topicsUnfoldThePolyHierarchyWithCounts() throws {
        let topics = graph.topics()
        #expect(topics.map(\.concept) == Sample.scheme.topConcepts.map(\.id))
        let domains = try #require(topics.first { $0.concept == "application-domains" })
        #expect(domains.ownCount == 0)
        #expect(domains.totalCount == 5)
        #expect(domains.narrower.map(\.concept) == ["automotive", "aviation"])
        let automotive = domains.narrower[0]
        #expect(automotive.narrower.map(\.concept) == ["iso-26262"])
        #expect((automotive.ownCount, automotive.totalCount) == (0, 1))
        let regulation = try #require(topics.first { $0.concept == "standards-and-regulation" })
        let standards = try #require(regulation.narrower.first { $0.concept == "standards" })
        #expect(standards.narrower.map(\.concept) == ["iso-26262"])
        #expect(standards.narrower[0].ownCount == 1)
        #expect(standards.prefLabel == "Standards")
    }

    @Test func facetTotalsCountDistinctEntries() throws {
        // c is tagged aviation and fairness, a is tagged aviation and adversarial-robustness: each counts once.
        let trustworthy = try #require(graph.topics().first { $0.concept == "trustworthy-ai" })
        #expect(trustworthy.totalCount == 2)
        let robustness = try #require(graph.topics().first { $0.concept == "robustness" })
        #expect(robustness.totalCount == 3)
        #expect(robustness.narrower.map { ($0.concept.rawValue, $0.ownCount) }.map { "\($0.0)=\($0.1)" }
            == ["adversarial-robustness=2", "distribution-shift=1"])
    }
}
