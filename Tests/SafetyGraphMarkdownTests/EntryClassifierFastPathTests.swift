import Foundation
import SafetyGraphCore
import Testing
@testable import SafetyGraphMarkdown

/// `githubRepository` reads `owner/repo` on bytes for ASCII URLs; these tests hold that path to the character path
/// on every GitHub URL of the corpora, bent in the ways the rules care about, and on hostile text.
@Suite struct EntryClassifierFastPathTests {
    static let corpusURLs: [String] = {
        var urls = Set<String>()
        for name in Corpus.files {
            guard let text = try? String(contentsOfFile: Corpus.path(name), encoding: .utf8) else { continue }
            for piece in text.split(whereSeparator: { " \n\t()[]<>\"'".contains($0) }) where piece.contains("://") {
                urls.insert(String(piece[(piece.range(of: "http")?.lowerBound ?? piece.startIndex)...]))
            }
        }
        return urls.sorted()
    }()

    static let bends: [@Sendable (String) -> String] = [
        { $0 }, { $0.uppercased() }, { $0 + "/" }, { $0 + ".git" }, { $0 + ".GiT/" }, { $0 + "/tree/main" },
        { $0 + "/TREE/main" }, { $0 + "/blob/x" }, { $0 + "?tab=readme#x" }, { $0 + "#/a/b" }, { $0 + "//x" },
        { $0.replacingOccurrences(of: "github.com/", with: "github.com//") },
        { $0.replacingOccurrences(of: "github.com/", with: "GitHub.COM/topics/") },
        { $0.replacingOccurrences(of: "github.com/", with: "github.com/Settings/") },
        { $0.replacingOccurrences(of: "github.com/", with: "github.com/?/") },
        { $0.replacingOccurrences(of: "/", with: "\r\n/") }, { $0 + "é" }, { $0 + "/e\u{301}" },
        { String($0.prefix(while: { $0 != "m" })) + "m/" },
    ]

    @Test func asciiPathAgreesWithTheCharacterPath() throws {
        try #require(Self.corpusURLs.count > 1000, "the corpora in ../shared/corpora are needed")
        var texts = ["", "github.com/", "github.com/a", "github.com/a/b", "github.com/a/.git", "github.com/a/.GIT/tree",
            "x github.com/ github.com/a/b", "github.com/a/b?c/d", "github.com/a#/b", "GITHUB.COM/A/B/TREE",
            "github.com/a/b/tree/", "github.com/a//b", "github.com/a/b\u{0}", "github.com/\u{7F}/\u{1}"]
        for url in Self.corpusURLs where url.lowercased().contains("github.com/") {
            for bend in Self.bends { texts.append(bend(url)) }
        }
        let byBytes = fastPathDecisions(
            on: texts, fast: { EntryClassifier.asciiRepository(inTrimmed: $0) },
            reference: { EntryClassifier.repositoryByCharacters(inTrimmed: $0) })
        #expect(byBytes > 1_000)
        #expect(EntryClassifier.asciiRepository(inTrimmed: "https://github.com/é/x") == nil)
        #expect(EntryClassifier.githubRepository(of: "https://GitHub.com/Owner/Repo.git") == "Owner/Repo")
    }

    /// The section's kind, looked up once per key, is the rules' own reading: the deepest component that some rule
    /// names wins, and of the rules naming it the first; names compared by their keys (case, diacritics, emoji).
    @Test func sectionKindIsTheFirstRuleNamingTheDeepestComponent() {
        let place = SafetyGraphCore.SourceLocation(file: "rules.yaml", line: 1)
        let rules = IngestRules(navigationSections: [], kindRules: [
            KindRule(kind: .article, sections: ["Papers", "Surveys"], location: place),
            KindRule(kind: .tool, sections: ["Tools", "papers", "Libraries"], location: place),
            KindRule(kind: .book, sections: ["Books", "Tools", "Études"], location: place),
            KindRule(kind: .course, sections: ["📚 Courses"], location: place),
        ], authorCitationKinds: [])
        let classifier = EntryClassifier(rules: rules)
        func reference(_ keys: [String]) -> EntryKind? {
            for key in keys.reversed() {
                if let rule = rules.kindRules.first(where: { $0.sections.map(TextNormalizer.comparisonKey).contains(key) }) {
                    return rule.kind
                }
            }
            return nil
        }
        let names = ["Papers", "PAPERS", "Surveys", "Tools", "Libraries", "Books", "Etudes", "Études", "Courses", "Other", ""]
        var compared = 0
        for a in names { for b in names { for c in names {
            let keys = [a, b, c].map(TextNormalizer.comparisonKey)
            #expect(classifier.sectionKind(forSectionKeys: keys) == reference(keys), "\(keys)")
            compared += 1
        } } }
        #expect(classifier.sectionKind(forSectionKeys: ["papers"]) == .article)
        #expect(classifier.sectionKind(forSectionKeys: ["tools"]) == .tool)
        #expect(classifier.sectionKind(forSectionKeys: ["tools", "courses", "other"]) == .course)
        #expect(classifier.sectionKind(forSectionKeys: []) == nil)
        #expect(compared == 1_331)
    }
}
