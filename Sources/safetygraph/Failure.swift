import ArgumentParser
import Foundation

/// An error that ends a subcommand: its lines go to stderr, its code becomes the exit status.
struct Failure: Error {
    var exitCode: Int32
    var lines: [String]

    static let lintFindings: Int32 = 1
    static let usage: Int32 = 64
    static let badData: Int32 = 65
    static let missingInput: Int32 = 66
    /// Graphviz could not draw (an engine or format not available, a layout that failed).
    static let unavailable: Int32 = 69
    static let cannotCreate: Int32 = 73

    init(_ exitCode: Int32, _ lines: [String]) {
        self.exitCode = exitCode
        self.lines = lines
    }

    init(_ exitCode: Int32, _ line: String) { self.init(exitCode, [line]) }
}

/// Writes lines to standard error, terminal-safe (they quote input).
func printError(_ lines: [String]) {
    guard !lines.isEmpty else { return }
    FileHandle.standardError.write(Data(terminalSafe(lines.joined(separator: "\n") + "\n").utf8))
}

/// Writes text to standard output, terminal-safe, adding a final newline when missing.
func printOut(_ text: String) {
    let out = text.hasSuffix("\n") || text.isEmpty ? text : text + "\n"
    FileHandle.standardOutput.write(Data(terminalSafe(out).utf8))
}

/// Runs a subcommand body, turning a `Failure` into its message and exit code.
func reportingFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        printError(failure.lines)
        throw ExitCode(failure.exitCode)
    }
}
