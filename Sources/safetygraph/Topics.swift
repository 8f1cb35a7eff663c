import ArgumentParser
import SafetyGraphCore
import SafetyGraphExport

struct Topics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the concept tree with entry counts.",
        discussion: """
            Each concept shows how many entries are tagged with it directly and how many with it or \
            anything narrower. A concept with several broader concepts appears under each of them.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("Print only the tree under this concept.", valueName: "concept"))
    var under: String?

    @Flag(help: "Leave out concepts that no entry falls under.")
    var hideEmpty = false

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws { try reportingFailures(execute) }

    private func execute() throws {
        let loaded = try ProjectLoader.load(project)
        var roots = loaded.graph.topics()
        if let under {
            guard let node = roots.lazy.compactMap({ $0.find(ConceptID(under)) }).first else {
                throw Failure(Failure.usage, "error: there is no concept '\(under)'")
            }
            roots = [node]
        }
        if hideEmpty { roots = roots.compactMap { $0.pruningEmpty() } }
        switch format {
        case .json: printOut(try JSONOutput.encode(TopicsReport(topics: roots)))
        case .text: printOut(TextReport.topics(roots))
        }
    }
}
