import Foundation
import Testing
import SafetyGraphCore
import SafetyGraphMarkdown

/// Inputs the fuzzer (Fuzz/, `make fuzz`) found breaking a property, kept under `Fixtures/Fuzz/markdown/`: each is
/// replayed through the ordinary ingester with the fuzz target's checks, and some have their own expectations.
@Suite struct FuzzRegressionTests {
    static var fixtures: [URL] {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return [] }
        let folder = root.appendingPathComponent("Fuzz/markdown")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test func thereAreFixtures() {
        #expect(Self.fixtures.count >= 1)
    }

    /// What the fuzz target checks on every input: entries sorted by id and unique, a title, an id that is the
    /// normalised URL's, normalisation that is idempotent, sources in the file.
    @Test(arguments: fixtures)
    func replays(fixture: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: fixture))
        let result = MarkdownIngester().ingest(bytes: bytes, path: "fuzz.md")
        for (previous, entry) in zip(result.entries, result.entries.dropFirst()) {
            #expect(previous.id < entry.id)
        }
        for entry in result.entries {
            #expect(!entry.title.isEmpty)
            let normalized = try #require(URLNormalizer.normalize(entry.url))
            #expect(URLNormalizer.entryID(forNormalized: normalized) == entry.id)
            #expect(URLNormalizer.normalize(normalized) == normalized)
            #expect(entry.sources.allSatisfy { $0.file == "fuzz.md" && $0.line >= 1 })
        }
    }

    /// `http://s..`: the host has an empty label. Normalising dropped one trailing dot per pass, so the entry's
    /// id came from `https://s.` while a second pass gave `https://s`. Such a host is not a web address.
    @Test func aHostWithAnEmptyLabelIsNotAnEntry() throws {
        let fixture = try #require(Self.fixtures.first { $0.lastPathComponent == "url-host-trailing-dots.md" })
        let result = MarkdownIngester().ingest(bytes: [UInt8](try Data(contentsOf: fixture)), path: "fuzz.md")
        #expect(result.entries.isEmpty)
        #expect(!result.diagnostics.isEmpty)
    }
}
