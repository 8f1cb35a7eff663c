import Foundation
import Testing
import SafetyGraphCore
@testable import SafetyGraphMarkdown

/// A large document is cut at headings and its parts parsed one after another while earlier parts are read
/// (`PartwiseExtraction`). Whatever the cuts, the entries (sources and lines included) and diagnostics must be
/// the whole document's; where a cut would change the parse, the document must be read whole instead.
@Suite struct PartwiseExtractionTests {
    /// Reads `text` both ways; nil when the partwise reader declined.
    static func compare(_ text: String, partBytes: Int, rules: IngestRules = Corpus.kindRules) -> Bool? {
        let whole = EntryExtractor(tree: MarkdownTree.parse(text), path: "doc.md", rules: rules).extract()
        guard let read = PartwiseExtraction.extractParts(text, path: "doc.md", rules: rules, partBytes: partBytes) else {
            return nil
        }
        let parts = (entries: Array(read.parts.joined()), diagnostics: read.diagnostics)
        #expect(parts.entries.count == whole.entries.count)
        if let first = zip(parts.entries, whole.entries).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("entry \(first): \(parts.entries[first]) differs from \(whole.entries[first])")
        }
        #expect(parts.diagnostics == whole.diagnostics)
        return true
    }

    @Test(arguments: [1, 2_000, 50_000])
    func everyCorpusReadInPartsGivesWhatItGivesWhole(partBytes: Int) throws {
        try #require(!Corpus.files.isEmpty, "the corpora in ../shared/corpora are needed")
        var cut = 0
        for name in Corpus.files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Corpus.path(name))))
            guard case .success(let decoded) = SourceText.decode(bytes, path: name) else { continue }
            if Self.compare(decoded.text, partBytes: partBytes) == true { cut += 1 }
        }
        #expect(cut >= 5, "most corpora have headings after blank lines, so they are cut")
    }

    /// Every corpus under its own `#` heading, as the scale benchmark builds its catalogue.
    @Test func allCorporaTogetherReadInPartsGiveWhatTheyGiveWhole() throws {
        try #require(!Corpus.files.isEmpty, "the corpora in ../shared/corpora are needed")
        var text = ""
        for name in Corpus.files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Corpus.path(name))))
            guard case .success(let decoded) = SourceText.decode(bytes, path: name) else { continue }
            text += "# \(name)\n\n" + decoded.text + "\n\n"
        }
        for partBytes in [10_000, 300_000] {
            #expect(Self.compare(text, partBytes: partBytes) == true)
        }
    }

    /// Documents built around each way a cut could go wrong; each is read both ways, cut before every heading that
    /// follows a blank line.
    @Test func documentsBuiltToBreakTheCutsAreReadAsWhole() {
        let entry = "- [Tool](https://example.org/tool) - a tool.\n"
        let blocks = [
            "# Title\n", "## Tools\n", "# Contents\n", entry, "- [Other](https://example.org/other)\n  - by Ada Lovelace\n",
            "```\n", "~~~~\n", "    indented code\n", "<!-- comment\n", "-->\n", "<pre>\n", "</pre>\n", "<div>\n",
            "> quoted [Q](https://example.org/q)\n", "| Name | Link |\n|---|---|\n| A | [A](https://example.org/a) |\n",
            "1. [One](https://example.org/one)\n", "text paragraph\n", "#not a heading\n", "####### seven\n", "\n", "\n",
            "\n# Section\n", "\n## Papers\n", "\n### Table of contents\n", "\n# About\n",
        ]
        var generator = SplitMix64(seed: 7)
        var declined = 0
        var compared = 0
        for _ in 0..<1_000 {
            var text = ""
            for _ in 0..<(6 + Int(generator.next() % 30)) {
                text += blocks[Int(generator.next() % UInt64(blocks.count))]
            }
            let bytes = Array(text.utf8)
            guard bytes.withUnsafeBufferPointer({ MarkdownChunks.cuts($0, partBytes: 1) }) != nil else { continue }
            switch Self.compare(text, partBytes: 1) {
            case nil: declined += 1
            case _?: compared += 1
            }
        }
        #expect(compared > 200)
        #expect(declined > 50, "open fences and HTML blocks make some documents be read whole")
    }

    @Test func aFenceOpenAcrossAHeadingIsReadWhole() {
        let text = "# A\n\n- [X](https://example.org/x)\n\n```\n\n# B\n\n- [Y](https://example.org/y)\n```\n\n# C\n\n- [Z](https://example.org/z)\n"
        #expect(Self.compare(text, partBytes: 1) == nil)
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { MarkdownChunks.cuts($0, partBytes: 1)?.count } == 3)
    }

    @Test func aReferenceDefinitionAnywhereStopsTheCuts() {
        let text = "# A\n\n- [X][x]\n\n# B\n\n[x]: https://example.org/x\n"
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { MarkdownChunks.cuts($0, partBytes: 1) } == nil)
    }

    /// The cuts are found with `memchr`; a byte-by-byte reading of the rule must find the same ones, on short
    /// documents of the bytes that matter (line ends, blanks, `#`, `]`, `:`), at every part size.
    @Test func cutsEqualAPlainReadingOfTheRule() {
        func plainCuts(_ bytes: [UInt8], partBytes: Int) -> [Int]? {
            if zip(bytes, bytes.dropFirst()).contains(where: { $0 == UInt8(ascii: "]") && $1 == UInt8(ascii: ":") }) {
                return nil
            }
            var cuts = [0]
            var offset = 0
            var previousBlank = false
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if offset >= bytes.count { break }  // the empty piece after a final line end is no line
                let hashes = line.prefix { $0 == UInt8(ascii: "#") }.count
                let heading = (1...6).contains(hashes)
                    && (line.count == hashes || [0x20, 0x09].contains(line[line.startIndex + hashes]))
                if previousBlank && offset - cuts[cuts.count - 1] >= partBytes && heading { cuts.append(offset) }
                previousBlank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
                offset += line.count + 1
            }
            return cuts.count > 1 ? cuts : nil
        }
        let alphabet: [UInt8] = Array("\n\n\n  \t##x]:".utf8)
        var generator = SplitMix64(seed: 11)
        for _ in 0..<3_000 {
            let bytes = (0..<Int(generator.next() % 40)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            for partBytes in [1, 3, 10] {
                let found = bytes.withUnsafeBufferPointer { MarkdownChunks.cuts($0, partBytes: partBytes)?.map(\.offset) }
                #expect(found == plainCuts(bytes, partBytes: partBytes), "\(bytes) in parts of \(partBytes)")
            }
        }
    }

    @Test func partsKeepTheirLineNumbers() throws {
        let text = "# A\n\n- [X](https://example.org/x)\n\n# B\n\n\n- [Y](https://example.org/y)\n"
        let parts = try #require(PartwiseExtraction.extractParts(text, path: "doc.md", rules: .standard, partBytes: 1))
        #expect(parts.parts.joined().map { $0.sources.first?.line } == [3, 8])
    }

    @Test(arguments: ["# H", "###### H", "#", "## \tH", "#\tH"])
    func atxHeadingsAreCutPoints(line: String) {
        let bytes = Array(line.utf8)
        #expect(bytes.withUnsafeBufferPointer { MarkdownChunks.isATXHeading($0, from: 0, to: $0.count) })
    }

    @Test(arguments: ["#H", "####### H", " # H", "text", ""])
    func otherLinesAreNot(line: String) {
        let bytes = Array(line.utf8)
        #expect(!bytes.withUnsafeBufferPointer { MarkdownChunks.isATXHeading($0, from: 0, to: $0.count) })
    }
}
