import Foundation
import SafetyGraphCore
@testable import SafetyGraphExport

/// A small graph with a poly-hierarchy, an untagged entry and hostile text, and a site generated from it.
enum SiteFixture {
    static func graph() -> KnowledgeGraph {
        let scheme = ConceptScheme(
            id: "s", title: "Test <Scheme>", definition: "A scheme for \"tests\".",
            concepts: [
                Concept(id: "robustness", prefLabel: "Robustness", definition: "Keeps working."),
                Concept(
                    id: "adversarial-robustness", prefLabel: "Adversarial robustness", altLabels: ["adversarial ML"],
                    definition: "Against attacks.", broader: ["robustness"], related: ["security"],
                    closeMatch: ["https://www.wikidata.org/wiki/Q1"]),
                Concept(id: "security", prefLabel: "Security", definition: "Protection.", related: ["adversarial-robustness"]),
                Concept(
                    id: "attacks", prefLabel: "Attacks", definition: "Ways in.",
                    broader: ["adversarial-robustness", "security"]),
                Concept(id: "empty-topic", prefLabel: "Empty topic", definition: "Nothing here.", broader: ["security"]),
            ])
        func tag(_ concept: ConceptID, _ term: String) -> Tag {
            Tag(concept: concept, provenance: [TagProvenance(rule: .label, term: term, field: .title)])
        }
        let entries = [
            TaggedEntry(
                entry: Entry(
                    id: "e-own", title: "Own robustness entry", url: "https://example.org/own", authors: ["Ada", "Bob"],
                    year: 2021, description: "Described.", sectionPaths: [["Papers"]], kind: .article,
                    sources: [SourceLocation(file: "list.md", line: 3)]),
                tags: [tag("robustness", "robust")]),
            TaggedEntry(
                entry: Entry(
                    id: "e-adv", title: "Adversarial entry", url: "https://example.org/adv", year: 2024, kind: .tool),
                tags: [tag("adversarial-robustness", "adversarial")]),
            TaggedEntry(
                entry: Entry(
                    id: "e-attack", title: "<script>alert(1)</script> \"attack\" 'tool'",
                    url: "https://example.org/q?a=\"b\"", organization: "Org & Co", kind: .tool),
                tags: [tag("attacks", "attack")]),
            TaggedEntry(
                entry: Entry(id: "e-none", title: "Zebra untagged", url: "https://example.org/none", kind: "weird kind"),
                tags: []),
            TaggedEntry(
                entry: Entry(id: "e-bad", title: "Bad link", url: "javascript:alert(2)", kind: .article),
                tags: [tag("security", "secure")]),
        ]
        return KnowledgeGraph(scheme: scheme, entries: entries)
    }

    static let mapSVG = """
        <svg viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\
        <g><a xlink:href="topics/robustness.html" xlink:title="Robustness"><text>R</text></a></g></svg>
        """

    static func inputs(_ graph: KnowledgeGraph) -> SiteInputs {
        SiteInputs(
            linkedData: LinkedDataPages(graph: graph, base: .default), topicMapSVG: mapSVG,
            neighbourhoodSVGs: ["robustness": mapSVG.replacingOccurrences(of: "topics/", with: "")],
            findings: Linter.findings(graph: graph, diagnostics: []),
            downloads: [SiteDownload(label: "catalog.json", path: "../catalog.json")])
    }

    static func site(templates: SiteTemplates? = nil) throws -> [String: String] {
        let graph = graph()
        let files = try SiteGenerator(graph: graph, inputs: inputs(graph), templates: templates ?? .shipped()).generate()
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }
}

extension String {
    /// How often `needle` occurs.
    func occurrences(of needle: String) -> Int { components(separatedBy: needle).count - 1 }

    /// The offset of the first `needle`, or nil.
    func offset(of needle: String) -> Int? {
        range(of: needle).map { distance(from: startIndex, to: $0.lowerBound) }
    }
}
