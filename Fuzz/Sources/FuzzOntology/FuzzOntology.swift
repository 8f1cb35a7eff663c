import Foundation
import FuzzSupport
@_spi(Fuzzing) import SafetyGraphCore

// libFuzzer target: arbitrary bytes as one file of an ontology folder held in memory. The first byte picks the
// file the rest replaces (or adds) in the small fuzz ontology; the folder is loaded with the same checks as a
// folder on disk. When it loads, its labels and rules tag a few fixed entries, and the graph is walked.

/// The file the input's first byte selects, relative to the ontology folder.
private let targets = [
    "scheme.yaml", "concepts/base.yaml", "concepts/zz-fuzz.yaml", "rules.yaml", "overrides.yaml",
]

/// Entries whose text holds the fuzz ontology's labels, rules and override URL, and some awkward text.
private let entries: [Entry] = [
    entry("https://example.org/paper", "Adversarial examples and XAI for avionics", sections: [["Papers"]]),
    entry("https://example.org/tool", "A robust statistics toolbox", sections: [["Tools", "Attacks"]]),
    entry("https://example.org/std", "ED-324 guidance", sections: [["Standards", "Aviation"]], org: "EUROCAE"),
    entry("https://example.org/llm", "LLMs, red teaming & interpretabilite", sections: [["About"]]),
    entry("https://example.org/empty", "\u{0301}\u{200D}\u{FEFF} ﬁ Ｌａｂｅｌ 𝐀𝐈 ", sections: [[]]),
]

private func entry(_ url: String, _ title: String, sections: [[String]], org: String? = nil) -> Entry {
    Entry(
        id: URLNormalizer.entryID(forNormalized: URLNormalizer.normalize(url) ?? url), title: title, url: url, organization: org, description: title + " — described", keywords: [title],
        sectionPaths: sections, kind: "article",
        sources: [SourceLocation(file: "fuzz.md", line: 1, column: 1)])
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOntology(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let target = targets[Int(data[0]) % targets.count]
    var files = FuzzOntologyBase.files
    files[target] = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))

    let loaded: (ontology: Ontology, warnings: [Diagnostic])
    do {
        loaded = try OntologyLoader.load(files: files)
    } catch {
        FuzzPipeline.check(!error.diagnostics.isEmpty, "a failed load without a diagnostic")
        for diagnostic in error.diagnostics {
            FuzzPipeline.check(
                !diagnostic.description.isEmpty && diagnostic.description.utf8.count < 100_000,
                "an empty or runaway diagnostic")
        }
        return 0
    }
    let graph = FuzzPipeline.exercise(ontology: loaded.ontology, entries: entries)
    FuzzPipeline.check(graph.entries.count == entries.count, "the graph lost entries")
    for concept in loaded.ontology.scheme.concepts {
        FuzzPipeline.check(!concept.definition.isEmpty, "concept \(concept.id) loaded without a definition")
        for broader in concept.broader {
            FuzzPipeline.check(loaded.ontology.scheme[broader] != nil, "dangling broader \(broader)")
        }
    }
    return 0
}
