import Foundation
import FuzzSupport
import SafetyGraphCore
import SafetyGraphExport
import SafetyGraphGraphviz
import SafetyGraphMarkdown

// libFuzzer target: the DOT encoder. The first byte picks the source of the graph:
//   even  the rest is a `DOTProgram`: a DOTGraph whose ids, labels, tooltips and URLs are fuzzed text;
//   odd   the rest is a Markdown list: ingested, tagged with the fuzz ontology, and drawn as the topic map,
//         each topic's neighbourhood and the whole-graph DOT (what `safetygraph build` writes to graph/).
// Every graph is encoded, must encode to the same bytes whatever order it was built in, must be read by
// Graphviz without a syntax error, and its SVG must pass the site's SVG sanitiser (well-formed XML).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOT(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let mode = data[0]
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if mode % 2 == 0 {
        let program = DOTProgram(bytes, isDirected: mode % 4 == 0)
        check(program.graph, source: "program")
    } else {
        let ontology = FuzzPipeline.baseOntology
        let result = MarkdownIngester(rules: ontology.ingest).ingest(bytes: bytes, path: "fuzz.md")
        let graph = FuzzPipeline.exercise(tagger: FuzzPipeline.baseTagger, entries: Array(result.entries.prefix(30)))
        check(TopicMap().dot(for: graph), source: "topic-map")
        check(KnowledgeGraphDOT().dot(for: graph), source: "knowledge-graph")
        for concept in ontology.scheme.concepts.prefix(3) {
            if let neighbourhood = TopicNeighbourhood().dot(for: concept.id, in: graph) {
                check(neighbourhood, source: "topics/\(concept.id)")
            }
        }
    }
    return 0
}

/// Encodes `graph` and checks the encoding's promises, then renders it and sanitises the SVG.
private func check(_ graph: DOTGraph, source: String) {
    let dot = graph.encoded()
    let reversed = graph.reversedConstruction.encoded()
    FuzzPipeline.check(
        dot == reversed, "\(source): encoding depends on build order:\n\(dot.prefix(1_000))\n---\n\(reversed.prefix(1_000))")
    FuzzPipeline.check(dot.hasSuffix("}\n"), "\(source): DOT does not end with }\\n")
    FuzzPipeline.check(
        !dot.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(source): a control character in the DOT")

    let svg: String
    do {
        svg = try GraphvizRenderer().render(dot, format: .svg, source: source).text(.svg)
    } catch {
        FuzzPipeline.fail("\(source): Graphviz refused the encoded DOT: \(error)\n\(dot.prefix(2_000))")
    }
    do {
        _ = try SVGSanitizer.sanitize(svg, options: .init(label: "fuzz", idPrefix: "f-"))
    } catch {
        FuzzPipeline.fail("\(source): the SVG is not well-formed: \(error)\n\(dot.prefix(2_000))")
    }
}
