import Foundation
@_spi(Fuzzing) import SafetyGraphCore

/// Runs what follows ingest and loading — tag, link, query, lint — and checks properties that must hold for any
/// input. A broken property traps, which libFuzzer records as a crash with the input that caused it.
public enum FuzzPipeline {
    /// Tags `entries` with `ontology`, builds the graph and walks every query the CLI offers.
    public static func exercise(ontology: Ontology, entries: [Entry]) -> KnowledgeGraph {
        exercise(tagger: Tagger(ontology: ontology), entries: entries)
    }

    /// Tags `entries` with `tagger`, builds the graph and walks every query the CLI offers.
    public static func exercise(tagger: Tagger, entries: [Entry]) -> KnowledgeGraph {
        let ontology = tagger.ontology
        let tagged = tagger.tag(entries)
        check(tagged.entries.count == entries.count, "tagging lost or added entries")
        // One entry at a time gives what the batch gave (the batch runs in parallel, sorted by id).
        for (one, batch) in zip(entries.sorted { $0.id < $1.id }, tagged.entries) {
            check(tagger.tag(one) == batch, "tag(entry) differs from tag(entries) for \(one.url)")
        }

        let graph = KnowledgeGraph(scheme: ontology.scheme, entries: tagged.entries)
        let ids = Set(ontology.scheme.concepts.map(\.id))
        for entry in graph.entries {
            for tag in entry.tags { check(ids.contains(tag.concept), "tag \(tag.concept) is not a concept") }
            let related = graph.related(to: entry.id, limit: 5)
            check(related.count <= 5, "related(limit: 5) gave \(related.count)")
            check(!related.contains { $0.entry == entry.id }, "an entry is related to itself")
        }
        _ = graph.allRelated(limit: 3)
        _ = graph.edges(relatedLimit: 3)
        _ = graph.topics()
        _ = graph.conceptCounts
        for concept in ontology.scheme.concepts.prefix(8) {
            let direct = graph.count(of: concept.id, includeNarrower: false)
            let closure = graph.count(of: concept.id, includeNarrower: true)
            check(direct <= closure, "count of \(concept.id) without narrower exceeds the closure")
            if let matched = try? graph.entries(matching: TagQuery(all: [concept.id])) {
                check(matched.count == closure, "query and count disagree for \(concept.id)")
            }
        }
        _ = Linter.findings(graph: graph, diagnostics: tagged.diagnostics)
        return graph
    }

    /// Traps with `message` when `condition` is false. The harness's own check, never used on library paths.
    public static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fail(message()) }
    }

    /// Stops the run with `message`; libFuzzer saves the input as a crash.
    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("fuzz property broken: \(message)\n".utf8))
        abort()
    }

    /// The fuzz ontology (`FuzzOntologyBase`), loaded once.
    public static let baseOntology: Ontology = {
        do {
            return try OntologyLoader.load(files: FuzzOntologyBase.files).ontology
        } catch {
            fail("the fuzz ontology does not load: \(error)")
        }
    }()

    /// A tagger for `baseOntology`, built once.
    public static let baseTagger = Tagger(ontology: baseOntology)
}
