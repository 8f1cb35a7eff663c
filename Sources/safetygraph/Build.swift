import ArgumentParser
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
            unreadable). Links in them point to site/topics/<id>.html. See `safetygraph help render`.
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

    @Flag(name: .shortAndLong, help: "Print no warnings, only errors and the summary.")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            "A folder of site templates and assets replacing the shipped ones by name (see `safetygraph templates`).",
            valueName: "dir"))
    var templates: String?

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a folder name.") }
        if !(0...100).contains(related) { throw ValidationError("--related must be between 0 and 100.") }
    }

    func run() throws { try reportingFailures(execute) }

    private func execute() throws {
        let loaded = try ProjectLoader.load(project)
        if !quiet { printError(loaded.diagnostics.map(\.description)) }
        let document = CatalogueDocument(graph: loaded.graph, relatedLimit: related)
        let siteTemplates = try SiteBuild.templates(templates, quiet: quiet)
        do {
            let staging = try OutputStaging(destination: output)
            try staging.write(try JSONOutput.encode(document), to: "catalog.json")
            if !noGraphs {
                let graphs: GraphFiles
                do {
                    graphs = try GraphFiles.render(graph: loaded.graph, engine: engine, relatedLimit: related)
                } catch {
                    staging.discard()
                    throw Failure(Failure.unavailable, error.description)
                }
                if !quiet { printError(graphs.warnings.map { "warning: graphviz: \($0)" }) }
                for file in graphs.files { try staging.write(file.data, to: file.path) }
            }
            let siteInputs = try SiteBuild.inputs(project: loaded, drawings: !noGraphs, engine: engine)
            _ = try SiteBuild.write(project: loaded, templates: siteTemplates, inputs: siteInputs, to: staging)
            try staging.commit()
        } catch let error as OutputError {
            throw Failure(Failure.cannotCreate, error.description)
        }
        let untagged = loaded.graph.entries.filter { $0.tags.isEmpty }.count
        let tags = loaded.graph.entries.reduce(0) { $0 + $1.tags.count }
        printOut(
            "built \(loaded.graph.entries.count) entries (\(tags) tags, \(untagged) untagged, "
                + "\(loaded.diagnostics.count) warnings) into \(output)/")
    }
}
