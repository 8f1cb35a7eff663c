import Foundation
import Testing

/// Two builds of every list in `../shared/corpora` must be byte-identical whatever changes between them that should
/// not matter: another process (Swift's hash seed differs per process unless SWIFT_DETERMINISTIC_HASHING is set),
/// the order of the `--list` options, the locale and the time zone. The whole output folders are compared.
@Suite(.serialized) struct DeterminismTests {
    /// The corpus lists, as paths relative to the package root (the paths appear in `sources`, so every build
    /// passes the same strings).
    static let lists: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: CLIRunner.corpora.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted().map { "../shared/corpora/" + $0 }
    }()

    struct Variant: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var reversed = false
        var environment: [String: String] = [:]
        var unsetting: [String] = []
    }

    /// Builds into `folder` and returns its snapshot.
    static func build(_ variant: Variant, into folder: URL) throws -> FolderSnapshot {
        let order = variant.reversed ? Array(lists.reversed()) : lists
        let arguments = ["build", "--quiet", "--output", folder.path] + order.flatMap { ["--list", $0] }
        let result = try CLIRunner.run(
            arguments, environment: variant.environment, unsetting: variant.unsetting)
        #expect(result.status == 0, "\(variant.testDescription): \(result.stderr.prefix(2_000))")
        return try FolderSnapshot(folder)
    }

    /// A Turkish locale (dotted and dotless i fold differently there), generated into `folder` with `localedef` so
    /// that no system locale is needed; nil when the locale sources are missing.
    static func turkishLocale(in folder: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/localedef")
        process.arguments = ["-i", "tr_TR", "-f", "UTF-8", folder.appendingPathComponent("tr_TR.UTF-8").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? folder.path : nil
    }

    @Test func buildsOfTheCorporaAreByteIdentical() throws {
        try #require(Self.lists.count >= 8, "the corpora are missing: \(CLIRunner.corpora.path)")
        let scratch = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let localePath = try #require(
            Self.turkishLocale(in: scratch), "localedef cannot make tr_TR.UTF-8 (scripts/setup.sh installs 'locales')")

        let baseline = try Self.build(
            Variant(testDescription: "baseline", unsetting: ["SWIFT_DETERMINISTIC_HASHING"]),
            into: scratch.appendingPathComponent("baseline"))
        #expect(baseline.files["catalog.json"].map { $0.count > 1_000_000 } == true)

        let variants = [
            Variant(testDescription: "another process", unsetting: ["SWIFT_DETERMINISTIC_HASHING"]),
            Variant(testDescription: "the lists in reverse order", reversed: true),
            Variant(
                testDescription: "Turkish locale, Kiritimati time (UTC+14)",
                environment: [
                    "LOCPATH": localePath, "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8", "TZ": "Pacific/Kiritimati",
                ]),
            Variant(
                testDescription: "C locale, UTC, deterministic hashing",
                environment: ["LANG": "C", "LC_ALL": "C", "TZ": "UTC", "SWIFT_DETERMINISTIC_HASHING": "1"]),
        ]
        for (index, variant) in variants.enumerated() {
            let snapshot = try Self.build(variant, into: scratch.appendingPathComponent("variant-\(index)"))
            #expect(snapshot == baseline, "\(variant.testDescription): \(snapshot.difference(from: baseline) ?? "")")
        }
    }

    @Test func theLocaleReallyChangesForTheBinary() throws {
        // Guards the test above: the generated locale must be one the C library accepts, or the Turkish run would
        // silently fall back to "C" and prove nothing.
        let scratch = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let localePath = try #require(Self.turkishLocale(in: scratch))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "LOCPATH='\(localePath)' LC_ALL=tr_TR.UTF-8 date +%B -d 2024-02-01"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let month = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(month.trimmingCharacters(in: .whitespacesAndNewlines) == "Şubat")
    }
}
