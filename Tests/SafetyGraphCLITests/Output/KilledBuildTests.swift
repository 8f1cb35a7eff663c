import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A build killed at any moment leaves the previous output exactly as it was, and the next build cleans up after
/// it: the output is written into `.<name>.partial-<pid>` beside the output folder and swapped in at the end.
@Suite(.serialized) struct KilledBuildTests {
    /// Every corpus list, `copies` times, each copy with its own hosts (`https://c3.example.org/…`) so that no two
    /// copies merge: a large input whose build takes a while.
    static func largeList(copies: Int) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: CLIRunner.corpora.path)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        let texts = try names.map { try String(contentsOf: CLIRunner.corpora.appendingPathComponent($0), encoding: .utf8) }
        var out = ""
        for copy in 0..<copies {
            for (name, text) in zip(names, texts) {
                out += "# Copy \(copy) of \(name)\n\n" + text.replacingOccurrences(of: "://", with: "://c\(copy).") + "\n\n"
            }
        }
        return out
    }

    /// Starts a build of `list` into `output` (both relative to `folder`) and returns the running process.
    static func startBuild(list: String, output: String, in folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = [
            "build", "--quiet", "--ontology", CLIRunner.packageRoot.appendingPathComponent("Ontology").path,
            "--list", list, "--output", output,
        ]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Builds `list` into `output` and waits; the status.
    static func build(list: String, output: String, in folder: URL) throws -> Int32 {
        let process = try startBuild(list: list, output: output, in: folder)
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func kill(_ process: Process) {
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    @Test func aKilledBuildLeavesThePreviousOutputAndTheNextBuildCleansUp() throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default

        // The previous output: a small list.
        try Data("# Small\n\n## Tools\n\n* [Foolbox](https://github.com/bethgelab/foolbox) - adversarial attacks.\n".utf8)
            .write(to: folder.appendingPathComponent("small.md"))
        #expect(try Self.build(list: "small.md", output: "out", in: folder) == 0)
        let previous = try FolderSnapshot(folder.appendingPathComponent("out"))
        #expect(previous.files.keys.contains("catalog.json"))

        // 1. Killed while reading a large input (every corpus list twenty times over, with distinct hosts).
        try Data(try Self.largeList(copies: 20).utf8).write(to: folder.appendingPathComponent("large.md"))
        let reading = try Self.startBuild(list: "large.md", output: "out", in: folder)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(reading.isRunning, "the large build ended too soon to be killed mid-way")
        Self.kill(reading)
        #expect(reading.terminationReason == .uncaughtSignal)
        #expect(try FolderSnapshot(folder.appendingPathComponent("out")) == previous)

        // 2. Killed while writing: as soon as its staging folder appears.
        try Data(try Self.largeList(copies: 1).utf8).write(to: folder.appendingPathComponent("corpora.md"))
        let writing = try Self.startBuild(list: "corpora.md", output: "out", in: folder)
        let staging = folder.appendingPathComponent(".out.partial-\(writing.processIdentifier)")
        let deadline = Date().addingTimeInterval(300)
        while writing.isRunning, !fm.fileExists(atPath: staging.path), Date() < deadline { usleep(2_000) }
        Self.kill(writing)
        #expect(writing.terminationReason == .uncaughtSignal, "the build finished before it could be killed")
        #expect(fm.fileExists(atPath: staging.path), "the kill did not land while the output was being written")
        #expect(try FolderSnapshot(folder.appendingPathComponent("out")) == previous)

        // 3. The next build replaces the output and removes what the killed one left.
        try Data("# Small\n\n## Tools\n\n* [RobustBench](https://github.com/RobustBench/robustbench)\n".utf8)
            .write(to: folder.appendingPathComponent("small.md"))
        #expect(try Self.build(list: "small.md", output: "out", in: folder) == 0)
        #expect(try fm.contentsOfDirectory(atPath: folder.path).sorted() == ["corpora.md", "large.md", "out", "small.md"])
        let next = try FolderSnapshot(folder.appendingPathComponent("out"))
        #expect(next != previous)
        #expect(String(decoding: next.files["catalog.json"] ?? Data(), as: UTF8.self).contains("robustbench"))
    }

    @Test func leftoversOfDeadBuildsAreRemovedAndThoseOfLiveOnesKept() throws {
        // The swap is two renames (output → .out.old-<pid>, staging → output). A kill between them leaves no output
        // and the previous one aside; the next build puts it back first (see OutputStagingTests) and removes every
        // leftover of a process that no longer runs. A running build's folders (here: this test's pid) are left.
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default
        try Data("* [Foolbox](https://github.com/bethgelab/foolbox)\n".utf8).write(to: folder.appendingPathComponent("a.md"))
        #expect(try Self.build(list: "a.md", output: "out", in: folder) == 0)

        let dead = try Self.startBuild(list: "no-such.md", output: "elsewhere", in: folder)
        dead.waitUntilExit()  // its pid no longer runs
        let deadPID = dead.processIdentifier
        try fm.moveItem(at: folder.appendingPathComponent("out"), to: folder.appendingPathComponent(".out.old-\(deadPID)"))
        for leftover in [".out.partial-\(deadPID)", ".out.partial-\(getpid())", ".other.partial-\(deadPID)"] {
            try fm.createDirectory(at: folder.appendingPathComponent(leftover), withIntermediateDirectories: false)
        }

        try Data("* [RobustBench](https://github.com/RobustBench/robustbench)\n".utf8).write(to: folder.appendingPathComponent("b.md"))
        #expect(try Self.build(list: "b.md", output: "out", in: folder) == 0)
        #expect(
            try fm.contentsOfDirectory(atPath: folder.path).sorted()
                == [".other.partial-\(deadPID)", ".out.partial-\(getpid())", "a.md", "b.md", "out"])
        let catalog = try String(contentsOf: folder.appendingPathComponent("out/catalog.json"), encoding: .utf8)
        #expect(catalog.contains("robustbench") && !catalog.contains("foolbox"))
    }
}
