import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs every row of the bad-input table through the built binary (see `BadInputCase`).
@Suite struct BadInputTests {
    @Test(arguments: BadInputCase.all)
    func badInput(_ row: BadInputCase) throws {
        let folder = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, file) in BadInputCase.standardOntology + row.files.map({ ($0.path, $0.file) }) {
            try Self.place(file, at: folder.appendingPathComponent(path))
        }

        let clock = ContinuousClock()
        let start = clock.now
        let result = try CLIRunner.run(row.arguments, in: folder)
        let elapsed = clock.now - start

        let context = "\(row.name): status \(result.status)\nstderr: \(result.stderr.prefix(3_000))\nstdout: \(result.stdout.prefix(1_000))"
        #expect(result.status == row.status, "\(context)")
        for fragment in row.stderr {
            #expect(result.stderr.contains(fragment), "missing in stderr: \(fragment)\n\(context)")
        }
        for fragment in row.stdout {
            #expect(result.stdout.contains(fragment), "missing in stdout: \(fragment)\n\(context)")
        }
        for fragment in row.absent {
            #expect(!result.stderr.contains(fragment) && !result.stdout.contains(fragment), "unexpected: \(fragment)\n\(context)")
        }
        if !row.absolutePathsGiven {
            // Every path the case gives is relative, so no message may hold the scratch folder's absolute path.
            for root in Set([folder.path, folder.resolvingSymlinksInPath().path]) {
                #expect(!result.stderr.contains(root) && !result.stdout.contains(root), "absolute path leaked\n\(context)")
            }
        }
        // Input is quoted in messages; an escape character or a bidi control must never reach the terminal raw.
        for raw in ["\u{1B}", "\u{202E}", "\u{0007}"] {
            #expect(!result.stderr.contains(raw) && !result.stdout.contains(raw), "raw control character\n\(context)")
        }
        // A hang guard, not a speed check (speed is measured by `make bench`): generous, since `make test` runs
        // many suites side by side on two cores.
        #expect(elapsed < .seconds(max(60, row.seconds * 4)), "\(row.name) took \(elapsed)")
        try row.check?(BadInputRun(folder: folder, status: result.status, stdout: result.stdout, stderr: result.stderr))
    }

    @Test func theTableIsLargeAndNamesAreUnique() {
        #expect(BadInputCase.all.count >= 60)
        #expect(Set(BadInputCase.all.map(\.name)).count == BadInputCase.all.count)
    }

    // MARK: - Placing files

    static func place(_ file: BadInputCase.File, at url: URL) throws {
        let fm = FileManager.default
        if case .absent = file {
            try? fm.removeItem(at: url)
            return
        }
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? fm.removeItem(at: url)
        switch file {
        case .text(let text): try Data(text.utf8).write(to: url)
        case .bytes(let bytes): try Data(bytes).write(to: url)
        case .generated(let make): try Data(make()).write(to: url)
        case .directory: try fm.createDirectory(at: url, withIntermediateDirectories: true)
        case .fifo:
            guard mkfifo(url.path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
        case .absent: break
        }
    }
}
