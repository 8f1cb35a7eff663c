import Foundation
import Testing

// MARK: - BadInputCase

/// One row of the bad-input table: files to generate in a fresh folder, the command to run there (the built binary,
/// with that folder as the working directory, so every path the user gives is relative), and what must come out.
///
/// New stages add rows (see `BadInputCase+Markdown.swift`, `+Ontology.swift`, `+CLI.swift`); the runner in
/// `BadInputTests` applies the common checks to every row: the exact exit status, each expected fragment, no
/// absolute path of the scratch folder in any message, no raw terminal control characters, and a time bound.
struct BadInputCase: Sendable, CustomTestStringConvertible {
    /// What to put at a path inside the case's folder.
    enum File: Sendable {
        case text(String)
        case bytes([UInt8])
        /// Built when the case runs (large inputs are never held by the table itself).
        case generated(@Sendable () -> [UInt8])
        case directory
        /// A named pipe: it exists but is not a regular file.
        case fifo
        /// Removes what the standard ontology put there.
        case absent
    }

    var name: String
    var files: [(path: String, file: File)]
    var arguments: [String]
    /// The exact exit status.
    var status: Int32
    /// Fragments that must appear in standard error (messages name `file:line` where there is one).
    var stderr: [String] = []
    /// Fragments that must appear in standard output.
    var stdout: [String] = []
    /// Fragments that must appear in neither stream.
    var absent: [String] = []
    /// Whether messages may hold absolute paths (only when the case itself passes one, such as `/proc/…`).
    var absolutePathsGiven = false
    /// A bound on the run's wall time: generous, because `make test` runs suites side by side on two cores.
    var seconds: Double = 20
    /// Further checks on the folder after the run (the output written, for example).
    var check: (@Sendable (BadInputRun) throws -> Void)?

    var testDescription: String { name }

    init(
        _ name: String, files: [(String, File)] = [], _ arguments: [String], status: Int32, stderr: [String] = [],
        stdout: [String] = [], absent: [String] = [], absolutePathsGiven: Bool = false, seconds: Double = 20,
        check: (@Sendable (BadInputRun) throws -> Void)? = nil
    ) {
        self.name = name
        self.files = files.map { (path: $0.0, file: $0.1) }
        self.arguments = arguments
        self.status = status
        self.stderr = stderr
        self.stdout = stdout
        self.absent = absent
        self.absolutePathsGiven = absolutePathsGiven
        self.seconds = seconds
        self.check = check
    }

    /// Every row, in table order.
    static let all: [BadInputCase] = markdown + ontology + overrides + commandLine
}

// MARK: - The run

/// What a case's checks see: the folder it ran in and the binary's result.
struct BadInputRun: Sendable {
    var folder: URL
    var status: Int32
    var stdout: String
    var stderr: String

    /// The data of a file the run wrote, relative to the folder.
    func data(_ path: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(path)) }

    /// `out/catalog.json`'s entries (the output folder every build case writes to).
    func entries(_ output: String = "out") throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: try data(output + "/catalog.json")) as? [String: Any]
        return try #require(json?["entries"] as? [[String: Any]])
    }
}

// MARK: - Shorthand for rows

extension BadInputCase {
    /// The ontology every case starts from (`ont/`): three concepts, one kind rule, no overrides.
    static let standardOntology: [(String, File)] = [
        ("ont/scheme.yaml", .text("id: test-scheme\ntitle: Test scheme\ndefinition: A scheme for bad-input tests.\n")),
        (
            "ont/concepts/core.yaml",
            .text(
                """
                concepts:
                  - id: verification
                    prefLabel: Verification
                    definition: Checking a system against its specification.
                  - id: formal-verification
                    prefLabel: Formal verification
                    definition: Proofs about a system.
                    broader: [verification]
                  - id: testing
                    prefLabel: Testing
                    definition: Running a system to find faults.
                    broader: [verification]

                """)
        ),
        ("ont/rules.yaml", .text("kinds:\n  - kind: article\n    sections: [Articles]\n")),
        ("ont/overrides.yaml", .text("overrides: []\n")),
    ]

    /// `build` of `list.md` (and more lists) into `out/` with the standard ontology.
    static func build(_ lists: String...) -> [String] {
        ["build", "--ontology", "ont", "--output", "out"] + lists.flatMap { ["--list", $0] }
    }

    /// `lint` of the given lists.
    static func lint(_ lists: String...) -> [String] {
        ["lint", "--ontology", "ont"] + lists.flatMap { ["--list", $0] }
    }

    /// A small valid list around `items` (one per line), under an `## Articles` heading: items start on line 5.
    static func list(_ items: String...) -> File {
        .text("# A list\n\n## Articles\n\n" + items.joined(separator: "\n") + "\n")
    }

    /// A concept file holding `body` (YAML lines under `concepts:`), replacing the standard one.
    static func concepts(_ body: String) -> (String, File) {
        ("ont/concepts/core.yaml", .text("concepts:\n" + body))
    }
}
