import Testing
import SafetyGraphCore
import SafetyGraphMarkdown

/// Links an entry leaves out (script and data URLs, relative paths) are reported, so the site's refusal to link
/// them never goes unnoticed.
@Suite struct IgnoredLinkTests {
    @Test func scriptDataAndRelativeLinksBesideAnEntryLinkAreReported() throws {
        let result = MarkdownIngester().ingest(text: """
            # List

            ## Tools
            * [Tool](https://example.org/tool) - see [code](javascript:alert(1)), [demo](data:text/html,x), \
            [docs](./docs/README.md), [anchor](#tools), [mail](mailto:a@example.org) and [more](https://example.org/more)
            """, path: "list.md")
        let entry = try #require(result.entries.first)
        #expect(result.entries.count == 1)
        #expect(entry.otherURLs == ["https://example.org/more"])
        let ignored = result.diagnostics.filter { $0.code == "ignored-link" }
        #expect(ignored.map { $0.message.contains("'javascript:alert(1)'") } == [true, false, false])
        #expect(ignored.map { $0.message.contains("'data:text/html,x'") } == [false, true, false])
        #expect(ignored.map { $0.message.contains("'./docs/README.md'") } == [false, false, true])
        #expect(ignored.allSatisfy { $0.location?.file == "list.md" && $0.location?.line == 4 && $0.severity == .warning })
    }

    /// Links left out that are not broken (relative paths) are reported too, in order and at most five per item,
    /// whatever else the item holds: the reader looks for one before it lists an item's links.
    @Test func relativeLinksAloneAreReportedAtMostFivePerItem() throws {
        let links = (1...7).map { "[p\($0)](./p\($0).md)" }.joined(separator: " ")
        let result = MarkdownIngester().ingest(text: """
            ## Tools
            * [Tool](https://example.org/tool) - \(links)
            * [Other](https://example.org/other) - [docs](docs/README.md)
            * [Third](https://example.org/third) - [site](https://example.org/site)
            """, path: "l.md")
        #expect(result.entries.count == 3)
        let ignored = result.diagnostics.filter { $0.code == "ignored-link" }
        try #require(ignored.count == 6)
        #expect(ignored.prefix(5).map(\.message) == (1...5).map {
            "link 'p\($0)' points to './p\($0).md', which is not an http(s) or mailto URL; the entry leaves it out"
        })
        #expect(ignored.prefix(5).allSatisfy { $0.location?.line == 2 })
        #expect(ignored[5].message.contains("'docs/README.md'") && ignored[5].location?.line == 3)
    }

    @Test func aPlainEntryHasNoIgnoredLink() {
        let result = MarkdownIngester().ingest(
            text: "## Tools\n* [Tool](https://example.org/tool) - a [badge](https://img.shields.io/x.svg)\n", path: "l.md")
        #expect(result.diagnostics.filter { $0.code == "ignored-link" }.isEmpty)
    }
}
