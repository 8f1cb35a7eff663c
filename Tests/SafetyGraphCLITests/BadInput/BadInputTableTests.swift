import Foundation
import Testing

/// The bad-input table as a whole: every case named once, every exit status one the README documents, every
/// failing case saying something. With `SAFETYGRAPH_BAD_INPUT_TABLE=<file>` it also writes the table as Markdown
/// (case, exit status, the first expected fragment) for the notes that list the cases.
@Suite struct BadInputTableTests {
    @Test func casesAreNamedOnceAndExitWithDocumentedStatuses() throws {
        let cases = BadInputCase.all
        #expect(cases.count >= 60)
        var seen = Set<String>()
        for row in cases {
            #expect(seen.insert(row.name).inserted, "two cases are named '\(row.name)'")
            #expect([0, 1, 64, 65, 66, 69, 73].contains(row.status), "\(row.name): exit \(row.status)")
            if row.status != 0 { #expect(!(row.stderr + row.stdout).isEmpty, "\(row.name) expects no message") }
        }
        guard let path = ProcessInfo.processInfo.environment["SAFETYGRAPH_BAD_INPUT_TABLE"] else { return }
        var text = "| case | exit | the message holds |\n|---|---|---|\n"
        for row in cases {
            let fragment = (row.stderr + row.stdout).first.map { "`\($0.replacingOccurrences(of: "|", with: "\\|"))`" } ?? ""
            text += "| \(row.name.replacingOccurrences(of: "|", with: "\\|")) | \(row.status) | \(fragment) |\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
