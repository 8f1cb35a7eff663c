import Foundation
import SafetyGraphCore
import Testing
@testable import SafetyGraphGraphviz

@Suite struct KnowledgeGraphDOTTests {
    @Test func holdsEveryNodeAndEveryEdgeKind() throws {
        let graph = Fixtures.graph()
        let dot = KnowledgeGraphDOT(relatedLimit: 3).dot(for: graph)
        #expect(dot.nodes.count == graph.entries.count + graph.scheme.concepts.count)
        #expect(Set(dot.nodes.compactMap { $0.attributes["kind"] }) == ["concept", "entry"])
        let kinds = Dictionary(grouping: dot.edges) { $0.attributes["kind"] ?? "" }.mapValues(\.count)
        #expect(kinds["about"] == graph.aboutEdges.count)
        #expect(kinds["broader"] == graph.broaderEdges.count)
        let relatedEntries = graph.relatedEntryEdges(limit: 3).count
        #expect(kinds["related"] == graph.relatedConceptEdges.count + relatedEntries)
        let scored = dot.edges.filter { $0.attributes["score"] != nil }
        #expect(scored.count == relatedEntries)
        #expect(scored.allSatisfy { Double($0.attributes["score"] ?? "") != nil })
        // Every edge joins declared nodes.
        let ids = Set(dot.nodes.map(\.id))
        #expect(dot.edges.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
        // Only web URLs become links.
        let e3 = try #require(dot.nodes.first { $0.id == "entry:e-3" })
        #expect(e3.attributes["URL"] == nil)
    }

    @Test func theDotCommandRendersItWithoutAWord() throws {
        for graph in [Fixtures.graph(), Fixtures.hostileGraph()] {
            let result = try Tools.dotCommandStderr(KnowledgeGraphDOT().dot(for: graph).encoded())
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty, "\(result.stderr)")
        }
    }

    @Test func readabilityLimit() {
        #expect(KnowledgeGraphDOT.isReadable(Fixtures.graph()))
        #expect(KnowledgeGraphDOT.nodeCount(of: Fixtures.graph()) == 12)
        #expect(KnowledgeGraphDOT.readableNodeLimit == 100)
    }
}
