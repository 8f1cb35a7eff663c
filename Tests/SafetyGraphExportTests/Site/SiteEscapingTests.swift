import Foundation
import Mustache
import Testing
@testable import SafetyGraphExport

@Suite struct SiteEscapingTests {
    // MARK: - HTML

    @Test(arguments: [
        ("plain", "plain"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a & b", "a &amp; b"),
        ("\" onmouseover=\"x", "&quot; onmouseover=&quot;x"),
        ("it's", "it&#39;s"),
        // A quote followed by a combining mark is one Character: it must still be escaped.
        ("\"\u{301} onfocus=x", "&quot;\u{301} onfocus=x"),
        ("<\u{338}", "&lt;\u{338}"),
        ("'\u{308}", "&#39;\u{308}"),
        ("tab\tnl\ncr\r", "tab\tnl\ncr\r"),
        ("émoji 🙂 עברית", "émoji 🙂 עברית"),
    ])
    func escapesForTextAndAttributes(input: String, expected: String) {
        #expect(HTMLEscaping.escape(input) == expected)
    }

    @Test func replacesCodePointsHTMLForbids() {
        // Controls other than tab, LF, FF and CR, and noncharacters, become U+FFFD.
        let values: [UInt32] = [0x61, 0x0, 0x62, 0x7, 0x63, 0x85, 0x64, 0xFFFE, 0x65, 0xFDD0, 0x1FFFF, 0x9, 0xA]
        let input = String(String.UnicodeScalarView(values.compactMap(Unicode.Scalar.init)))
        #expect(HTMLEscaping.escape(input) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}\u{FFFD}\t\n")
        #expect(HTMLEscaping.cleaned(input + "<") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}\u{FFFD}\t\n<")
    }

    @Test func swiftMustachesOwnEscapingMissesACombinedQuote() throws {
        // Why we use our own content type: the library compares Characters.
        let plain = try MustacheTemplate(string: "<a title=\"{{t}}\">").render(["t": "\"\u{301} x"])
        #expect(plain.unicodeScalars.filter { $0 == "\"" }.count == 3)
        var library = MustacheLibrary()
        _ = SafeHTMLContentType.registered
        library.register(try MustacheTemplate(string: SafeHTMLContentType.pragma + "\n<a title=\"{{t}}\">"), named: "t")
        let safe = try #require(library.render(["t": "\"\u{301} x"], withTemplate: "t"))
        #expect(safe == "<a title=\"&quot;\u{301} x\">")
    }

    // MARK: - Links

    @Test(arguments: [
        ("https://example.org/a", "https://example.org/a"),
        ("  http://example.org  ", "http://example.org"),
        ("HTTPS://Example.org/x?y=1#z", "HTTPS://Example.org/x?y=1#z"),
        ("mailto:someone@example.org", "mailto:someone@example.org"),
        ("https://example.org/q?a=\"b\"&c=<d>", "https://example.org/q?a=%22b%22&c=%3Cd%3E"),
        ("https://example.org/100%/x%41", "https://example.org/100%25/x%41"),
        ("https://example.org/a#b#c", "https://example.org/a#b%23c"),
    ])
    func allowsWebAndMailLinksMadeValid(raw: String, expected: String) {
        #expect(SafeLink.href(raw) == expected)
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:x", "/relative/path", "relative.html", "../up",
        "//evil.example/x", "https:///nohost", "https:", "ftp://example.org", "mailto:", "", "https://a b.org",
        "https://example.org/\u{0}",
    ])
    func refusesEverythingElse(raw: String) {
        #expect(SafeLink.href(raw) == nil)
        #expect(!SafeLink.isAllowed(raw))
    }

    // MARK: - JSON in <script>

    @Test func scriptJSONCannotCloseTheElement() throws {
        let value = ["t": "</script><script>alert(1)</script> <!-- & \u{2028}\u{2029} \u{7F}"]
        let text = try ScriptJSON.encode(value)
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        #expect(!text.unicodeScalars.contains("\u{2028}") && !text.unicodeScalars.contains("\u{2029}"))
        #expect(text.contains("\\u003c/script\\u003e"))
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(text.utf8))
        #expect(decoded == value)
    }

    @Test func scriptJSONEscapesForbiddenCodePointsAboveTheBMP() throws {
        let scalars: [UInt32] = [0x61, 0x1FFFE, 0x62, 0x85]
        let value = ["t": String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init)))]
        let text = try ScriptJSON.encode(value)
        #expect(text.contains("\\ud83f\\udffe") && text.contains("\\u0085"))
        #expect(try JSONDecoder().decode([String: String].self, from: Data(text.utf8)) == value)
    }
}
