import Foundation
import SafetyGraphCore
import Testing
@testable import SafetyGraphGraphviz

@Suite struct TopicMapTests {
    static func render(_ map: TopicMap = TopicMap(), _ graph: KnowledgeGraph = Fixtures.graph()) throws
        -> (dot: String, svg: SVGDocument, rendering: GraphvizRendering)
    {
        let dot = map.dot(for: graph).encoded()
        let rendering = try GraphvizRenderer().render(dot, formats: [.svg])
        return (dot, try SVGDocument(rendering.data(.svg)), rendering)
    }

    /// Concept ids drawn on the map, from the SVG's element ids (`topic-<id>`), with how often each appears.
    static func drawnTopics(_ svg: SVGDocument) -> [String: Int] {
        var seen: [String: Int] = [:]
        for element in svg.all("g") {
            guard let id = element.attributes["id"], id.hasPrefix("topic-") else { continue }
            seen[String(id.dropFirst("topic-".count)), default: 0] += 1
        }
        return seen
    }

    @Test func everyConceptWithEntriesAppearsExactlyOnce() throws {
        let graph = Fixtures.graph()
        let (_, svg, rendering) = try Self.render()
        #expect(rendering.warnings.isEmpty)
        let withEntries = graph.scheme.concepts.filter { graph.count(of: $0.id, includeNarrower: true) > 0 }
            .map(\.id.rawValue)
        #expect(withEntries == ["adversarial", "assurance", "attacks", "fuzzing", "robustness", "testing"])
        let drawn = Self.drawnTopics(svg)
        #expect(drawn.keys.sorted() == withEntries)
        #expect(drawn.values.allSatisfy { $0 == 1 })
        // Empty concepts are left out by default, drawn faint on request.
        let all = Self.drawnTopics(try Self.render(TopicMap(includeEmpty: true)).svg)
        #expect(all.keys.sorted() == graph.scheme.concepts.map(\.id.rawValue))
    }

    @Test func facetsAreClustersAndEachConceptSitsInItsPrimaryFacet() throws {
        let (dot, svg, _) = try Self.render()
        #expect(svg.withClass("cluster").count == 3)  // two facets and the legend
        #expect(dot.contains("subgraph \"cluster_facet-assurance\""))
        #expect(dot.contains("subgraph \"cluster_facet-robustness\""))
        #expect(dot.contains("subgraph \"cluster_legend\""))
        // fuzzing's first broader is testing (assurance), so it is drawn there, once.
        let assurance = try #require(dot.range(of: "subgraph \"cluster_facet-assurance\""))
        let robustness = try #require(dot.range(of: "subgraph \"cluster_facet-robustness\""))
        let fuzzing = try #require(dot.range(of: "\"concept:fuzzing\" ["))
        #expect(fuzzing.lowerBound > assurance.lowerBound && fuzzing.lowerBound < robustness.lowerBound)
    }

    @Test func edgesBroaderSolidSecondParentDashedRelatedOnlyWithinAFacet() throws {
        let dot = TopicMap().dot(for: Fixtures.graph())
        let byClass = Dictionary(grouping: dot.edges, by: { $0.attributes["class"] ?? "" })
        let broader = try #require(byClass["broader"])
        #expect(Set(broader.map { "\($0.from) \($0.to)" }) == [
            "concept:robustness concept:adversarial", "concept:adversarial concept:attacks",
            "concept:assurance concept:testing", "concept:testing concept:fuzzing",
            "concept:adversarial concept:fuzzing",
        ])
        let second = try #require(broader.first { $0.from == "concept:adversarial" && $0.to == "concept:fuzzing" })
        #expect(second.attributes["constraint"] == "false")
        #expect(second.attributes["style"] == "dashed")
        let related = byClass["related"] ?? []
        // adversarial–attacks share a facet; adversarial–testing cross facets and are left to the topic pages.
        #expect(related.map { "\($0.from) \($0.to)" } == ["concept:adversarial concept:attacks"])
        #expect(related.allSatisfy {
            $0.attributes["dir"] == "none" && $0.attributes["style"] == "dashed" && $0.attributes["constraint"] == "false"
        })
    }

    @Test func nodesLinkToTopicPagesWithDefinitionTooltips() throws {
        let graph = Fixtures.graph()
        let (_, svg, _) = try Self.render()
        let links = svg.links
        #expect(!links.isEmpty)
        for link in links {
            #expect(link.hasPrefix("../site/topics/") && link.hasSuffix(".html"), "\(link)")
            let id = String(link.dropFirst("../site/topics/".count).dropLast(".html".count))
            #expect(graph.scheme.contains(ConceptID(id)), "\(link) names no concept")
        }
        #expect(Set(links).count == 6)
        let titles = svg.all("a").compactMap { $0.attributes["xlink:title"] }
        #expect(titles.contains("AI testing — 2 entries. Definition of AI testing."))

        let inline = try Self.render(TopicMap(linkPrefix: "topics/")).svg
        #expect(inline.links.allSatisfy { $0.hasPrefix("topics/") && !$0.contains("..") })
        #expect(inline.links.contains("topics/robustness.html"))
    }

    @Test func shadesFollowCountsAndTheLegendExplainsThem() throws {
        let dot = TopicMap().dot(for: Fixtures.graph())
        let nodes = dot.subgraphs.flatMap(\.nodes)
        func node(_ id: String) throws -> DOTNode { try #require(nodes.first { $0.id == "concept:" + id }) }
        // robustness: 4 entries (itself, adversarial, attacks, fuzzing) → the 4–7 shade.
        #expect(try node("robustness").attributes["label"] == "Robustness (4)")
        #expect(try node("robustness").attributes["fillcolor"] == GraphStyle.shade(for: 4)?.fill)
        #expect(try node("attacks").attributes["fillcolor"] == GraphStyle.shade(for: 1)?.fill)
        #expect(GraphStyle.shade(for: 0) == nil)
        #expect(GraphStyle.shade(for: 3)?.legend == "2–3 entries")
        #expect(GraphStyle.shade(for: 500)?.legend == "16 or more")
        let legend = try #require(dot.subgraphs.first { $0.id == "legend" })
        #expect(legend.nodes.compactMap { $0.attributes["label"] }.contains("8–15 entries"))
        #expect(dot.attributes["label"] == "Test scheme — topic map: 6 topics, 5 entries")
    }

    @Test func hostileLabelsAndDefinitionsRoundTripOnTheMap() throws {
        let graph = Fixtures.hostileGraph()
        let (dot, svg, rendering) = try Self.render(TopicMap(), graph)
        #expect(rendering.warnings.isEmpty)
        #expect(svg.all("script").isEmpty)
        #expect(Self.drawnTopics(svg).count == Fixtures.hostileLabels.count + 1)
        for (index, label) in Fixtures.hostileLabels.enumerated() {
            let lines = svg.texts(inGroup: "topic-hostile-\(index)")
            let expected = GraphText.wrapped(label.replacingOccurrences(of: "\t", with: " "), width: 22) + " (1)"
            #expect(lines.joined(separator: "\n") == expected.replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n"), "label \(index)")
        }
        let result = try Tools.dotCommandStderr(dot)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test func anEmptyGraphStillRenders() throws {
        let scheme = ConceptScheme(id: "e", title: "Empty", definition: "", concepts: [])
        let (_, svg, _) = try Self.render(TopicMap(), KnowledgeGraph(scheme: scheme, entries: []))
        #expect(Self.drawnTopics(svg).isEmpty)
    }
}
