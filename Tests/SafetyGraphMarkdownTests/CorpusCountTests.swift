import Foundation
import Testing
import SafetyGraphCore
import SafetyGraphMarkdown

/// Every real list ingests without errors, and finds exactly the entries an independent method finds
/// (see the header of Fixtures/corpus-counts.tsv for how that count was made).
@Suite struct CorpusCountTests {
    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var count: Int
        var digest: String
        var description: String { file }
    }

    static let expected: [Expected] = {
        guard let text = try? Corpus.fixture("corpus-counts.tsv") else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 3, let count = Int(fields[1]) else { return nil }
            return Expected(file: fields[0], count: count, digest: fields[2])
        }
    }()

    @Test func fixtureCoversEveryCorpusFile() {
        #expect(!Corpus.files.isEmpty)
        #expect(Self.expected.map(\.file).sorted() == Corpus.files)
    }

    @Test(arguments: expected)
    func entryCountMatchesIndependentCount(_ expected: Expected) throws {
        let result = try Corpus.ingest(expected.file)
        #expect(!result.hasErrors, "\(result.diagnostics.filter { $0.severity == .error })")
        #expect(result.entries.count == expected.count)
        // Same entries, not just as many: the digest of the sorted normalised main URLs.
        let urls = result.entries.compactMap { URLNormalizer.normalize($0.url) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(Self.fnv1a64(urls.joined(separator: "\n")) == expected.digest)
        // Every entry is well formed.
        for entry in result.entries {
            #expect(!entry.title.isEmpty)
            #expect(URLNormalizer.isWebURL(entry.url))
            #expect(!entry.sources.isEmpty)
            #expect(entry.sources.allSatisfy { $0.file == Corpus.path(expected.file) && $0.line > 0 })
        }
        #expect(result.entries.map(\.id) == result.entries.map(\.id).sorted())
        #expect(Set(result.entries.map(\.id)).count == result.entries.count)
    }

    static func fnv1a64(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
