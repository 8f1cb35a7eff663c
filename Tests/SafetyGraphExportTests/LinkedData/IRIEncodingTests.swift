import Testing
@testable import SafetyGraphExport

/// A string of one code point Swift literals refuse (noncharacters).
private func scalar(_ value: UInt32) -> String { Unicode.Scalar(value).map { String(Character($0)) } ?? "" }

@Suite struct IRIEncodingTests {
    @Test(arguments: [
        "https://example.org/",
        "http://example.org/a/b?c=d&e=f#frag",
        "https://arxiv.org/abs/2501.07238",
        "https://example.org/%41%e9",
        "https://user:pw@example.org:8080/x",
        "https://[::1]:443/x",
        "https://example.org/é/😀?q=ü",
        "https://example.org/a(b)!$&'*+,;=:@~",
        "HTTPS://Example.ORG/Case",
    ])
    func validIRIsComeBackUnchanged(_ iri: String) {
        #expect(IRIEncoding.webIRI(iri) == iri)
        #expect(IRIEncoding.isValidWebIRI(iri))
    }

    @Test(arguments: [
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("https://example.org/{c}|d^e`f\\g", "https://example.org/%7Bc%7D%7Cd%5Ee%60f%5Cg"),
        ("https://example.org/?q=\"x\"<y>", "https://example.org/?q=%22x%22%3Cy%3E"),
        ("https://example.org/a#b#c", "https://example.org/a#b%23c"),
        ("https://example.org/100%", "https://example.org/100%25"),
        ("https://example.org/%zz", "https://example.org/%25zz"),
        ("https://example.org/\u{85}", "https://example.org/%C2%85"),  // C1 control
        ("https://example.org/" + scalar(0xFDD0), "https://example.org/%EF%B7%90"),  // a noncharacter
        ("https://example.org/\u{E000}?q=\u{E000}", "https://example.org/%EE%80%80?q=\u{E000}"),  // private use: query only
        ("https://example.org/\t\n", "https://example.org/%09%0A"),
        ("https://exa mple.org/", "https://exa%20mple.org/"),
        ("https://example.org:80a/", "https://example.org%3A80a/"),
        ("https://[zz]/", "https://%5Bzz%5D/"),
    ])
    func invalidCharactersArePercentEncoded(_ raw: String, _ expected: String) {
        let encoded = IRIEncoding.webIRI(raw)
        #expect(encoded == expected)
        #expect(encoded.map(IRIEncoding.isValidWebIRI) == true)  // encoding is idempotent
    }

    @Test(arguments: [
        "https://example.org/", "http://example.org/a/b?c=d&e=f#frag", "HTTPS://EXAMPLE.org:8080/x?y#z",
        "https://example.org/a#b#c", "https://example.org/100%", "https://example.org/%4", "https://example.org/%41",
        "https://exa_mple.org/", "https://user@example.org/", "https://a:b:c/", "https://example.org:/",
        "http\u{1A}//example.org/", "https:\u{1A}/example.org/", "https://example.org/a b", "https://example.org/é",
        "https://example.org/[x]", "https://[::1]/", "https://-./", "https://example.org/\u{7F}",
    ])
    func fastPathAgreesWithTheFullEncoder(_ raw: String) {
        #expect(IRIEncoding.webIRI(raw) == IRIEncoding.encodedWebIRI(raw))
    }

    @Test(arguments: ["", "example.org", "ftp://example.org/", "mailto:a@b.org", "https:/x", "https://", "javascript:alert(1)"])
    func nonWebLinksAreRefused(_ raw: String) {
        #expect(IRIEncoding.webIRI(raw) == nil)
    }

    @Test(arguments: [
        ("robustness", "robustness"),
        ("Tools", "Tools"),
        ("Adversarial Attacks", "Adversarial%20Attacks"),
        ("CI/CD", "CI%2FCD"),
        ("a?b#c", "a%3Fb%23c"),
        ("v1.2_x~y-z", "v1.2_x~y-z"),
        (".", "%2E"),
        ("..", "%2E%2E"),
        ("...x", "...x"),
        ("é", "%C3%A9"),
        ("e\u{301}", "e%CC%81"),
        ("100%", "100%25"),
        ("", ""),
    ])
    func segmentsEncodeEverythingButUnreservedASCII(_ text: String, _ expected: String) {
        #expect(IRIEncoding.segment(text) == expected)
    }

    @Test func distinctTextsGiveDistinctSegments() {
        let texts = ["a b", "a%20b", "a/b", "a%2Fb", ".", "%2E", "é", "e\u{301}", "A", "a"]
        #expect(Set(texts.map(IRIEncoding.segment)).count == texts.count)
    }
}

@Suite struct LinkedDataBaseTests {
    @Test func defaultIsThePlaceholder() {
        let base = LinkedDataBase.default
        #expect(base.iri == "https://example.org/safetygraph/")
        #expect(base.scheme == "https://example.org/safetygraph/scheme")
        #expect(base.concept("robustness") == "https://example.org/safetygraph/concepts/robustness")
        #expect(base.entry("arxiv-org-abs-1-0a1b2c3d") == "https://example.org/safetygraph/entries/arxiv-org-abs-1-0a1b2c3d")
        #expect(base.author(2, of: "e") == "https://example.org/safetygraph/entries/e/authors/2")
        #expect(base.publisher(of: "e") == "https://example.org/safetygraph/entries/e/publisher")
        #expect(base.tagging(1, of: "robustness", on: "e") == "https://example.org/safetygraph/entries/e/tags/robustness/1")
        #expect(base.section(["Tools", "Adversarial Attacks"]) == "https://example.org/safetygraph/sections/Tools/Adversarial%20Attacks")
        #expect(base.term("Tagging") == "https://example.org/safetygraph/vocab#Tagging")
    }

    @Test func aHashBaseMovesTheVocabularyOutOfTheFragment() throws {
        let base = try LinkedDataBase("https://data.example.net/kb#")
        #expect(base.term("rule") == "https://data.example.net/kb#vocab/rule")
        #expect(IRIEncoding.isValidWebIRI(base.term("rule")))
        #expect(IRIEncoding.isValidWebIRI(base.concept("x")))
    }

    @Test(arguments: [
        "https://example.org/", "http://example.org/sg/", "https://example.org/kb#", "https://example.org:8443/a/",
    ])
    func acceptsAbsoluteWebBases(_ iri: String) throws {
        #expect(try LinkedDataBase(iri).iri == iri)
    }

    @Test(arguments: [
        "", "example.org/", "/relative/", "ftp://example.org/", "https://example.org", "https://example.org/x",
        "https://example.org/a b/", "https://example.org/?q=/", "https:///", "https://example.org/a#b#",
        "https://example.org/{x}/",
    ])
    func refusesOtherBases(_ iri: String) {
        #expect(throws: LinkedDataBase.Problem.self) { try LinkedDataBase(iri) }
    }
}
