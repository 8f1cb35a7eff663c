import Foundation
import Testing
@testable import SafetyGraphGraphviz

@Suite struct DOTEncodingTests {
    static func sample(reversed: Bool) -> DOTGraph {
        func order<T>(_ items: [T]) -> [T] { reversed ? items.reversed() : items }
        return DOTGraph(
            id: "g",
            attributes: ["rankdir": "LR", "label": "Title"],
            nodeDefaults: ["shape": "box"],
            subgraphs: order([
                DOTSubgraph(id: "b", attributes: ["label": "B"], nodes: order([DOTNode("y"), DOTNode("x")])),
                DOTSubgraph(id: "a", isCluster: false, nodes: [DOTNode("z")]),
            ]),
            nodes: order([DOTNode("n2", ["shape": "box", "label": "Two"]), DOTNode("n1")]),
            edges: order([DOTEdge("n2", "n1"), DOTEdge("n1", "n2", ["color": "red"]), DOTEdge("n1", "n2")]))
    }

    @Test func writesSortedQuotedAndTheSameWhateverTheBuildOrder() {
        let text = Self.sample(reversed: false).encoded()
        #expect(text == Self.sample(reversed: true).encoded())
        #expect(
            text == """
                digraph "g" {
                  graph [label="Title", rankdir="LR"];
                  node [shape="box"];
                  subgraph "a" {
                    "z";
                  }
                  subgraph "cluster_b" {
                    graph [label="B"];
                    "x";
                    "y";
                  }
                  "n1";
                  "n2" [label="Two", shape="box"];
                  "n1" -> "n2" [color="red"];
                  "n1" -> "n2";
                  "n2" -> "n1";
                }

                """)
    }

    @Test func undirectedGraphsUseDoubleDash() {
        let text = DOTGraph(id: "u", isDirected: false, edges: [DOTEdge("a", "b")]).encoded()
        #expect(text.hasPrefix("graph \"u\" {\n"))
        #expect(text.contains("\"a\" -- \"b\";"))
    }

    @Test(arguments: [
        (#"say "hi""#, #""say \"hi\"""#),
        (#"back\slash"#, #""back\\slash""#),
        (#"trailing\"#, #""trailing\\""#),
        (#"\N \G \l"#, #""\\N \\G \\l""#),
        ("two\nlines", #""two\nlines""#),
        ("crlf\r\nline", #""crlf\nline""#),
        ("cr\ronly", #""cr\nonly""#),
        ("tab\there", #""tab here""#),
        ("nul\u{0}bell\u{7}", "\"nul\u{FFFD}bell\u{FFFD}\""),
        ("not xml \u{FFFE}\u{FFFF}", "\"not xml \u{FFFD}\u{FFFD}\""),
        ("AT&T &lt;", #""AT&amp;T &amp;lt;""#),
        ("emoji 🛡️ rtl \u{200F}", "\"emoji 🛡️ rtl \u{200F}\""),
        ("<script>{", #""<script>{""#),
    ])
    func escapesValues(input: String, expected: String) {
        #expect(DOTText.quotedValue(input) == expected)
    }

    @Test func urlsPercentEncodeWhatNoURLHoldsRaw() {
        // Graphviz 2.43 writes `"` in a URL into the SVG attribute raw (fuzzer).
        #expect(
            DOTText.quotedValue(#"https://x.org/"q" <a>\b"#, attribute: "URL")
                == #""https://x.org/%22q%22%20%3Ca%3E%5Cb""#)
        #expect(DOTText.quotedValue("https://x.org/?a=1&b=2", attribute: "URL") == #""https://x.org/?a=1&amp;b=2""#)
        #expect(DOTText.quotedValue("../site/topics/a.html", attribute: "href") == #""../site/topics/a.html""#)
        #expect(DOTText.quotedValue(#"say "hi""#, attribute: "label") == #""say \"hi\"""#)
    }

    @Test func tooltipsEscapeBackslashesTwice() {
        #expect(DOTText.quotedValue(#"a\N"#, attribute: "tooltip") == #""a\\\\N""#)
        #expect(DOTText.quotedValue(#"a\N"#, attribute: "label") == #""a\\N""#)
    }

    @Test func idsEscapeAmpersandsAndAreAlwaysQuoted() {
        // `&#0;` in an id reached the SVG `<title>` as an invalid character reference (fuzzer).
        #expect(DOTText.quotedID("a&b") == #""a&amp;b""#)
        #expect(DOTText.quotedID("&#0;") == #""&amp;#0;""#)
        for keyword in ["node", "edge", "graph", "subgraph", "digraph", "strict", "-1", "a b", "a->b", ""] {
            let text = DOTGraph(id: "k", nodes: [DOTNode(keyword, ["label": "x"])]).encoded()
            #expect(text.contains("  " + DOTText.quotedID(keyword) + " [label=\"x\"];"))
        }
    }

    @Test func attributeNamesAreBareOnlyWhenPlainIdentifiers() {
        #expect(DOTText.attributeName("fontname") == "fontname")
        #expect(DOTText.attributeName("_private2") == "_private2")
        #expect(DOTText.attributeName("2x") == #""2x""#)
        #expect(DOTText.attributeName("a b") == #""a b""#)
        #expect(DOTText.attributeName("") == #""""#)
    }

    @Test func listsEveryNodeIDOnce() {
        #expect(Self.sample(reversed: false).allNodeIDs == ["n1", "n2", "x", "y", "z"])
    }

    /// The `dot` command reads what we write without a word, hostile labels and all.
    @Test(arguments: Fixtures.hostileLabels)
    func theDotCommandReadsHostileLabelsSilently(label: String) throws {
        let graph = DOTGraph(
            id: label, nodes: [DOTNode(label, ["label": label, "tooltip": label, "URL": "https://x.org/?a=1&b=2"])],
            edges: [DOTEdge(label, "other", ["label": label])])
        let result = try Tools.dotCommandStderr(graph.encoded())
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}
