import Foundation

/// Runs external programs for the tests: the `dot` command and our `graphviz-probe`.
enum Tools {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `dot` command on PATH.
    static let dot: URL? = executable(named: "dot")

    /// The probe built next to this test bundle (or `$GRAPHVIZ_PROBE`).
    static let probe: URL? = {
        if let explicit = ProcessInfo.processInfo.environment["GRAPHVIZ_PROBE"] { return URL(fileURLWithPath: explicit) }
        var candidates: [URL] = []
        for bundle in Bundle.allBundles + [Bundle.main] {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("graphviz-probe"))
        }
        candidates.append(
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
                .appendingPathComponent("graphviz-probe"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static func executable(named name: String) -> URL? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporaryFile(_ text: String, suffix: String = ".dot") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sg-graphviz-\(UUID().uuidString)\(suffix)")
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Runs `dot -Tsvg file -o /dev/null` and returns its stderr (empty when Graphviz had nothing to say).
    static func dotCommandStderr(_ dotText: String) throws -> (status: Int32, stderr: String) {
        guard let dot else { return (-1, "no `dot` command on PATH") }
        let file = try temporaryFile(dotText)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try run(dot, ["-Tsvg", file.path, "-o", "/dev/null"])
        return (result.status, result.stderr)
    }
}
