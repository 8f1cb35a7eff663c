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

    @Test func aPlainEntryHasNoIgnoredLink() {
        let result = MarkdownIngester().ingest(
            text: "## Tools\n* [Tool](https://example.org/tool) - a [badge](https://img.shields.io/x.svg)\n", path: "l.md")
        #expect(result.diagnostics.filter { $0.code == "ignored-link" }.isEmpty)
    }
}
