import Testing
import SafetyGraphCore
@testable import SafetyGraphExport

/// A run's nodes are written straight into the catalogue dump (`JSONLDWriter.append(_: LinkedNode, …)`); the
/// scheme's and the whole graph's still go through a sink of their own and are copied. Both must give the same bytes.
@Suite struct JSONLDAppendTests {
    @Test func writingStraightIntoADumpEqualsCopyingTheEncodedNode() {
        let graph = LinkedDataExportTests.graph()
        let export = LinkedDataExport(graph: graph, base: .default)
        let writer = JSONLDWriter(vocabulary: export.vocabulary)
        var nodes: [LinkedNode] = []
        _ = export.model.forEachSchemeNode { nodes.append($0) }
        _ = export.model.forEachCatalogNode { nodes.append($0) }
        // And odd ones: no types, several types, no statements, values needing escapes.
        let v = export.vocabulary
        var odd = LinkedNode(iri: "https://example.org/a&b<c>\u{2028}", types: [v.person, v.organization])
        odd.add(v.name, ["\"quoted\"\n", "é", "", "</script>"])
        nodes.append(odd)
        nodes.append(LinkedNode(iri: "", types: []))
        #expect(nodes.count > 10)
        for first in [true, false] {
            let straight = ByteSink(), copied = ByteSink(), encoded = ByteSink()
            for (i, node) in nodes.enumerated() {
                writer.append(node, to: straight, first: first && i == 0)
                encoded.reset()
                writer.write(node, to: encoded)
                writer.append(encoded, to: copied, first: first && i == 0)
            }
            #expect(straight.text == copied.text)
            #expect(!straight.text.isEmpty)
        }
    }
}
