import SafetyGraphCore
import SafetyGraphMarkdown
import Testing

/// A list comes merged from its ingester, and the build does not merge one list again: that is only right if
/// merging what is merged changes nothing. Held on every corpus list and on one built to hold duplicates.
@Suite struct MergeIdempotenceTests {
    @Test(arguments: Corpus.files)
    func mergingAnIngestedListAgainChangesNothing(_ file: String) throws {
        let ingested = try Corpus.ingest(file).entries
        let again = EntryMerger.merge([ingested])
        #expect(again.entries == ingested)
        #expect(again.diagnostics.isEmpty)
    }

    @Test func aListOfDuplicatesMergesOnceAndForAll() {
        var lines = ["# Tools", ""]
        for i in 0..<40 {
            let extra = i % 3 == 0 ? " and [mirror](https://mirror.example/\(i % 7)) by Ann, Bob" : ""
            lines.append("- [Entry \(i % 9)](https://example.org/e\(i % 9)) - About \(i) (\(2000 + i % 5)).\(extra)")
            if i % 10 == 9 { lines += ["", "## Part \(i)", ""] }
        }
        let ingested = MarkdownIngester().ingest(text: lines.joined(separator: "\n"), path: "dups.md")
        #expect(ingested.diagnostics.contains { $0.code == "duplicate-url" })
        let again = EntryMerger.merge([ingested.entries])
        #expect(again.entries == ingested.entries)
        #expect(again.diagnostics.isEmpty)
    }
}
