import Testing
import Foundation
@testable import SafetyGraphCore

@Suite struct URLNormalizerTests {
    @Test(arguments: [
        ("https://www.Example.com/a/", "https://example.com/a"),
        ("http://example.com:80/a?utm_source=x&q=1#top", "https://example.com/a?q=1"),
        ("https://GitHub.com/Owner/Repo", "https://github.com/owner/repo"),
        ("https://example.com/#/route", "https://example.com#/route"),
        ("http://[2001:DB8::1]:8080/x", "https://[2001:db8::1]:8080/x"),
        ("https://user:pw@Example.org:443/", "https://example.org"),
        // Found by the fuzzer: the host is normalised apart from the port, as often as it takes.
        ("https://www.www.example.org/a", "https://example.org/a"),
        ("https://example.org.:8080/", "https://example.org:8080"),
        ("https://Example.org.:443/x", "https://example.org/x"),
        ("https://example.org:/x", "https://example.org/x"),
        ("http://[::1]:80/", "https://[::1]"),
    ])
    func normalizes(raw: String, expected: String) {
        #expect(URLNormalizer.normalize(raw) == expected)
    }

    /// Normalising twice gives what normalising once gave: entry ids come from the normal form, and lists merge
    /// by it. (The fuzzer found `http://s..` giving `https://s.`, then `https://s`.)
    @Test(arguments: [
        "http://s..", "https://example.org...", "https://example.org:443.", "https://www.www.www.example.org",
        "https://a:443:80/", "https://www.:443/", "https://www.example.org.:80/x/?utm_source=a&b#/r",
        "https://user@www.GitHub.com/Owner/Repo/", "http://[2001:db8::1]:443", "https://example.org:0443/",
    ])
    func normalisingIsIdempotent(raw: String) {
        if let once = URLNormalizer.normalize(raw) {
            #expect(URLNormalizer.normalize(once) == once, "\(raw) → \(once)")
        }
    }

    @Test(arguments: ["javascript:alert(1)", "mailto:a@b.c", "https://", "ftp://x.org", "#anchor", "images/a.png",
                      "https://exa mple.com", "http://[::1", "http://[zz]/", "https://example.org:abc/x",
                      "https://example.org:123456/", "https://ex{am}ple.org/", "https://exa\u{202E}gro.elpm/",
                      "https://example.org/a\u{200B}b", "https://example.org/a\u{00A0}b",
                      // Empty host labels (fuzzer): not a web address.
                      "http://s..", "https://example..org/", "https://example.org:443.", "https://a:443:80/"])
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

/// The byte-level path for printable-ASCII URLs must give exactly what the general path gives: every URL written
/// in the corpora, and each of them bent in the ways the rules care about.
@Suite struct URLNormalizerFastPathTests {
    static let corpusURLs: [String] = {
        var root = URL(fileURLWithPath: #filePath)
        while root.path != "/" {
            root.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { break }
        }
        let corpora = root.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpora.path)) ?? []
        var urls = Set<String>()
        for name in names where name.hasSuffix(".md") {
            guard let text = try? String(contentsOf: corpora.appendingPathComponent(name), encoding: .utf8) else { continue }
            for piece in text.split(whereSeparator: { " \n\t()[]<>\"'".contains($0) }) where piece.contains("://") {
                urls.insert(String(piece[(piece.range(of: "http")?.lowerBound ?? piece.startIndex)...]))
            }
        }
        return urls.sorted()
    }()

    static let bends: [@Sendable (String) -> String] = [
        { $0 }, { $0.uppercased() }, { "<" + $0 + ">" }, { $0 + "/" }, { $0 + "//?utm_source=x&&=&a=B#/R" },
        { $0 + "?fbclid=1#top" }, { $0.replacingOccurrences(of: "://", with: "://User:Pw@WWW.www.") },
        { $0.replacingOccurrences(of: "://", with: ":/") }, { $0.replacingOccurrences(of: ".", with: "..") },
        { $0.replacingOccurrences(of: "/", with: ":443/") }, { $0.replacingOccurrences(of: "://", with: "://[::1]:80") },
        { $0.replacingOccurrences(of: "://", with: "://a.b.:") }, { $0.replacingOccurrences(of: "s", with: "|") },
        { $0.replacingOccurrences(of: "://", with: "://.") }, { "HtTpS" + $0.drop { $0 != ":" } + "#!x?y" },
    ]

    @Test func printableASCIIPathAgreesWithTheGeneralPath() throws {
        try #require(Self.corpusURLs.count > 1000, "the corpora in ../shared/corpora are needed")
        var compared = 0
        for url in Self.corpusURLs {
            for bend in Self.bends {
                let raw = bend(url)
                guard let fast = URLNormalizer.normalizePrintableASCII(raw) else { continue }
                #expect(fast == URLNormalizer.normalizeAnyText(raw), "\(raw)")
                compared += 1
            }
        }
        #expect(compared > 10_000)
    }

    /// The query on bytes keeps what the character split keeps, on queries built from the pieces its rules look at
    /// (empty items, leading and repeated `=`, tracking names in any case, names that only start like one) and on
    /// seeded random ones.
    @Test func queryOnBytesAgreesWithTheCharacterSplit() {
        let pieces = ["", "&", "=", "==", "a", "A=b", "utm_", "UTM_x=1", "utm", "utm_=", "=utm_a", "fbclid", "FbClid=2",
            "fbclids", "gclid=", "=gclid", "xgclid", "?", "#", "%26", "a=b=c", "ü"]
        var queries: [String] = []
        for a in pieces { for b in pieces { for c in ["", "&", "=", "&utm_z", "&k=v"] { queries.append(a + b + c) } } }
        var generator = RandomGraph.Generator(state: 11)
        let alphabet = Array("&=_autmUTMfbclidgGx1?")
        for _ in 0..<5_000 {
            let length = generator.next(16)
            queries.append(String((0..<length).map { _ in alphabet[generator.next(alphabet.count)] }))
        }
        var compared = 0
        for query in queries where query.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            let kept = URLNormalizer.keptQueryItems(query[...])
            let expected = kept.isEmpty ? "" : "?" + kept.joined(separator: "&")
            var copy = query
            let written = copy.withUTF8 { bytes in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { buffer in
                    var out = ASCIIOutput(buffer)
                    URLNormalizer.appendKeptASCIIQuery(bytes, to: &out)
                    return out.string
                }
            }
            #expect(written == expected, "\(query)")
            compared += 1
        }
        #expect(compared > 5_000)
    }

    /// The id as first defined, scalar by scalar on Characters: the byte version must give exactly this.
    static func referenceEntryID(_ normalized: String) -> String {
        let body = normalized.hasPrefix("https://") ? String(normalized.dropFirst(8)) : normalized
        var slug = ""
        var lastWasHyphen = true
        for scalar in body.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9":
                slug.unicodeScalars.append(scalar)
                lastWasHyphen = false
            case "A"..."Z":
                slug.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
                lastWasHyphen = false
            default:
                if !lastWasHyphen { slug.append("-") }
                lastWasHyphen = true
            }
        }
        if slug.count > 48 {
            slug = String(slug.prefix(48))
            if let cut = slug.lastIndex(of: "-"), slug.distance(from: slug.startIndex, to: cut) >= 24 {
                slug = String(slug[..<cut])
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "entry" }
        return slug + "-" + String(format: "%08x", URLNormalizer.fnv1a(normalized))
    }

    @Test func entryIDsOnBytesEqualTheCharacterDefinition() throws {
        try #require(Self.corpusURLs.count > 1000, "the corpora in ../shared/corpora are needed")
        var texts = ["", "https://", "https:///", "https://\u{301}x", "http://X", "é", "https://é.org/ü?q=ñ#😀", "-a-",
            String(repeating: "ab-", count: 30), String(repeating: "a", count: 60), String(repeating: "é", count: 40),
            "https://" + String(repeating: "x", count: 23) + "-" + String(repeating: "y", count: 40),
            "https://" + String(repeating: "x", count: 24) + "-" + String(repeating: "y", count: 40)]
        for url in Self.corpusURLs {
            texts.append(url)
            texts.append(URLNormalizer.normalize(url) ?? url)
            texts.append(url.uppercased())
        }
        for text in texts {
            #expect(URLNormalizer.entryID(forNormalized: text).rawValue == Self.referenceEntryID(text), "\(text.debugDescription)")
        }
    }

    /// `hasASCIIPrefix` decides on bytes what `hasPrefix` decides on characters: texts with combining marks,
    /// joiners, CR LF and non-ASCII letters put before, inside, right after and well after each prefix, cut short,
    /// empty, and random text.
    @Test func asciiPrefixOnBytesAgreesWithHasPrefix() {
        let prefixes: [StaticString] = ["https://", "https://github.com/", "h", "a\r", "\r", "é"]
        let starts = ["", "h", "http", "https:/", "https://", "HTTPS://", "https://github.com", "https://github.com/",
            "https://github.comx/", "a\r", "\r", "é"]
        let joins = ["", "\u{301}", "\u{200D}", "\r\n", "\r", "\n", "x", "/", "é", "e\u{301}", "😀", "\u{FE0F}", " ",
            "\u{0}", "\u{7F}", "\u{338}", "\u{1F3FB}"]
        var texts: [String] = []
        for start in starts {
            for join in joins {
                for cut in 0...start.unicodeScalars.count {
                    let scalars = Array(start.unicodeScalars)
                    var head = String.UnicodeScalarView()
                    head.append(contentsOf: scalars[..<cut])
                    var tail = String.UnicodeScalarView()
                    tail.append(contentsOf: scalars[cut...])
                    texts.append(String(head) + join + String(tail))
                    texts.append(String(head) + join + String(tail) + "example.org")
                }
            }
        }
        var generator = RandomGraph.Generator(state: 99)
        let alphabet = Array("htps:/gitubcom.\r\n\u{301}é ".unicodeScalars)
        for _ in 0..<5_000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<generator.next(24) { view.append(alphabet[generator.next(alphabet.count)]) }
            texts.append("https://" + String(view))
            texts.append(String(view))
        }
        for text in texts {
            for prefix in prefixes {
                #expect(text.hasASCIIPrefix(prefix) == text.hasPrefix(prefix.description), "\(text.debugDescription) \(prefix)")
            }
        }
        // Plain URLs are decided on their bytes.
        var plain = "https://github.com/a/b"
        #expect(plain.withUTF8 { URLNormalizer.asciiPrefixDecision($0, "https://github.com/") } == true)
        #expect(plain.withUTF8 { URLNormalizer.asciiPrefixDecision($0, "https://gitlab.com/") } == false)
    }

    @Test(arguments: ["https://exa mple.org", " https://example.org", "https://exämple.org", "https://example.org\u{7F}"])
    func otherTextTakesTheGeneralPath(raw: String) {
        #expect(URLNormalizer.normalizePrintableASCII(raw) == nil)
    }
}
