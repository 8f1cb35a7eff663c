import Foundation
import Testing

// MARK: - Command line

/// Decisions: a malformed or contradictory command is a usage error (64) before any input is read; an output that
/// cannot be written is 73 and leaves whatever was there untouched. Tests run as root, so a read-only folder would
/// not stop them: unwritable outputs are exercised with a path under a file and with `/proc`, which refuses
/// everyone.
extension BadInputCase {
    static let aBuild: [(String, File)] = [("list.md", list("* [Formal verification](https://example.org/ok)"))]

    static func outputCase(
        _ name: String, _ output: String, files: [(String, File)] = [], status: Int32 = 73, stderr: [String],
        absolutePathsGiven: Bool = false, check: (@Sendable (BadInputRun) throws -> Void)? = nil
    ) -> BadInputCase {
        BadInputCase(
            "cli: " + name, files: aBuild + files,
            ["build", "--ontology", "ont", "--list", "list.md", "--quiet", "--output", output], status: status,
            stderr: stderr, absolutePathsGiven: absolutePathsGiven, check: check)
    }

    static let commandLine: [BadInputCase] = [
        outputCase(
            "the output is a file", "plain", files: [("plain", .text("keep"))],
            stderr: ["plain: error: the output path exists and is not a folder"],
            check: { (run) throws in #expect(try run.data("plain") == Data("keep".utf8)) }),
        outputCase(
            "the output is under a file", "list.md/out",
            stderr: ["list.md: error: is a file, so the output folder cannot be created under it"]),
        outputCase(
            "the output is deep under a file", "list.md/a/b/out",
            stderr: ["list.md: error: is a file, so the output folder cannot be created under it"]),
        outputCase(
            "the output is in /proc, which nobody can write", "/proc/self/out",
            stderr: ["/proc/self/.out.partial-", "error: cannot create the staging folder beside the output"],
            absolutePathsGiven: true),
        outputCase(
            "the output is a device", "/dev/null", stderr: ["/dev/null: error: the output path exists and is not a folder"],
            absolutePathsGiven: true),
        outputCase(
            "the output is a folder of other things", "mine", files: [("mine/notes.txt", .text("keep me"))],
            stderr: ["mine: error: refusing to replace this folder: it is not empty and holds no 'catalog.json'"],
            check: { (run) throws in #expect(try run.data("mine/notes.txt") == Data("keep me".utf8)) }),
        outputCase(
            "the output is the ontology folder", "ont", stderr: ["ont: error: refusing to replace this folder"],
            check: { (run) throws in #expect(FileManager.default.fileExists(atPath: run.folder.appendingPathComponent("ont/scheme.yaml").path)) }),
        outputCase("the output is '.'", ".", status: 64, stderr: ["Error: --output must name a folder, not '/', '.' or '..'"]),
        outputCase("the output is '..'", "sub/..", status: 64, stderr: ["Error: --output must name a folder"]),
        outputCase("the output is '/'", "/", status: 64, stderr: ["Error: --output must name a folder"]),
        outputCase("the output is empty", "", status: 64, stderr: ["Error: --output needs a folder name."]),
        outputCase(
            "an output with a trailing slash is fine", "fresh/", status: 0, stderr: [],
            check: { (run) throws in #expect(try run.entries("fresh").count == 1) }),
        BadInputCase(
            "cli: --list with an empty name", files: aBuild, ["build", "--ontology", "ont", "--list", ""], status: 64,
            stderr: ["Error: --list needs a file name."]),
        BadInputCase(
            "cli: --ontology with an empty name", files: aBuild, ["topics", "--ontology", "", "--list", "list.md"],
            status: 64, stderr: ["Error: --ontology needs a folder name."]),
        BadInputCase(
            "cli: --related out of range", files: aBuild, build("list.md") + ["--related", "101"], status: 64,
            stderr: ["Error: --related must be between 0 and 100."]),
        BadInputCase(
            "cli: --related is not a number", files: aBuild, build("list.md") + ["--related", "many"], status: 64,
            stderr: ["--related"]),
        BadInputCase(
            "cli: a concept both required and excluded", files: aBuild,
            ["query", "testing", "--not", "testing", "--ontology", "ont", "--list", "list.md"], status: 64,
            stderr: ["Error: 'testing' is both required and excluded (--not); no entry can match."]),
        BadInputCase(
            "cli: every --any concept excluded", files: aBuild,
            ["query", "--any", "testing", "--not", "testing", "--ontology", "ont", "--list", "list.md"], status: 64,
            stderr: ["Error: every --any concept is also excluded with --not"]),
        BadInputCase(
            "cli: query names no concept", files: aBuild, ["query", "--ontology", "ont", "--list", "list.md"],
            status: 64, stderr: ["Error: Name at least one concept"]),
        BadInputCase(
            "cli: query of an unknown concept suggests one", files: aBuild,
            ["query", "testin", "--ontology", "ont", "--list", "list.md"], status: 64, stderr: ["testing"]),
        BadInputCase(
            "cli: topics under an unknown concept", files: aBuild,
            ["topics", "--under", "nope", "--ontology", "ont", "--list", "list.md"], status: 64,
            stderr: ["error: there is no concept 'nope'"]),
        BadInputCase(
            "cli: related to an unknown entry", files: aBuild,
            ["related", "https://nowhere.example/", "--ontology", "ont", "--list", "list.md"], status: 64,
            stderr: ["error: no entry has the id or URL 'https://nowhere.example/'"]),
        BadInputCase(
            "cli: related --limit 0", files: aBuild,
            ["related", "https://example.org/ok", "--limit", "0", "--ontology", "ont", "--list", "list.md"], status: 64,
            stderr: ["Error: --limit must be between 1 and 1000."]),
        BadInputCase("cli: an unknown subcommand", ["frobnicate"], status: 64, stderr: ["Error:"]),
        BadInputCase("cli: an unknown option", files: aBuild, build("list.md") + ["--colour"], status: 64, stderr: ["Error: Unknown option '--colour'"]),
        BadInputCase(
            "cli: an unknown --format", files: aBuild, ["topics", "--format", "xml", "--ontology", "ont", "--list", "list.md"],
            status: 64, stderr: ["Error: The value 'xml' is invalid for '--format <format>'"]),
    ]
}
