import Foundation
import SafetyGraphCore

/// Small hand-built graphs for the Graphviz tests.
enum Fixtures {
    /// Strings that try to break out of DOT, SVG or the label engine.
    static let hostileLabels: [String] = [
        #""]; node [shape=box"#,
        "<script>alert(1)</script>",
        "unbalanced { brace",
        "} closing first {",
        #"back\slash and \N and \G and trailing\"#,
        "two\nlines",
        "crlf\r\nline",
        "rtl \u{200F}مرحبا\u{200F} mark",
        "emoji 🛡️🤖 and ZWJ 👩‍🔬",
        "ampersand &amp; entity &lt;b&gt; & AT&T",
        #"quote " in the middle"#,
        "<b>html-like</b> <TABLE>",
        "tab\there",
    ]

    static func concept(_ id: String, _ label: String, broader: [String] = [], related: [String] = []) -> Concept {
        Concept(
            id: ConceptID(id), prefLabel: label, definition: "Definition of \(label).",
            broader: broader.map { ConceptID($0) }, related: related.map { ConceptID($0) })
    }

    static func entry(_ id: String, _ title: String, url: String, year: Int? = nil, tags: [String]) -> TaggedEntry {
        TaggedEntry(
            entry: Entry(id: EntryID(id), title: title, url: url, year: year),
            tags: tags.map { Tag(concept: ConceptID($0), provenance: [TagProvenance(rule: .override, term: url)]) })
    }

    /// Two facets, a poly-hierarchy concept, related concepts within and across facets, an empty concept, and
    /// entries with web and non-web URLs.
    static func graph() -> KnowledgeGraph {
        let concepts = [
            concept("robustness", "Robustness"),
            concept("adversarial", "Adversarial robustness", broader: ["robustness"], related: ["attacks", "testing"]),
            concept("attacks", "Adversarial attacks", broader: ["adversarial"], related: ["adversarial"]),
            concept("empty-topic", "Nobody tagged this", broader: ["robustness"]),
            concept("assurance", "Verification & validation"),
            concept("testing", "AI testing", broader: ["assurance"], related: ["adversarial"]),
            concept("fuzzing", "Fuzzing of networks", broader: ["testing", "adversarial"]),
        ]
        let scheme = ConceptScheme(id: "s", title: "Test scheme", definition: "A scheme.", concepts: concepts)
        let entries = [
            entry("e-1", "Breaking neural networks", url: "https://example.org/a?x=1&y=2", year: 2021, tags: ["attacks"]),
            entry("e-2", "Testing deep learning", url: "http://example.org/testing", year: 2019, tags: ["testing"]),
            entry("e-3", "Fuzzing DNNs", url: "javascript:alert(1)", year: 2023, tags: ["fuzzing"]),
            entry("e-4", "Robustness survey", url: "https://example.org/survey", tags: ["robustness"]),
            entry("e-5", "Adversarial examples", url: "https://example.org/adv", year: 2015, tags: ["adversarial"]),
        ]
        return KnowledgeGraph(scheme: scheme, entries: entries)
    }

    /// A scheme whose concepts carry the hostile labels (and definitions), each with one entry.
    static func hostileGraph() -> KnowledgeGraph {
        var concepts = [concept("root", "Root")]
        var entries: [TaggedEntry] = []
        for (index, label) in hostileLabels.enumerated() {
            let id = "hostile-\(index)"
            concepts.append(
                Concept(id: ConceptID(id), prefLabel: label, definition: "Tooltip: " + label, broader: ["root"]))
            entries.append(entry("entry-\(index)", label, url: "https://example.org/\(index)?q=\"<x>\"", tags: [id]))
        }
        let scheme = ConceptScheme(id: "h", title: "Hostile <scheme> & \"title\"", definition: "x", concepts: concepts)
        return KnowledgeGraph(scheme: scheme, entries: entries)
    }

    /// The package root (where Package.swift is).
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()
}
