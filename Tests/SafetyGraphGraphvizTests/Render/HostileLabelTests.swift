import Foundation
import Testing
@testable import SafetyGraphGraphviz

/// Hostile labels, ids and tooltips through the real renderer: the SVG stays well-formed, each label comes back
/// as its literal text, no node is added and no markup gets in.
@Suite struct HostileLabelTests {
    /// The lines a label is drawn as: line breaks split it, tabs became spaces.
    static func expectedLines(_ label: String) -> [String] {
        label.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\t", with: " ").split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
    }

    @Test(arguments: Fixtures.hostileLabels)
    func labelRoundTripsAsLiteralTextInOneNode(label: String) throws {
        let graph = DOTGraph(
            id: "hostile",
            nodes: [
                DOTNode("victim", ["label": label, "tooltip": label, "id": "victim", "URL": "https://example.org/"]),
                DOTNode("bystander", ["label": "bystander", "id": "bystander"]),
            ],
            edges: [DOTEdge("victim", "bystander")])
        let rendering = try GraphvizRenderer().render(graph, formats: [.svg])
        #expect(rendering.warnings.isEmpty, "\(rendering.warnings)")
        let svg = try SVGDocument(rendering.data(.svg))

        #expect(svg.withClass("node").count == 2)
        #expect(svg.withClass("edge").count == 1)
        #expect(svg.all("script").isEmpty)
        #expect(!rendering.text(.svg).contains("<script"))
        #expect(svg.texts(inGroup: "victim") == Self.expectedLines(label))
        if !label.contains(where: \.isNewline) {
            let anchors = svg.all("a")
            let tooltip = label.replacingOccurrences(of: "\t", with: " ")
            #expect(anchors.contains { $0.attributes["xlink:title"] == tooltip }, "tooltip of \(label)")
        }
    }

    @Test(arguments: Fixtures.hostileLabels)
    func hostileNodeIDsStayOneNodeEach(id: String) throws {
        let graph = DOTGraph(
            id: id, nodes: [DOTNode(id, ["label": "a"]), DOTNode("plain", ["label": "b"])], edges: [DOTEdge(id, "plain")])
        let svg = try SVGDocument(try GraphvizRenderer().render(graph, formats: [.svg]).data(.svg))
        #expect(svg.withClass("node").count == 2)
        #expect(svg.withClass("edge").count == 1)
        #expect(svg.all("script").isEmpty)
    }

    @Test func hostileURLsCannotBreakTheirAttribute() throws {
        let url = try #require(GraphText.webLink("https://example.org/p?a=1&b=\"2\"<script>{x}"))
        #expect(url == "https://example.org/p?a=1&b=%222%22%3Cscript%3E%7Bx%7D")
        let graph = DOTGraph(id: "u", nodes: [DOTNode("n", ["label": "n", "URL": url])])
        let svg = try SVGDocument(try GraphvizRenderer().render(graph, formats: [.svg]).data(.svg))
        #expect(svg.links == [url])
        #expect(GraphText.webLink("javascript:alert(1)") == nil)
        #expect(GraphText.webLink("file:///etc/passwd") == nil)
        #expect(GraphText.webLink("//example.org/x") == nil)
        #expect(GraphText.webLink("https://") == nil)
        #expect(GraphText.webLink(" HTTPS://Example.org/é ") == "HTTPS://Example.org/%C3%A9")
    }
}
