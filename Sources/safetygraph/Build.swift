import ArgumentParser
import SafetyGraphCore
import SafetyGraphExport

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read the lists, tag every entry, link the graph, and write the output folder.",
        discussion: """
            Writes <output>/catalog.json: every entry with its fields, its tags and why each was given, \
            and its related entries (format in the README). The output is built in a staging folder beside \
            <output> and swapped in only when everything succeeded, so a failed build leaves the previous \
            output as it was. An existing <output> that is not empty must hold a catalog.json from an \
            earlier build, so that a mistyped --output never replaces an unrelated folder.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("The folder to write.", valueName: "dir"))
    var output: String = "Output"

    @Option(help: ArgumentHelp("How many related entries to record per entry (0–100).", valueName: "k"))
    var related: Int = 5

    @Flag(name: .shortAndLong, help: "Print no warnings, only errors and the summary.")
    var quiet = false

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a folder name.") }
        let last = output.split(separator: "/").last.map(String.init) ?? ""
        if last.isEmpty || last == "." || last == ".." {
            throw ValidationError("--output must name a folder, not '/', '.' or '..' (it is replaced whole).")
        }
        if !(0...100).contains(related) { throw ValidationError("--related must be between 0 and 100.") }
    }

    func run() throws { try reportingFailures(execute) }

    private func execute() throws {
        let loaded = try ProjectLoader.load(project)
        if !quiet { printError(loaded.diagnostics.map(\.description)) }
        let document = CatalogueDocument(graph: loaded.graph, relatedLimit: related)
        do {
            let staging = try OutputStaging(destination: output)
            try staging.write(try JSONOutput.encode(document), to: "catalog.json")
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
