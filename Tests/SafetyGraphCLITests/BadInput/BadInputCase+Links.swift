import Foundation
import Testing

// MARK: - Links and Unicode in lists

/// Decisions: a link that is meant as an entry's link but is not an absolute http(s) URL (`javascript:`, `data:`,
/// `//host`, a malformed URL, an empty one) is a warning at its `file:line:column` and no entry; a relative link
/// (`../other.md`, `#anchor`) points into the list's own repository and is silently not an entry. Bidirectional
/// controls are removed from entries with one warning per file; zero-width characters are removed silently.
extension BadInputCase {
    static let links: [BadInputCase] = [
        brokenLink("javascript", "[Click](javascript:alert(document.cookie))", "'javascript:alert(document.cookie)'"),
        brokenLink("data", "[Data](data:text/html,<script>alert(1)</script>)", "'data:text/html,<script>alert(1)</script>'"),
        brokenLink("vbscript in capitals", "[VB](VBScript:msgbox)", "'VBScript:msgbox'"),
        brokenLink("protocol-relative", "[Elsewhere](//evil.example/x)", "'//evil.example/x'"),
        brokenLink("scheme without host", "[Nothing](http://)", "'http://'"),
        brokenLink("unclosed IPv6 literal", "[Local](http://[::1)", "'http://[::1'"),
        brokenLink("port that is not a number", "[Port](https://example.org:abc/x)", "'https://example.org:abc/x'"),
        brokenLink("braces in the host", "[Braces](https://ex{am}ple.org/)", "'https://ex{am}ple.org/'"),
        brokenLink("bare domain", "[Bare](example.org/paper)", "'example.org/paper'"),
        BadInputCase(
            "md: an empty link target", files: [("list.md", list("* [Empty]()"))], build("list.md"), status: 0,
            stderr: ["list.md:5:1: warning: list item looks like an entry but its link 'Empty' has an empty URL"]),
        BadInputCase(
            "md: lint exits 1 on a javascript: link and names file:line",
            files: [("list.md", list("* [Formal verification](https://example.org/ok)", "* [Click](javascript:alert(1))"))],
            lint("list.md"), status: 1,
            stdout: ["list.md:6:1: warning: list item looks like an entry but its link 'Click'", "[unparseable-item]"]),
        BadInputCase(
            "md: relative links are not entries and not warnings",
            files: [("list.md", list("* [Formal verification](https://example.org/ok)", "* [Contributing](../CONTRIBUTING.md)", "* [Up](#a-list)"))],
            build("list.md"), status: 0, stdout: ["built 1 entries (1 tags, 0 untagged, 0 warnings)"]),
        BadInputCase(
            "md: a bidi override inside a URL's host",
            files: [("list.md", list("* [Spoof](https://exa\u{202E}gro.elpm/x)"))], build("list.md"), status: 0,
            stderr: [
                "list.md:5:22: warning: U+202E is a bidirectional control character",
                "list.md:5:1: warning: list item looks like an entry but its link 'Spoof' points to 'https://exa\\u202Egro.elpm/x'",
            ],
            stdout: ["built 0 entries"]),
        BadInputCase(
            "md: an escape sequence in a link is shown escaped",
            files: [("list.md", list("* [Clear](javascript:\u{1B}[2J)"))], build("list.md"), status: 0,
            stderr: ["list.md:5:1: warning:", "'javascript:\\u001B[2J'"]),
    ]

    /// A list whose only item has a link that cannot be an entry's: a warning naming `list.md:5:1` and the target.
    static func brokenLink(_ what: String, _ item: String, _ quotedTarget: String) -> BadInputCase {
        BadInputCase(
            "md: link, \(what)", files: [("list.md", list("* \(item) - a description"))], build("list.md"), status: 0,
            stderr: ["list.md:5:1: warning: list item looks like an entry but its link", "points to \(quotedTarget), which is not an http(s) URL; it is not an entry"],
            stdout: ["built 0 entries"])
    }

    static let unicode: [BadInputCase] = [
        BadInputCase(
            "md: a right-to-left override in a title",
            files: [("list.md", list("* [\u{202E}gnitset lamrof](https://example.org/rtl) - reversed"))],
            build("list.md"), status: 0,
            stderr: ["list.md:5:4: warning: U+202E is a bidirectional control character, which can make text display in another order than it is read (1 in this file)"],
            check: { (run) throws in #expect(try run.entries().first?["title"] as? String == "gnitset lamrof") }),
        BadInputCase(
            "md: bidi isolates in a title are counted once per file",
            files: [("list.md", list("* [\u{2066}Testing\u{2069}](https://example.org/iso)", "* [A \u{2067}b\u{2069}](https://example.org/b)"))],
            build("list.md"), status: 0, stderr: ["list.md:5:4: warning: U+2066 is a bidirectional control", "(4 in this file)"],
            check: { (run) throws in #expect(try run.entries().compactMap { $0["title"] as? String }.sorted() == ["A b", "Testing"]) }),
        BadInputCase(
            "md: zero-width characters in a title are removed",
            files: [("list.md", list("* [Zero\u{200B}width\u{2060} test\u{FEFF}ing](https://example.org/zw)"))],
            build("list.md"), status: 0, absent: ["warning:"],
            check: { (run) throws in #expect(try run.entries().first?["title"] as? String == "Zero width testing") }),
        BadInputCase(
            "md: a title of only invisible characters is no title",
            files: [("list.md", list("* [\u{200B}\u{200C}\u{200D}\u{2060}](https://example.org/invisible)"))],
            build("list.md"), status: 0,
            stderr: ["list.md:5:1: warning: list item has a link but no title; it is not an entry"], stdout: ["built 0 entries"]),
        BadInputCase(
            "md: control characters in a title are removed",
            files: [("list.md", list("* [Bell\u{07} and \u{1B}c reset\u{7F}](https://example.org/ctl)"))],
            build("list.md"), status: 0,
            check: { (run) throws in #expect(try run.entries().first?["title"] as? String == "Bell and c reset") }),
        BadInputCase(
            "md: headings that are only emoji add no section",
            files: [
                (
                    "list.md",
                    .text("# Title\n\n## 🚀🔥\n\n* [A](https://example.org/e1)\n\n## 👩🏽‍🚀\n\n* [B](https://example.org/e2)\n\n## 🇪🇺 Articles ✨\n\n* [C](https://example.org/e3)\n")
                )
            ],
            build("list.md"), status: 0, stdout: ["built 3 entries"],
            check: { (run) throws in
                let entries = try run.entries()
                let paths = Dictionary(uniqueKeysWithValues: entries.map { ($0["title"] as? String ?? "", $0["sectionPaths"] as? [[String]] ?? []) })
                #expect(paths == ["A": [[]], "B": [[]], "C": [["Articles"]]])
                #expect(entries.first { $0["title"] as? String == "C" }?["kind"] as? String == "article")
            }),
        BadInputCase(
            "md: emoji-only, combining and astral titles are kept",
            files: [("list.md", list("* [🛡️](https://example.org/shield)", "* [e\u{301}\u{301}\u{301} 𝔘𝔫𝔦](https://example.org/zalgo)"))],
            build("list.md"), status: 0, stdout: ["built 2 entries"],
            check: { (run) throws in
                let titles = try run.entries().compactMap { $0["title"] as? String }
                #expect(Set(titles) == ["🛡️", "e\u{301}\u{301}\u{301} 𝔘𝔫𝔦"])
            }),
    ]
}
