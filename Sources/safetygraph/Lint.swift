import ArgumentParser
import SafetyGraphCore
import SafetyGraphExport

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List problems in the lists and the ontology; exit 1 when there are any.",
        discussion: """
            Reports items that look like entries but cannot be read, links that are not http(s), the same \
            URL more than once, entries no rule tags, overrides naming no entry, and ontology warnings. \
            Ontology errors stop every subcommand (exit 65), lint included. Each finding names its code: \
            pass --ignore CODE to leave a kind out.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("A finding code to leave out (repeatable).", valueName: "code"))
    var ignore: [String] = []

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws { try reportingFailures(execute) }

    private func execute() throws {
        let loaded = try ProjectLoader.load(project)
        let ignored = Set(ignore)
        let findings = Linter.findings(graph: loaded.graph, diagnostics: loaded.diagnostics)
            .filter { !ignored.contains($0.code) }
        switch format {
        case .json: printOut(try JSONOutput.encode(LintReport(findings: findings)))
        case .text:
            printOut(findings.isEmpty ? "no findings" : findings.map { "\($0) [\($0.code)]" }.joined(separator: "\n"))
        }
        if !findings.isEmpty { throw Failure(Failure.lintFindings, "\(findings.count) findings") }
    }
}
