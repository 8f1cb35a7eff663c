import ArgumentParser
import Foundation
import SafetyGraphCore
import SafetyGraphExport
import SafetyGraphGraphviz

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read the lists, tag every entry, link the graph, and write the output folder.",
        discussion: """
            Writes <output>/catalog.json: every entry with its fields, its tags and why each was given, \
            and its related entries (format in the README). The output is built in a staging folder beside \
            <output> and swapped in only when everything succeeded, so a failed build leaves the previous \
            output as it was. An existing <output> that is not empty must hold a catalog.json from an \
            earlier build, so that a mistyped --output never replaces an unrelated folder.

            Also draws, in-process with Graphviz (skip with --no-graphs): graph/topic-map.dot, .svg and .png \
            (the topic map; topics without entries left out), graph/topics/<id>.svg (each concept's \
            neighbourhood) and graph/knowledge-graph.dot (every entry and concept with every edge; its SVG only \
            when it has at most \(KnowledgeGraphDOT.readableNodeLimit) nodes, since a bigger drawing is \
            unreadable; leave it out with --no-full-graph). Links in them point to site/topics/<id>.html. See \
            `safetygraph help render`.

            Also writes the graph as linked data: <output>/jsonld/ (context, SKOS scheme, schema.org \
            catalogue, both together) and <output>/rdf/graph.nt and graph.ttl (the same triples), every IRI \
            under --base-iri (default \(LinkedDataBase.placeholder), a placeholder to replace).

            And the static site: site/index.html (with the topic map), site/topics/<id>.html, \
            site/kinds/<kind>.html, site/a-z.html, site/coverage.html, site/search.html and site/assets/, from \
            Mustache templates (replace any of them with --templates DIR; `safetygraph templates DIR` writes \
            the shipped ones to start from). Each page embeds its JSON-LD with the same IRIs as jsonld/.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The folder to write.", valueName: "dir"))
    var output: String = "Output"

    @Option(help: ArgumentHelp("How many related entries to record per entry (0–100).", valueName: "k"))
    var related: Int = 5

    @Option(help: ArgumentHelp("The Graphviz layout engine for the drawings: dot, neato, fdp, sfdp or circo.", valueName: "engine"))
    var engine: LayoutEngine = .dot

    @Flag(help: "Write no Graphviz files (graph/).")
    var noGraphs = false

    @Flag(
        help: """
            Write no graph/knowledge-graph.dot (nor its SVG), only the topic map and the topics' drawings: for \
            very large catalogues, where that file is about as big as the N-Triples and too big to lay out.
            """)
    var noFullGraph = false

    @Flag(help: "Write no site (site/): for very large catalogues, where a page per topic lists thousands of entries.")
    var noSite = false

    @Flag(name: .shortAndLong, help: "Print no warnings, only errors and the summary.")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            "A folder of site templates and assets replacing the shipped ones by name (see `safetygraph templates`).",
            valueName: "dir"))
    var templates: String?

    @Option(
        name: .customLong("base-iri"),
        help: ArgumentHelp(
            "The absolute http(s) IRI, ending with / or #, that every linked-data IRI is built under.",
            valueName: "iri"))
    var baseIRI: String = LinkedDataBase.placeholder

    @Flag(help: "Print how long each stage took to stderr.")
    var timings = false

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a folder name.") }
        let last = output.split(separator: "/").last.map(String.init) ?? ""
        if last.isEmpty || last == "." || last == ".." {
            throw ValidationError("--output must name a folder, not '/', '.' or '..' (it is replaced whole).")
        }
        if !(0...100).contains(related) { throw ValidationError("--related must be between 0 and 100.") }
        do { _ = try LinkedDataBase(baseIRI) } catch { throw ValidationError("--base-iri: \(error)") }
    }

    func run() throws { try reportingFailures(execute) }

    private func execute() throws {
        var clock = Stopwatch(enabled: timings)
        let base: LinkedDataBase
        do { base = try LinkedDataBase(baseIRI) } catch { throw Failure(Failure.usage, "error: --base-iri: \(error)") }
        let loaded = try ProjectLoader.load(project)
        Self.keepUntilExit(loaded)
        if !quiet { printError(loaded.diagnostics.map(\.description)) }
        clock.lap("load, ingest, merge, tag, link")
        // Templates the user gave are still checked under --no-site, as before (a broken folder is reported, with
        // its exit code, whatever the flags). The shipped ones cannot fail (their tests parse them) and give no
        // warnings, so --no-site alone no longer parses them: 60 M instructions of Mustache for nothing.
        let siteTemplates = noSite && templates == nil ? nil : try SiteBuild.templates(templates, quiet: quiet)
        var warnings = loaded.diagnostics
        do {
            let staging = try OutputStaging(destination: output)
            // The linked data needs no related entries: it starts now, on a thread of its own, beside their search
            // and then beside catalog.json and the drawings, which need them and run at once. On two cores the
            // longest of these (the linked data) no longer waits for the search. Results and failures are looked at
            // afterwards in a fixed order, so what is reported never depends on timing.
            let linkedData = Background { [base, timings] () throws -> StageOutcome in
                let start = DispatchTime.now().uptimeNanoseconds
                let linked = try LinkedDataExport(graph: loaded.graph, base: base).write(into: staging, measuring: timings)
                return StageOutcome(
                    seconds: Self.seconds(since: start),
                    lines: ["linked data (jsonld/, rdf/; \(linked.tripleCount) triples)"],
                    parts: linked.seconds.map { ("linked data: \($0)", $1) }, diagnostics: linked.diagnostics)
            }
            let relatedStart = DispatchTime.now().uptimeNanoseconds
            let document = CatalogueDocument(graph: loaded.graph, relatedLimit: related)
            Self.keepUntilExit(document)
            clock.record("related entries (for catalog.json and graph/)", Self.seconds(since: relatedStart))
            let drawn = Self.runConcurrently([
                { () throws -> StageOutcome in
                    let start = DispatchTime.now().uptimeNanoseconds
                    let catalogue = try staging.openStream("catalog.json")
                    document.write(to: catalogue)
                    try catalogue.close()
                    return StageOutcome(seconds: Self.seconds(since: start), lines: ["catalog.json"])
                },
                { [noGraphs, noFullGraph, engine, related] () throws -> StageOutcome in
                    guard !noGraphs else { return StageOutcome(seconds: 0, lines: []) }
                    let start = DispatchTime.now().uptimeNanoseconds
                    let graphs: GraphFiles
                    do {
                        graphs = try GraphFiles.render(
                            graph: loaded.graph, engine: engine, relatedLimit: related,
                            wholeGraph: noFullGraph ? .none : .drawingOnly)
                    } catch let error as GraphvizError {
                        throw Failure(Failure.unavailable, error.description)
                    }
                    for file in graphs.files { try staging.write(file.data, to: file.path) }
                    if !noFullGraph {
                        let whole = try staging.openStream(GraphFiles.wholeGraphPath)
                        GraphFiles.writeWholeGraphDOT(of: loaded.graph, relatedLimit: related) { whole.append($0) }
                        try whole.close()
                    }
                    return StageOutcome(
                        seconds: Self.seconds(since: start), lines: ["graph/"],
                        warnings: graphs.warnings.map { "warning: graphviz: \($0)" })
                },
            ])
            let outcomes = [drawn[0], linkedData.wait(), drawn[1]]
            for outcome in outcomes {
                switch outcome {
                case .failure(let error):
                    staging.discard()
                    if let error = error as? OutputError { throw Failure(Failure.cannotCreate, error.description) }
                    throw error
                case .success(let stage):
                    if !quiet { printError(stage.warnings) }
                    warnings += stage.diagnostics
                    for (part, seconds) in stage.parts { clock.record(part, seconds) }
                    for line in stage.lines { clock.record(line, stage.seconds) }
                }
            }
            clock.lap("related entries, catalog.json, linked data and graph/, at once")
            if !noSite, let siteTemplates {  // loaded above whenever the site is built
                let siteInputs = try SiteBuild.inputs(project: loaded, drawings: !noGraphs, engine: engine, base: base)
                _ = try SiteBuild.write(project: loaded, templates: siteTemplates, inputs: siteInputs, to: staging)
                clock.lap("site/")
            }
            try staging.commit()
            clock.lap("commit")
        } catch let error as OutputError {
            throw Failure(Failure.cannotCreate, error.description)
        }
        if !quiet { printError(warnings.dropFirst(loaded.diagnostics.count).map(\.description)) }
        if timings { printError(clock.lines) }
        printOut(
            "built \(loaded.graph.entries.count) entries (\(loaded.graph.tagCount) tags, \(loaded.graph.untaggedCount) untagged, "
                + "\(warnings.count) warnings) into \(output)/")
    }
    /// What one of the concurrent stages reports.
    struct StageOutcome: Sendable {
        var seconds: Double
        var lines: [String]
        var parts: [(String, Double)] = []
        var warnings: [String] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Runs `stages` at once and returns their results in the order given.
    static func runConcurrently(_ stages: [@Sendable () throws -> StageOutcome]) -> [Result<StageOutcome, any Error>] {
        concurrentMap(stages.count) { index in Result { try stages[index]() } }
    }

    /// Keeps `value` (and all it holds) alive until the process exits, on purpose. Freeing a large build's graph
    /// and catalogue piece by piece, once the output was committed, kept one core busy for a third of a second at
    /// 100,000 entries; at exit the kernel takes the whole heap back at once. The values stay reachable from a
    /// global, so a leak checker (the ASan runs of `make test`) does not count them as lost.
    static func keepUntilExit<Value>(_ value: Value) {
        KeptValues.shared.keep(value)
    }

    private final class KeptValues: @unchecked Sendable {
        static let shared = KeptValues()
        private let lock = NSLock()
        private var values: [Any] = []

        func keep(_ value: Any) {
            lock.lock()
            values.append(value)
            lock.unlock()
        }
    }

    static func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}
