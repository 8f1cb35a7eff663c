import Foundation
import Testing
import SafetyGraphCore
import SafetyGraphMarkdown

/// Rules of what is and is not an entry, on small inputs written for the purpose.
@Suite struct IngestBehaviourTests {
    let ingester = MarkdownIngester()

    func ingest(_ text: String, path: String = "list.md") -> IngestResult {
        ingester.ingest(text: text, path: path)
    }

    @Test func navigationSectionsAndEverythingUnderThemAreSkipped() {
        let result = ingest("""
        # Awesome Things

        ## 📚 Table of Contents
        * [Tools](#tools)
        * [External index](https://example.org/index)

        ## Tools
        * [Real Tool](https://example.org/tool) - does things

        ## Contributing
        ### How to add
        * [Guidelines](https://example.org/guidelines)

        ## :star: About Us
        * [Our site](https://example.org/us)
        """)
        #expect(result.entries.map(\.title) == ["Real Tool"])
        #expect(result.entries.first?.sectionPaths == [["Tools"]])
    }

    @Test func badgesAnchorsImagesAndBackToTopAreNotEntries() {
        let result = ingest("""
        ## Section
        * [![Stars](https://img.shields.io/github/stars/a/b)](https://github.com/a/b)
        * [Jump](#section)
        * ![logo](https://example.org/logo.png)
        * <small>[🔼 Back to top](https://example.org/list#top)</small>
        * [Relative](docs/guide.md)
        * [Real](https://example.org/real) ![Stars](https://img.shields.io/github/stars/a/b)
        """)
        #expect(result.entries.map(\.title) == ["Real"])
        #expect(result.entries.first?.otherURLs == [])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func unreadableItemsAreWarningsWithTheirLine() throws {
        let seed = try Corpus.ingest("seed-awesome-safety-critical-ai.md")
        let warnings = seed.diagnostics(code: "unparseable-item")
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: Corpus.path("seed-awesome-safety-critical-ai.md"), line: 234, column: 1))
        #expect(warning.message.contains("MITRE ATLAS"))
        #expect(seed.entries.allSatisfy { !$0.title.hasPrefix("MITRE ATLAS") })

        let small = ingest("""
        ## Links
        * [Script](javascript:alert(1))
        * [Empty]()
        * [Bare domain](example.org)
        * [](https://example.org/untitled)
        * [Fine](https://example.org/fine)
        """)
        #expect(small.entries.map(\.title) == ["Fine"])
        #expect(small.diagnostics(code: "unparseable-item").compactMap { $0.location?.line } == [2, 3, 4, 5])
    }

    @Test func crlfCrAndBomGiveTheSameEntriesAsLF() throws {
        let lf = try [UInt8](Data(contentsOf: Corpus.directory.appendingPathComponent("seed-awesome-safety-critical-ai.md")))
        var crlf: [UInt8] = [0xEF, 0xBB, 0xBF]
        var cr: [UInt8] = []
        for byte in lf {
            if byte == 0x0A {
                crlf += [0x0D, 0x0A]
                cr.append(0x0D)
            } else {
                crlf.append(byte)
                cr.append(byte)
            }
        }
        let expected = ingester.ingest(bytes: lf, path: "seed.md")
        #expect(expected.entries.count == 126)
        for variant in [crlf, cr] {
            let result = ingester.ingest(bytes: variant, path: "seed.md")
            #expect(result.entries == expected.entries)
            #expect(result.diagnostics == expected.diagnostics)
        }
    }

    @Test func sameURLAcrossTwoListsIsOneEntryWithBothSectionsAndAWarning() throws {
        let first = ingest("""
        # List A
        ## Tools
        * [Foolbox](https://github.com/bethgelab/foolbox) - adversarial attacks
        """, path: "a.md")
        let second = ingest("""
        # List B
        ## Robustness
        ### Libraries
        * [foolbox](http://www.github.com/BethgeLab/Foolbox/) - a Python toolbox `attacks`
        """, path: "b.md")
        let merged = EntryMerger.merge([first.entries, second.entries])
        #expect(merged.entries.count == 1)
        let entry = try #require(merged.entries.first)
        #expect(entry.title == "Foolbox")  // scalars from the first list
        #expect(entry.url == "https://github.com/bethgelab/foolbox")
        #expect(entry.description == "adversarial attacks")
        #expect(entry.keywords == ["attacks"])  // unions fill from the second
        #expect(entry.sectionPaths == [["Robustness", "Libraries"], ["Tools"]])
        #expect(entry.sources == [SourceLocation(file: "a.md", line: 3), SourceLocation(file: "b.md", line: 4)])
        let warning = try #require(merged.diagnostics.first)
        #expect(merged.diagnostics.count == 1)
        #expect(warning.code == "duplicate-url")
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: "b.md", line: 4))
        #expect(warning.message.contains("a.md:3"))
    }

    @Test func documentTitleIsDroppedOnlyWhenItHoldsNoEntries() {
        let titled = ingest("# Awesome X\nIntro with [a link](https://example.org/intro).\n## Tools\n* [T](https://example.org/t)\n")
        #expect(titled.entries.first?.sectionPaths == [["Tools"]])
        let sectionFirst = ingest("# Tools\n* [T](https://example.org/t)\n# Papers\n* [P](https://example.org/p)\n")
        #expect(sectionFirst.entries.map(\.sectionPaths) == [[["Papers"]], [["Tools"]]])
        let setext = ingest("Awful List\n===\n\n## Cases\n| Name | References |\n|---|---|\n| Case | [Ref](https://example.org/r) |\n")
        #expect(setext.entries.first?.sectionPaths == [["Cases"]])
        #expect(setext.entries.first?.title == "Case")
    }

    @Test func kindsComeFromTheDeepestMatchingSection() {
        let result = MarkdownIngester(rules: Corpus.kindRules).ingest(text: """
        ## 🛠️ Tools
        ### Papérs
        * (Doe, 2020) [Paper in tools](https://example.org/p)
        ### Misc
        * [Thing](https://example.org/t)
        ## Other
        * [Repo](https://github.com/o/r/tree/main/sub)
        * [Gist](https://gist.github.com/o/abc)
        """, path: "k.md")
        let byTitle = Dictionary(uniqueKeysWithValues: result.entries.map { ($0.title, $0) })
        #expect(byTitle["Paper in tools"]?.kind == .article)  // diacritic-insensitive, deepest wins
        #expect(byTitle["Paper in tools"]?.authors == ["Doe"])  // article: a one-name citation is an author
        #expect(byTitle["Thing"]?.kind == .tool)
        #expect(byTitle["Repo"]?.kind == .tool)
        #expect(byTitle["Repo"]?.githubRepo == "o/r")
        #expect(byTitle["Gist"]?.kind == .resource)
        #expect(byTitle["Gist"]?.githubRepo == nil)
    }

    @Test func missingFilesDirectoriesAndBadEncodingAreErrors() throws {
        #expect(throws: IngestError.missingFile(path: "no/such.md")) {
            try MarkdownIngester().ingest(fileAt: "no/such.md")
        }
        #expect(throws: IngestError.isDirectory(path: Corpus.directory.path)) {
            try MarkdownIngester().ingest(fileAt: Corpus.directory.path)
        }
        let invalid = ingester.ingest(bytes: Array("# T\n* [a](https://e.org)\nbad \u{FF}".utf8) + [0xFF, 0xFE], path: "x.md")
        #expect(invalid.entries.isEmpty)
        #expect(invalid.diagnostics.map(\.code) == ["invalid-utf8"])
        #expect(invalid.diagnostics.first?.location == SourceLocation(file: "x.md", line: 3, column: 7))
        #expect(invalid.diagnostics.first?.description.hasPrefix("x.md:3:7: error:") == true)
        #expect(IngestError.missingFile(path: "a.md").exitCode == 66)
    }
}
