import Foundation
import Testing
import SafetyGraphCore
@testable import SafetyGraphMarkdown

/// Hostile input: no crash, no error thrown from the bytes API. Speed is measured in benchmarks, not here;
/// the suite's time limit only guards against a hang.
@Suite(.timeLimit(.minutes(2))) struct HostileInputTests {
    let ingester = MarkdownIngester()

    @Test func emptyAndWhitespaceFiles() {
        for bytes in [[], [0xEF, 0xBB, 0xBF], Array("\n\n   \r\n\t".utf8)] as [[UInt8]] {
            let result = ingester.ingest(bytes: bytes, path: "empty.md")
            #expect(result.entries.isEmpty)
            #expect(result.diagnostics.map(\.code) == ["no-entries"])
        }
    }

    @Test func binaryJunkAndNULBytesAreErrorsNotCrashes() {
        var generator = SplitMix64(seed: 42)
        let junk = (0..<100_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let result = ingester.ingest(bytes: junk, path: "junk.bin")
        #expect(result.entries.isEmpty)
        #expect(result.hasErrors)
        let nul = ingester.ingest(bytes: Array("* [a](https://e.org)\n".utf8) + [0, 0, 0], path: "nul.md")
        #expect(nul.diagnostics.map(\.code) == ["not-text"])
        // A NUL far into an otherwise valid file is not binary by git's rule; cmark replaces it, nothing breaks.
        let late = Array(String(repeating: "text line\n", count: 1_000).utf8) + [0] + Array("\n* [a](https://e.org/a)\n".utf8)
        #expect(ingester.ingest(bytes: late, path: "late.md").entries.map(\.url) == ["https://e.org/a"])
    }

    @Test func fiftyMegabyteSingleLine() {
        // Plain prose. (cmark-gfm's autolink extension itself gets slow on text dense in `w`, `:` and `@`, its
        // trigger characters: 50 MB of "wordy words " takes it about 3 s; that is the parser, not our walk.)
        var line = "* [Huge](https://example.org/huge) - "
        line += String(repeating: "lorem ipsum dolor sit amet ", count: 50_000_000 / 27)
        let result = ingester.ingest(text: line, path: "huge.md")
        #expect(result.entries.count == 1)
        #expect(result.entries.first?.title == "Huge")
        #expect((result.entries.first?.description?.utf8.count ?? 0) <= InlineCollector.textLimit)
        #expect(result.diagnostics(code: "long-item-truncated").count == 1)
    }

    @Test func aParagraphOfAutolinksIsCutAtTheInlineLimit() throws {
        // 100,000 `www.` autolinks in one item: only the first `maxInlineChildren` inlines are copied out of cmark.
        let text = "* [First](https://example.org/first) " + String(repeating: "www.a.b ", count: 100_000)
        let result = ingester.ingest(text: text, path: "auto.md")
        let entry = try #require(result.entries.first)
        #expect(result.entries.count == 1)
        #expect(entry.title == "First")
        #expect(result.diagnostics(code: "long-item-truncated").map(\.location?.line) == [1])
        let tree = MarkdownTree.parse(text)
        #expect(tree.nodes.count < 2 * MarkdownTree.maxInlineChildren + 20)  // each link holds its text
        #expect(tree.nodes.contains { $0.kind == .paragraph && $0.truncated })
    }

    @Test func listsNestedTenThousandDeep() {
        // Every level is a list item holding the next list: `- - - - … [deep](url)`.
        let depth = 10_000
        let text = String(repeating: "- ", count: depth) + "[Deep](https://example.org/deep)\n"
        let result = ingester.ingest(text: text, path: "deep.md")
        #expect(result.entries.map(\.title) == ["Deep"])
        // The same depth with a link on every level (each item is an entry of its own).
        var nested = ""
        for level in 0..<2_000 { nested += String(repeating: "  ", count: level) + "- [L\(level)](https://example.org/\(level))\n" }
        let many = ingester.ingest(text: nested, path: "nested.md")
        #expect(many.entries.count == 2_000)
        let quotes = String(repeating: "> ", count: depth) + "* [Quoted](https://example.org/q)\n"
        #expect(ingester.ingest(text: quotes, path: "q.md").entries.count == 1)
    }

    @Test func tableWithFiveThousandColumns() {
        let columns = 5_000
        let header = "|" + (0..<columns).map { " H\($0) |" }.joined()
        let rule = "|" + String(repeating: "---|", count: columns)
        let row = "| [Wide](https://example.org/wide) |" + String(repeating: " x |", count: columns - 1)
        let result = ingester.ingest(text: [header, rule, row, row].joined(separator: "\n"), path: "wide.md")
        #expect(result.entries.count == 1)
        #expect(result.entries.first?.sources.count == 2)
        #expect(result.diagnostics(code: "duplicate-url").count == 1)
    }

    @Test func sameURLTenThousandTimes() throws {
        let text = (0..<10_000).map { "* [Same \($0)](https://example.org/same) `tag\($0 % 3)`" }.joined(separator: "\n")
        let result = ingester.ingest(text: text, path: "same.md")
        #expect(result.entries.count == 1)
        let entry = try #require(result.entries.first)
        #expect(entry.title == "Same 0")
        #expect(entry.sources.count == 10_000)
        #expect(entry.keywords == ["tag0", "tag1", "tag2"])
        #expect(result.diagnostics(code: "duplicate-url").count == 9_999)
    }

    @Test func megabyteTitle() throws {
        let title = String(repeating: "Title words ", count: 1_000_000 / 12)
        let result = ingester.ingest(text: "* [\(title)](https://example.org/t)", path: "title.md")
        let entry = try #require(result.entries.first)
        #expect(entry.title.hasPrefix("Title words Title words"))
        #expect(entry.title.utf8.count <= InlineCollector.textLimit)
    }

    @Test func weirdUnicodeAndMalformedMarkup() {
        let text = """
        ## \u{202E}Reversed 👩🏽‍🚀 ::: :not-a-code
        * [\u{200B}](https://example.org/zero-width)
        * [Combining e\u{301}\u{301}\u{301}](https://example.org/combining) - 𝔘𝔫𝔦𝔠𝔬𝔡𝔢
        * [Unclosed](https://example.org/unclosed
        * [[[[nested]]]](https://example.org/brackets)
        * (((( [Parens](https://example.org/parens)

        | a |
        |---|
        | [Cell](https://example.org/cell) | extra | cells |
        """
        let result = ingester.ingest(text: text, path: "weird.md")
        #expect(result.entries.contains { $0.title == "Combining e\u{301}\u{301}\u{301}" })
        #expect(result.entries.contains { $0.url == "https://example.org/parens" })
        #expect(result.entries.contains { $0.url == "https://example.org/cell" })
        #expect(!result.entries.contains { $0.url == "https://example.org/zero-width" })  // no visible title
    }
}

/// A tiny deterministic generator, so the junk is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
