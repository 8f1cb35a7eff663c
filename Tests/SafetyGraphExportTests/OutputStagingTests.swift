import Foundation
import Testing
@testable import SafetyGraphExport

@Suite struct OutputStagingTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("staging-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func commitReplacesThePreviousOutputWhole() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("Output")

        let first = try OutputStaging(destination: out.path)
        try first.write("one\n", to: "catalog.json")
        try first.write("old page\n", to: "site/old.html")
        try first.commit()
        #expect(try read(out.appendingPathComponent("catalog.json")) == "one\n")

        let second = try OutputStaging(destination: out.path)
        try second.write("two\n", to: "catalog.json")
        // Before the commit the previous output is untouched.
        #expect(try read(out.appendingPathComponent("catalog.json")) == "one\n")
        try second.commit()
        #expect(try read(out.appendingPathComponent("catalog.json")) == "two\n")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("site/old.html").path))
        // Nothing is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["Output"])
    }

    @Test func anAbandonedBuildLeavesTheOutputAsItWas() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("Output")
        let first = try OutputStaging(destination: out.path)
        try first.write("kept\n", to: "catalog.json")
        try first.commit()

        do {
            let failing = try OutputStaging(destination: out.path)
            try failing.write("half\n", to: "catalog.json")
            // A later step fails: the staging object goes away without commit.
        }
        #expect(try read(out.appendingPathComponent("catalog.json")) == "kept\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["Output"])
    }

    @Test func anOutputMovedAsideByAKilledBuildIsPutBack() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("Output")
        let first = try OutputStaging(destination: out.path)
        try first.write("previous\n", to: "catalog.json")
        try first.commit()
        // A build killed between its two renames: the output is aside under a pid that no longer runs.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        try FileManager.default.moveItem(at: out, to: dir.appendingPathComponent(".Output.old-\(gone.processIdentifier)"))

        // The next build puts it back at once; if that build then fails, the previous output is where it was.
        let next = try OutputStaging(destination: out.path)
        #expect(try read(out.appendingPathComponent("catalog.json")) == "previous\n")
        next.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["Output"])
    }

    @Test(arguments: ["Output", "Output/", "a/b/Output", "/tmp/x/Output"])
    func stagingSitsBesideTheOutputAsGiven(path: String) {
        let (parent, name) = OutputStaging.split(path.hasSuffix("/") ? String(path.dropLast()) : path)
        #expect(name == "Output")
        #expect(parent == ["Output": "", "Output/": "", "a/b/Output": "a/b", "/tmp/x/Output": "/tmp/x"][path])
    }

    @Test(arguments: ["../escape.txt", "/etc/passwd", "a/../../b", "", "a//b", ".hidden", "a/./b", "x\\y", "a:b"])
    func unsafePathsAreRefused(path: String) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let staging = try OutputStaging(destination: dir.appendingPathComponent("Output").path)
        #expect(throws: OutputError.self) { try staging.write("x", to: path) }
        staging.discard()
    }

    @Test func caseInsensitiveCollisionsAreRefused() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let staging = try OutputStaging(destination: dir.appendingPathComponent("Output").path)
        try staging.write("a", to: "topics/Robustness.html")
        #expect(throws: OutputError.self) { try staging.write("b", to: "topics/robustness.html") }
        staging.discard()
    }

    @Test func refusesAFileOrAForeignFolder() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        #expect(throws: OutputError.self) { _ = try OutputStaging(destination: file.path) }

        let foreign = dir.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        #expect(throws: OutputError.self) { _ = try OutputStaging(destination: foreign.path) }

        // An empty folder is fine.
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let staging = try OutputStaging(destination: empty.path)
        staging.discard()
    }
}
