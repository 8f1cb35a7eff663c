import ArgumentParser
import SafetyGraphCore
import SafetyGraphExport

struct Related: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the entries most related to one entry, with the shared concepts as the reason.",
        discussion: """
            ENTRY is an entry id (as in catalog.json or `query` output) or its URL. Entries are related by \
            the concepts they share; rarer concepts weigh more than common ones.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: ArgumentHelp("An entry id or URL.", valueName: "entry"))
    var entry: String

    @Option(help: ArgumentHelp("How many related entries to print.", valueName: "n"))
    var limit: Int = 10

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if entry.trimmingWhitespace().isEmpty { throw ValidationError("Give an entry id or URL.") }
        if !(1...1000).contains(limit) { throw ValidationError("--limit must be between 1 and 1000.") }
    }

    func run() throws { try reportingFailures(execute) }

    private func execute() throws {
        let loaded = try ProjectLoader.load(project)
        let key = entry.trimmingWhitespace()
        guard let subject = loaded.graph.entry(EntryID(key)) ?? loaded.graph.entry(url: key) else {
            throw Failure(Failure.usage, "error: no entry has the id or URL '\(key)' (ids are listed by `safetygraph query`)")
        }
        let related = loaded.graph.related(to: subject.id, limit: limit)
        switch format {
        case .json:
            printOut(try JSONOutput.encode(RelatedReport(subject: subject, related: related, graph: loaded.graph)))
        case .text:
            printOut(TextReport.related(subject: subject, related: related, graph: loaded.graph))
        }
    }
}
