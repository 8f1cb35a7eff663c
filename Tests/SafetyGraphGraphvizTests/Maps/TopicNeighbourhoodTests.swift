import Foundation
import SafetyGraphCore
import Testing
@testable import SafetyGraphGraphviz

@Suite struct TopicNeighbourhoodTests {
    @Test func showsBroaderNarrowerRelatedAndEntries() throws {
        let graph = Fixtures.graph()
        let dot = try #require(TopicNeighbourhood().dot(for: "adversarial", in: graph))
        let concepts = Set(dot.nodes.map(\.id))
        #expect(concepts == [
            "concept:adversarial", "concept:robustness", "concept:attacks", "concept:fuzzing", "concept:testing",
        ])
        let entries = dot.subgraphs.flatMap(\.nodes).map(\.id)
        // Own tag first (e-5), then through narrower concepts, newest first: e-3 (2023), e-1 (2021).
        #expect(entries == ["entry:e-5", "entry:e-3", "entry:e-1"])
        #expect(TopicNeighbourhood().dot(for: "no-such-concept", in: graph) == nil)
    }

    @Test func linksGoToTopicPagesAndWebURLsOnly() throws {
        let graph = Fixtures.graph()
        let dot = try #require(TopicNeighbourhood().dot(for: "adversarial", in: graph)).encoded()
        let rendering = try GraphvizRenderer().render(dot, formats: [.svg])
        #expect(rendering.warnings.isEmpty)
        let svg = try SVGDocument(rendering.data(.svg))
        let links = Set(svg.links)
        #expect(links == [
            "../../site/topics/adversarial.html", "../../site/topics/robustness.html",
            "../../site/topics/attacks.html", "../../site/topics/fuzzing.html", "../../site/topics/testing.html",
            "https://example.org/adv", "https://example.org/a?x=1&y=2",
        ])
        // e-3's javascript: URL is no link, but the entry is drawn.
        #expect(svg.all("title").contains { $0.text == "entry:e-3" })
        #expect(!links.contains { $0.hasPrefix("javascript") })
    }

    @Test func aMoreNodeLinksToTheTopicPageBeyondTheLimit() throws {
        let graph = Fixtures.graph()
        let dot = try #require(TopicNeighbourhood(linkPrefix: "topics/", entryLimit: 1).dot(for: "robustness", in: graph))
        let entryNodes = try #require(dot.subgraphs.first).nodes
        #expect(entryNodes.map(\.id) == ["entry:e-4", TopicNeighbourhood.moreNodeID])
        let more = try #require(entryNodes.last)
        #expect(more.attributes["label"] == "+3 more")
        #expect(more.attributes["URL"] == "topics/robustness.html")
        #expect(try #require(dot.subgraphs.first).attributes["label"] == "Entries (1 of 4)")
    }

    /// The entries shown are the first `entryLimit` of all the topic's entries sorted in drawing order (own tag
    /// first, newest first, then title, then id), on 600 entries with repeated years and titles, some without a
    /// year, tagged with the concepts of the fixture's scheme one or two at a time.
    @Test func shownEntriesAreTheFirstOfTheFullOrder() throws {
        let scheme = Fixtures.graph().scheme
        let ids = scheme.concepts.map(\.id.rawValue)
        let titles = ["B", "A", "C", "a", "Ä"]
        var entries: [TaggedEntry] = []
        for n in 0..<600 {
            let id = String(format: "e-%04d", (n * 7919) % 600)
            let year: Int? = n % 4 == 0 ? nil : 2000 + n % 7
            var tags = [ids[n % ids.count]]
            if n % 3 == 0 { tags.append(ids[(n / 3) % ids.count]) }
            entries.append(Fixtures.entry(id, titles[n % 5], url: "https://example.org/\(n)", year: year, tags: tags))
        }
        let graph = KnowledgeGraph(scheme: scheme, entries: entries)
        for concept in scheme.concepts {
            let all = graph.entries(taggedWith: concept.id, includeNarrower: true)
            let sorted = all.sorted { a, b in
                let ownA = a.tags.contains { $0.concept == concept.id }, ownB = b.tags.contains { $0.concept == concept.id }
                if ownA != ownB { return ownA }
                if a.entry.year != b.entry.year { return (a.entry.year ?? Int.min) > (b.entry.year ?? Int.min) }
                if a.entry.title != b.entry.title { return a.entry.title < b.entry.title }
                return a.id < b.id
            }
            for limit in [0, 1, 10, 1000] {
                let (shown, more) = TopicNeighbourhood(entryLimit: limit).entries(of: concept.id, in: graph)
                #expect(shown.map { $0.id } == sorted.prefix(limit).map { $0.id }, "\(concept.id), limit \(limit)")
                #expect(more == all.count - shown.count)
            }
        }
    }

    @Test func anEmptyTopicHasNoEntryCluster() throws {
        let dot = try #require(TopicNeighbourhood().dot(for: "empty-topic", in: Fixtures.graph()))
        #expect(dot.subgraphs.isEmpty)
        let svg = try SVGDocument(try GraphvizRenderer().render(dot, formats: [.svg]).data(.svg))
        #expect(svg.withClass("node").count == 2)  // itself and its broader concept
    }

    @Test func everyTopicOfAHostileSchemeRendersCleanly() throws {
        let graph = Fixtures.hostileGraph()
        for concept in graph.scheme.concepts {
            let dot = try #require(TopicNeighbourhood().dot(for: concept.id, in: graph)).encoded()
            let rendering = try GraphvizRenderer().render(dot, formats: [.svg])
            #expect(rendering.warnings.isEmpty)
            let svg = try SVGDocument(rendering.data(.svg))
            #expect(svg.all("script").isEmpty)
            for link in svg.links {
                #expect(link.hasPrefix("../../site/topics/") || link.hasPrefix("https://example.org/"), "\(link)")
                #expect(!link.contains("\"") && !link.contains("<"))
            }
        }
    }
}
