import Foundation
import SafetyGraphCore
import Testing

@testable import SafetyGraphGraphviz

/// Inputs the DOT fuzz target (Fuzz/Sources/FuzzDOT, `make fuzz`) found breaking a property, kept under
/// `Fixtures/Fuzz/dot/`. Program inputs (even first byte) are rebuilt with the fuzz target's own `DOTProgram`
/// and checked as it checks them: the same bytes whatever the build order, and DOT that Graphviz reads and
/// renders as well-formed SVG.
@Suite struct FuzzRegressionTests {
    static var fixtures: [URL] {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return [] }
        let folder = root.appendingPathComponent("Fuzz/dot")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    static var programs: [URL] {
        fixtures.filter { url in (try? Data(contentsOf: url)).flatMap(\.first).map { $0 % 2 == 0 } ?? false }
    }

    @Test func thereAreFixtures() {
        #expect(Self.programs.count >= 1)
    }

    @Test(arguments: programs)
    func replays(fixture: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: fixture))
        let graph = DOTProgram(Array(bytes.dropFirst()), isDirected: bytes[0] % 4 == 0).graph
        let dot = graph.encoded()
        #expect(dot == graph.reversedConstruction.encoded())
        let svg = try GraphvizRenderer().render(dot, format: .svg).data(.svg)
        _ = try SVGDocument(svg)
    }

    /// Two statements for one node id (`""`, labels `" "` and `""`): nodes were sorted by id alone, so the
    /// order they were added in decided which statement came last, and with it the label Graphviz drew.
    @Test func duplicateNodeStatementsEncodeTheSameInEveryOrder() throws {
        let fixture = try #require(Self.fixtures.first { $0.lastPathComponent == "duplicate-node-ids" })
        let bytes = [UInt8](try Data(contentsOf: fixture))
        let graph = DOTProgram(Array(bytes.dropFirst()), isDirected: false).graph
        #expect(graph.nodes.map(\.id) == ["", ""])
        #expect(graph.encoded() == "graph \"\" {\n  \"\" [label=\" \"];\n  \"\" [label=\"\"];\n}\n")
        #expect(graph.reversedConstruction.encoded() == graph.encoded())

        let twins = DOTGraph(
            id: "g",
            subgraphs: [DOTSubgraph(id: "c", nodes: [DOTNode("a")]), DOTSubgraph(id: "c", nodes: [DOTNode("b")])])
        #expect(twins.encoded() == twins.reversedConstruction.encoded())
    }

    /// A node id holding `&#0;` (Graphviz copies anything shaped like an entity into the SVG `<title>`, and
    /// `&#0;` is not XML), and a URL holding `"` (Graphviz 2.43 writes URLs into `xlink:href` without escaping
    /// quotes): both gave ill-formed SVG until ids escaped `&` and URLs were percent-encoded.
    @Test(arguments: ["character-reference-in-node-id", "quote-in-url"])
    func entityShapedIDsAndQuotedURLsGiveWellFormedSVG(name: String) throws {
        let fixture = try #require(Self.fixtures.first { $0.lastPathComponent == name })
        let bytes = [UInt8](try Data(contentsOf: fixture))
        let graph = DOTProgram(Array(bytes.dropFirst()), isDirected: bytes[0] % 4 == 0).graph
        let svg = try SVGDocument(try GraphvizRenderer().render(graph.encoded(), format: .svg).data(.svg))
        #expect(!svg.all("title").isEmpty)
        for link in svg.all("a") {
            #expect(!(link.attributes["xlink:href"] ?? "").contains("\""))
        }
    }

    /// A labelled edge `r -> n` beside a cluster: Graphviz 2.43's dot layout reallocated the rank array for the
    /// flat edge's label and freed the old one again in gvFreeLayout (a double free in our process; AddressSanitizer
    /// and valgrind both saw it, the `dot` command's node order happened not to). In graphs with clusters edge
    /// labels are now written as `xlabel`; `make test-asan` makes this test fail if the double free returns.
    @Test func labelledEdgesBesideClustersAreExternalLabels() throws {
        let fixture = try #require(
            Self.fixtures.first { $0.lastPathComponent == "labelled-edge-in-graph-with-cluster" })
        let bytes = [UInt8](try Data(contentsOf: fixture))
        let graph = DOTProgram(Array(bytes.dropFirst()), isDirected: bytes[0] % 4 == 0).graph
        #expect(graph.hasClusters)
        #expect(graph.edges.contains { $0.attributes["label"] != nil })
        let dot = graph.encoded()
        #expect(dot.contains(#""r" -> "n" [xlabel="#))
        #expect(!dot.contains(#" -> "n" [label="#))
        for _ in 0..<3 { _ = try SVGDocument(try GraphvizRenderer().render(dot, format: .svg).data(.svg)) }

        let plain = DOTGraph(id: "g", edges: [DOTEdge("a", "b", ["label": "x"])])
        #expect(plain.encoded().contains(#""a" -> "b" [label="x"];"#))
        var clustered = plain
        clustered.subgraphs = [DOTSubgraph(id: "c", nodes: [DOTNode("a")])]
        clustered.edgeDefaults = ["label": "d"]
        #expect(clustered.encoded().contains(#""a" -> "b" [xlabel="x"];"#))
        #expect(clustered.encoded().contains(#"edge [xlabel="d"];"#))
    }

    /// `fuzz input 0x01` (an empty list drawn as every graph of graph/): before the shared Graphviz context,
    /// each render freed its context, and the next render's text measurement read a font name freed with it
    /// (heap-use-after-free in libgvplugin_pango under textspan_size, found by the fuzzer with AddressSanitizer).
    /// Several renders of the empty graphs in one process must work.
    @Test func emptyGraphsRenderOneAfterAnother() throws {
        #expect(Self.fixtures.contains { $0.lastPathComponent == "empty-list-graphs-render-again" })
        let scheme = ConceptScheme(id: "s", title: "Empty", definition: "x", concepts: [])
        let empty = KnowledgeGraph(scheme: scheme, entries: [])
        for _ in 0..<3 {
            for graph in [TopicMap().dot(for: empty), KnowledgeGraphDOT().dot(for: empty)] {
                let svg = try GraphvizRenderer().render(graph.encoded(), format: .svg).data(.svg)
                #expect(!(try SVGDocument(svg)).elements.isEmpty)
            }
        }
    }
}
