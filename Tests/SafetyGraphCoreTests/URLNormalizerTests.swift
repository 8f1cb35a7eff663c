import Testing
@testable import SafetyGraphCore

@Suite struct URLNormalizerTests {
    @Test(arguments: [
        ("https://www.Example.com/a/", "https://example.com/a"),
        ("http://example.com:80/a?utm_source=x&q=1#top", "https://example.com/a?q=1"),
        ("https://GitHub.com/Owner/Repo", "https://github.com/owner/repo"),
        ("https://example.com/#/route", "https://example.com#/route"),
        ("http://[2001:DB8::1]:8080/x", "https://[2001:db8::1]:8080/x"),
        ("https://user:pw@Example.org:443/", "https://example.org"),
    ])
    func normalizes(raw: String, expected: String) {
        #expect(URLNormalizer.normalize(raw) == expected)
    }

    @Test(arguments: ["javascript:alert(1)", "mailto:a@b.c", "https://", "ftp://x.org", "#anchor", "images/a.png",
                      "https://exa mple.com", "http://[::1", "http://[zz]/", "https://example.org:abc/x",
                      "https://example.org:123456/", "https://ex{am}ple.org/", "https://exa\u{202E}gro.elpm/",
                      "https://example.org/a\u{200B}b", "https://example.org/a\u{00A0}b"])
    func rejectsNonWeb(raw: String) {
        #expect(URLNormalizer.normalize(raw) == nil)
    }

    @Test func idIsStableAndReadable() {
        let id = URLNormalizer.entryID(forNormalized: "https://arxiv.org/abs/2501.07238")
        #expect(id.rawValue.hasPrefix("arxiv-org-abs-2501-07238-"))
        #expect(id.rawValue.count == "arxiv-org-abs-2501-07238-".count + 8)
        #expect(id == URLNormalizer.entryID(forNormalized: "https://arxiv.org/abs/2501.07238"))
        #expect(id != URLNormalizer.entryID(forNormalized: "https://arxiv.org/abs/2501-07238"))
    }
}
