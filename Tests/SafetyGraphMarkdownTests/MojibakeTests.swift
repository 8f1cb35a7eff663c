import Foundation
import Testing
import SafetyGraphCore
@testable import SafetyGraphMarkdown

/// The seed list saved as Mac OS Roman mojibake must ingest to exactly the entries of the clean seed.
@Suite struct MojibakeTests {
    static let clean = "seed-awesome-safety-critical-ai.md"
    static let damaged = "seed-awesome-safety-critical-ai.mojibake.md"

    /// An entry with the file name taken out of its sources, so the two files compare equal.
    static func comparable(_ entries: [Entry]) -> [Entry] {
        entries.map { entry in
            var copy = entry
            copy.sources = entry.sources.map { SourceLocation(file: "seed", line: $0.line, column: $0.column) }
            return copy
        }
    }

    @Test func mojibakeSeedGivesTheCleanSeedsEntries() throws {
        let clean = try Corpus.ingest(Self.clean, rules: Corpus.kindRules)
        let repaired = try Corpus.ingest(Self.damaged, rules: Corpus.kindRules)
        #expect(clean.entries.count == 126)
        #expect(Self.comparable(repaired.entries) == Self.comparable(clean.entries))
        // Spot checks on text that the damage touched.
        let breck = try #require(repaired.entry(url: "https://research.google/pubs/whats-your-ml-test-score-a-rubric-for-ml-production-systems/"))
        #expect(breck.title == "What’s your ML test score? A rubric for ML production systems")
        let tubingen = try #require(repaired.entry(url: "https://scalabletrustworthyai.github.io"))
        #expect(tubingen.organization == "University of Tübingen")
        #expect(repaired.entry(titled: "Editor's Choice") == nil)
        #expect(repaired.entries.contains { $0.sectionPaths.contains(["Editor's Choice"]) })
    }

    @Test func mojibakeIsReportedOnceAndCleanFilesAreLeftAlone() throws {
        let repaired = try Corpus.ingest(Self.damaged)
        let warnings = repaired.diagnostics(code: "mojibake-repaired")
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location?.line == 12)  // `ü§©` in the introduction is the first damaged text
        for file in Corpus.files where file != Self.damaged {
            #expect(try Corpus.ingest(file).diagnostics(code: "mojibake-repaired").isEmpty, "\(file)")
        }
    }

    @Test func macRomanTableIsABijectionOfTheHighHalf() {
        #expect(MacRomanRepair.highHalf.count == 128)
        #expect(Set(MacRomanRepair.highHalf).count == 128)
        #expect(MacRomanRepair.encodeTable[0x2019] == 0xD5)  // ’
        #expect(MacRomanRepair.encodeTable[0x00FC] == 0x9F)  // ü
        #expect(MacRomanRepair.encodeTable[0xF8FF] == 0xF0)  // Apple logo
        #expect(MacRomanRepair.encodeTable[0x221A] == 0xC3)  // √ (so `√©` → C3 A9 → é)
    }

    @Test(arguments: [
        ("What‚Äôs new", "What’s new"),
        ("caf√© √† la carte", "café à la carte"),
    ])
    func repairsDamagedText(damaged: String, expected: String) throws {
        let repair = try #require(MacRomanRepair.repair(damaged))
        #expect(repair.text == expected)
    }

    @Test(arguments: [
        "plain ASCII only",
        "Zürich, Tübingen, café — clean Latin text",  // ü alone is 0x9F: not valid UTF-8 once re-encoded
        "What‚Äôs new 🌟",  // a real emoji cannot be Mac OS Roman: leave the whole text alone
        "Ωmega and ∞ symbols",
    ])
    func leavesCleanOrMixedTextAlone(text: String) {
        #expect(MacRomanRepair.repair(text) == nil)
    }

    @Test func crlfMojibakeIsRepairedToo() throws {
        let bytes = try [UInt8](Data(contentsOf: Corpus.directory.appendingPathComponent(Self.damaged)))
        var crlf: [UInt8] = []
        for byte in bytes {
            if byte == 0x0A { crlf.append(0x0D) }
            crlf.append(byte)
        }
        let result = MarkdownIngester().ingest(bytes: crlf, path: "seed")
        let clean = try Corpus.ingest(Self.clean)
        #expect(Self.comparable(result.entries) == Self.comparable(clean.entries))
        #expect(result.diagnostics(code: "mojibake-repaired").count == 1)
    }
}
