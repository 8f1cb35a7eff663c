import Foundation
import SafetyGraphCore
import Testing
@testable import SafetyGraphExport

@Suite struct SiteGeneratorTests {
    @Test func writesEveryPageOnceInPathOrderAndTheSameEachTime() throws {
        let graph = SiteFixture.graph()
        let generator = SiteGenerator(graph: graph, inputs: SiteFixture.inputs(graph), templates: try .shipped())
        let files = try generator.generate()
        #expect(files.map(\.path) == [
            "a-z.html", "assets/search-index.js", "assets/search.js", "assets/style.css", "coverage.html", "index.html",
            "kinds/article.html", "kinds/tool.html", "kinds/weird-kind.html", "search.html",
            "topics/adversarial-robustness.html", "topics/attacks.html", "topics/empty-topic.html",
            "topics/robustness.html", "topics/security.html",
        ])
        #expect(try generator.generate() == files)
        for file in files { #expect(file.contents.hasSuffix("\n"), "\(file.path)") }
    }

    @Test func noValueComesThroughUnescaped() throws {
        for (path, html) in try SiteFixture.site() where path.hasSuffix(".html") {
            #expect(!html.contains("<script>alert"), "\(path)")
            #expect(!html.contains("=\"javascript:"), "\(path)")  // shown as text only (below)
            #expect(!html.contains("Test <Scheme>"), "\(path)")
            // Only our scripts: one JSON-LD block, and the two asset scripts on the search page.
            #expect(html.occurrences(of: "<script") == (path == "search.html" ? 3 : 1), "\(path)")
            #expect(html.occurrences(of: "</script>") == html.occurrences(of: "<script"), "\(path)")
        }
        let az = try #require(try SiteFixture.site()["a-z.html"])
        #expect(az.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;attack&quot; &#39;tool&#39;"))
        #expect(az.contains("href=\"https://example.org/q?a=%22b%22\""))
        #expect(az.contains("<span>Bad link</span>") && az.contains("<code>javascript:alert(2)</code>"))
        #expect(az.contains("Org &amp; Co"))
    }

    @Test func topicPageListsOwnEntriesFirstThenThroughEachNarrowerTopic() throws {
        let html = try #require(try SiteFixture.site()["topics/robustness.html"])
        let own = try #require(html.offset(of: "id=\"e-own\""))
        let adv = try #require(html.offset(of: "id=\"e-adv\""))
        let attack = try #require(html.offset(of: "id=\"e-attack\""))
        let through = try #require(html.offset(of: "Through <a href=\"../topics/adversarial-robustness.html\">"))
        #expect(own < through && through < adv && through < attack)
        #expect(html.occurrences(of: "class=\"entry\"") == 3)
        #expect(html.contains("<strong>1</strong> tagged with this topic · <strong>3</strong> with its narrower topics"))
        #expect(html.contains("role=\"img\" aria-label=\"Neighbourhood of Robustness\""))
        #expect(html.contains("xlink:href=\"robustness.html\""))
    }

    @Test func breadcrumbsFollowEveryBroaderPath() throws {
        let html = try #require(try SiteFixture.site()["topics/attacks.html"])
        let nav = try #require(html.components(separatedBy: "<nav class=\"breadcrumbs\"").dropFirst().first?
            .components(separatedBy: "</nav>").first)
        #expect(nav.occurrences(of: "<ol>") == 2)
        #expect(nav.contains("../topics/robustness.html") && nav.contains("../topics/adversarial-robustness.html"))
        #expect(nav.contains("../topics/security.html"))
        #expect(nav.occurrences(of: "aria-current=\"page\">Attacks</li>") == 2)
    }

    @Test func entriesNeverBorrowValuesFromThePage() throws {
        // Mustache looks a missing key up in the enclosing context: an entry without a description must not show
        // the page's description, one without a year must not show another's.
        let az = try #require(try SiteFixture.site()["a-z.html"])
        #expect(az.occurrences(of: "class=\"entry__desc\"") == 1)
        #expect(az.occurrences(of: "class=\"entry__year\"") == 2)
        #expect(az.occurrences(of: "class=\"entry__by\"") == 1)
    }

    @Test func tagsSayWhyTheyWereGiven() throws {
        let html = try #require(try SiteFixture.site()["kinds/tool.html"])
        #expect(html.contains("title=\"Tagged because of the label “adversarial” in the title\""))
        #expect(html.contains("<summary>Why these topics</summary>"))
    }

    @Test func coverageShowsUntaggedEntriesEmptyTopicsAndFindings() throws {
        let html = try #require(try SiteFixture.site()["coverage.html"])
        #expect(html.contains("id=\"e-none\""))
        #expect(html.contains("<a href=\"topics/empty-topic.html\">Empty topic</a>"))
        #expect(html.contains("<code>untagged-entry</code>") && html.contains("<code>unsafe-url</code>"))
    }

    @Test func everyPageEmbedsParsableJSONLDNamingItsSubject() throws {
        for (path, html) in try SiteFixture.site() where path.hasSuffix(".html") {
            let block = try #require(
                html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().first?
                    .components(separatedBy: "</script>").first)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
            let nodes = try #require(json["@graph"] as? [[String: Any]], "\(path)")
            if path == "topics/attacks.html" {
                #expect(nodes.first?["about"] as? String == "https://example.org/safetygraph/concepts/attacks")
                #expect(nodes.contains { $0["@id"] as? String == "https://example.org/safetygraph/entries/e-attack" })
            }
        }
    }

    @Test func searchIndexIsAScriptWithTopicClosures() throws {
        let script = try #require(try SiteFixture.site()["assets/search-index.js"])
        let prefix = "window.SAFETYGRAPH_INDEX = "
        #expect(script.hasPrefix(prefix) && script.hasSuffix(";\n"))
        let json = String(script.dropFirst(prefix.count).dropLast(2))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entries = try #require(document["entries"] as? [[String: Any]])
        #expect(entries.count == 5)
        let attack = try #require(entries.first { $0["id"] as? String == "e-attack" })
        #expect(attack["topics"] as? [String] == ["adversarial-robustness", "attacks", "robustness", "security"])
        #expect(attack["tags"] as? [String] == ["attacks"])
        let bad = try #require(entries.first { $0["id"] as? String == "e-bad" })
        #expect(bad["url"] as? String == "")
        #expect(!script.contains("<") && !script.contains(">"))
    }

    @Test func indexShowsTheMapFacetsAndKinds() throws {
        let html = try #require(try SiteFixture.site()["index.html"])
        #expect(html.contains("role=\"img\" aria-label=\"Topic map of Test &lt;Scheme&gt;\""))
        #expect(html.contains("xlink:href=\"topics/robustness.html\""))
        #expect(html.contains("<a href=\"topics/security.html\">Security</a> <span class=\"count\">2</span>"))
        #expect(html.contains("<a class=\"chip\" href=\"kinds/weird-kind.html\">Weird kinds <span class=\"count\">1</span></a>"))
    }
}
