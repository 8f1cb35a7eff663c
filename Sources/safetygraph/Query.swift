import ArgumentParser
import SafetyGraphCore
import SafetyGraphExport

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the entries tagged with given concepts.",
        discussion: """
            Concepts are given by id (see `safetygraph topics`). By default a concept also matches \
            everything narrower: `query robustness` lists entries tagged adversarial-robustness too.

              safetygraph query robustness aviation          both (AND)
              safetygraph query --any fairness --any privacy  either (OR)
              safetygraph query generative-ai --not llm-security
            """
    )

    @OptionGroup var project: ProjectOptions

    @Argument(help: ArgumentHelp("Concepts every entry must have (the same as --all).", valueName: "concept"))
    var concepts: [String] = []

    @Option(name: .customLong("all"), help: ArgumentHelp("A concept every entry must have.", valueName: "concept"))
    var all: [String] = []

    @Option(name: .customLong("any"), help: ArgumentHelp("Entries must have at least one of these.", valueName: "concept"))
    var any: [String] = []

    @Option(name: .customLong("not"), help: ArgumentHelp("Leave out entries with this concept.", valueName: "concept"))
    var not: [String] = []

    @Flag(
        name: .customLong("narrower"), inversion: .prefixedNo,
        help: "Whether a concept also matches entries tagged with narrower concepts.")
    var narrower = true

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Print at most this many entries.", valueName: "n"))
    var limit: Int?

    func validate() throws {
        if concepts.isEmpty && all.isEmpty && any.isEmpty {
            throw ValidationError("Name at least one concept to match (an argument, --all or --any).")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1.") }
        // Contradictions that can only ever match nothing are mistakes, not queries.
        let excluded = Set(not)
        if let both = (concepts + all).first(where: excluded.contains) {
            throw ValidationError("'\(both)' is both required and excluded (--not); no entry can match.")
        }
        if !any.isEmpty, any.allSatisfy(excluded.contains) {
            throw ValidationError("every --any concept is also excluded with --not; no entry can match.")
        }
    }

    func run() throws { try reportingFailures(execute) }

    private func execute() throws {
        let loaded = try ProjectLoader.load(project)
        let query = TagQuery(
            all: (concepts + all).map { ConceptID($0) }, any: any.map { ConceptID($0) },
            not: not.map { ConceptID($0) }, includeNarrower: narrower)
        let matches: [TaggedEntry]
        do {
            matches = try loaded.graph.entries(matching: query)
        } catch {
            throw Failure(Failure.usage, "error: \(error)")
        }
        let shown = limit.map { Array(matches.prefix($0)) } ?? matches
        switch format {
        case .json:
            printOut(try JSONOutput.encode(QueryReport(query: query, total: matches.count, entries: shown)))
        case .text:
            printOut(TextReport.entries(shown, total: matches.count, scheme: loaded.ontology.scheme))
        }
    }
}
