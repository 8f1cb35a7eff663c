import Foundation
import SafetyGraphCore
import SafetyGraphMarkdown

/// Everything a subcommand works on: the ontology, the tagged graph, and every warning met on the way.
struct Project: Sendable {
    var ontology: Ontology
    var graph: KnowledgeGraph
    /// Warnings from loading the ontology, reading the lists, merging and tagging; sorted.
    var diagnostics: [Diagnostic]
}

/// Runs the pipeline stages in order (load → ingest → merge → tag → link), mapping each stage's
/// errors to the CLI's exit codes. Glue only: each stage lives in its library.
enum ProjectLoader {
    static func load(_ options: ProjectOptions) throws -> Project {
        try checkDistinct(options.listPaths)
        // The lists are read and decoded while the ontology loads (reading needs none of its rules), all at once.
        let paths = options.listPaths
        let reading = Background {
            concurrentMap(paths.count) { index in
                Result { () throws(IngestError) -> MarkdownIngester.Source in
                    try MarkdownIngester.read(fileAt: paths[index])
                }
            }
        }
        let (ontology, ontologyWarnings) = try loadOntology(options.ontology)
        var diagnostics = ontologyWarnings
        // The tagger (its label automaton takes a while to build) is made beside the reading and parsing: their
        // first moments leave a core free (the first part of a large list is parsed alone).
        let taggerBuild = Background { Tagger(ontology: ontology) }

        // Then parsed and read at once (cmark-gfm's parse itself is serialised by its lock), and taken in the order
        // given: the first list that cannot be read is the one reported, whatever the timing.
        let ingester = MarkdownIngester(rules: ontology.ingest)
        let sources = try reading.wait().get()
        let results = concurrentMap(paths.count) { index in sources[index].map { ingester.ingest($0) } }
        var lists: [[Entry]] = []
        for result in results {
            switch result {
            case .success(let ingested):
                lists.append(ingested.entries)
                diagnostics += ingested.diagnostics
            case .failure(let error):
                throw Failure(error.exitCode, error.description)
            }
        }
        // Each list comes merged from its ingester; one list alone needs no second pass (merging is idempotent).
        // A single list is taken out of `lists`, so that the tagger holds the only reference and moves its
        // entries instead of copying them.
        // Several lists are given up to the merge, which moves their entries instead of copying them.
        let (entries, mergeDiagnostics) = lists.count == 1 ? (lists.removeLast(), []) : EntryMerger.merge(consume lists)
        diagnostics += mergeDiagnostics

        let tagger = try taggerBuild.wait().get()
        let tagged = tagger.tag(consume entries)
        diagnostics += tagged.diagnostics

        let graph = KnowledgeGraph(scheme: ontology.scheme, entries: tagged.entries)
        diagnostics.sort()  // in place: `sorted()` copied every warning first (15,000 of them at 100,000 entries)
        return Project(ontology: ontology, graph: graph, diagnostics: diagnostics)
    }

    /// Refuses a list named twice (also as `./a.md` and `a.md`, or through a link): it would be read twice and
    /// every entry in it reported as a duplicate of itself.
    static func checkDistinct(_ paths: [String]) throws {
        var seen: [FileIdentity: String] = [:]
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { continue }  // missing files are reported by the ingester
            let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            if let earlier = seen[identity] {
                throw Failure(
                    Failure.usage,
                    "error: --list '\(path)' is the same file as --list '\(earlier)'; give each list once")
            }
            seen[identity] = path
        }
    }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    static func loadOntology(_ folder: String) throws -> (Ontology, [Diagnostic]) {
        do {
            return try OntologyLoader.load(folder: folder)
        } catch {
            throw Failure(error.exitCode, error.diagnostics.map(\.description))
        }
    }
}
