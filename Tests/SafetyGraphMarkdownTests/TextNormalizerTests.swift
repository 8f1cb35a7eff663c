import Foundation
import Testing
@testable import SafetyGraphMarkdown

/// `collapseWhitespace` works on bytes with a shortcut for text that needs nothing; these tests hold it to its
/// rules scalar by scalar, as a plain reading of them (`reference`) gives them.
@Suite struct TextNormalizerTests {
    /// The rules, one scalar at a time: whitespace (and U+200B) runs become one space between visible text;
    /// C0/C1 controls, bidi and other invisible controls, and joiners at the start are dropped; joiners at the end
    /// are trimmed.
    static func reference(_ text: String) -> String {
        var out: [Unicode.Scalar] = []
        var pendingSpace = false
        let joiners: Set<UInt32> = [0x200C, 0x200D]
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if scalar.properties.isWhitespace || value == 0x200B {
                pendingSpace = !out.isEmpty
            } else if value < 0x20 || (0x7F...0x9F).contains(value) || TextNormalizer.isInvisibleControl(scalar)
                || (out.isEmpty && joiners.contains(value)) {
                continue
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        while let last = out.last, joiners.contains(last.value) { out.removeLast() }
        var result = ""
        result.unicodeScalars.append(contentsOf: out)
        return result
    }

    @Test(arguments: [
        "", " ", "a", " a ", "a  b", "a\tb\nc\r\nd", "\u{1B}[31mred\u{1B}[0m", "a\u{7F}b", "a\u{85}b", "a\u{A0}\u{A0}b",
        "\u{200B}a\u{200B}\u{200B}b\u{200B}", "\u{202E}evil\u{202C}", "\u{200D}a\u{200D}", "👩\u{200D}💻 coder\u{200C}\u{200D}",
        "x\u{2028}y", "\u{3000}全角\u{3000}", "e\u{301}", "Title — with dash", "trailing space ", "\u{FEFF}bom",
        "\u{9F}\u{80}", "a \u{7}b", "ok.", "  many   spaces   here  ",
    ])
    func followsTheRules(text: String) {
        #expect(TextNormalizer.collapseWhitespace(text) == Self.reference(text))
    }

    @Test func followsTheRulesOnEveryLineOfTheCorpora() throws {
        let files = Corpus.files
        try #require(!files.isEmpty, "the corpora in ../shared/corpora are needed")
        var lines = 0
        for name in files {
            let text = try String(contentsOfFile: Corpus.path(name), encoding: .utf8)
            // Lines, and pairs of lines with their break, so newlines and runs across them are covered.
            let pieces = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in pieces.enumerated() {
                let piece = index % 2 == 0 ? String(line) : String(pieces[index - 1]) + "\n \t" + line
                #expect(TextNormalizer.collapseWhitespace(piece) == Self.reference(piece))
                lines += 1
            }
        }
        #expect(lines > 4_000)
    }

    /// Collapsing ASCII text on its bytes gives what the scalar path gives: every whitespace and control character,
    /// in runs, at the ends and between words.
    @Test func collapsingASCIIByBytesAgreesWithTheScalarPath() {
        let pieces = ["a", "Word", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\r", "\u{1}", "\u{1B}[31m", "\u{7F}", "-", "", "é"]
        var compared = 0
        for text in concatenations(of: pieces, count: 4) {
            #expect(
                TextNormalizer.collapseWhitespace(text) == TextNormalizer.collapseWhitespaceByScalars(text),
                "\(text.debugDescription)")
            compared += 1
        }
        #expect(compared == 65_536)
    }

    /// The collapsed start is found eight bytes at a time: every ASCII byte, a second space and a leading space are
    /// seen in every lane of a word and across words, in text that is otherwise already collapsed.
    @Test func collapsedStartIsCutAtEveryOffset() {
        let plain = Array("ab cd efg h ijk lm nopq r st uv wxyz".utf8)
        var compared = 0
        for offset in 0..<(plain.count - 1) {
            for byte in UInt8(0)..<0x80 {
                for insert in [[byte], [0x20, byte], [byte, 0x20]] {
                    let text = String(decoding: plain[..<offset] + insert + plain[offset...], as: UTF8.self)
                    #expect(
                        TextNormalizer.collapseWhitespace(text) == TextNormalizer.collapseWhitespaceByScalars(text),
                        "\(text.debugDescription)")
                    compared += 1
                }
            }
        }
        #expect(compared == 35 * 128 * 3)
        #expect(TextNormalizer.visibleOrSpaces(0x6867_6665_6463_6261) == 0)
        #expect(TextNormalizer.visibleOrSpaces(0x6867_6665_6463_2061) == 0x80_00)
        #expect(TextNormalizer.visibleOrSpaces(0x6867_6665_6463_0961) == nil)
    }

    /// The one-pass byte path gives what the scalar path gives on random text: every ASCII byte (controls, DEL,
    /// whitespace in runs and at the ends) mixed with non-ASCII whitespace, joiners, marks and emoji, short and
    /// long (past any stack-sized scratch buffer), and on text that is already collapsed but for its last byte.
    @Test func collapsingRandomTextByBytesAgreesWithTheScalarPath() {
        var generator = SplitMix64(seed: 2026)
        var alphabet: [Unicode.Scalar] = (0..<0x80).map { Unicode.Scalar(UInt8($0)) }
        alphabet += ["a", "b", " ", " ", "\t", "\n"].flatMap(\.unicodeScalars)
        let rare: [Unicode.Scalar] = ["\u{A0}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{301}", "\u{85}", "\u{2028}", "é", "😀",
            "\u{202E}", "\u{FEFF}", "\u{3000}"]
        var compared = 0
        for round in 0..<20_000 {
            let length = round % 10 == 0 ? Int.random(in: 0...3_000, using: &generator) : Int.random(in: 0...40, using: &generator)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                let pickRare = round % 3 == 0 && Int.random(in: 0..<20, using: &generator) == 0
                scalars.append(pickRare ? rare.randomElement(using: &generator)! : alphabet.randomElement(using: &generator)!)
            }
            let text = String(scalars)
            #expect(
                TextNormalizer.collapseWhitespace(text) == TextNormalizer.collapseWhitespaceByScalars(text),
                "\(text.debugDescription)")
            let collapsed = TextNormalizer.collapseWhitespaceByScalars(text)
            for ending in ["", " ", "  ", "\t", "\u{1}", "x", "é"] {
                let bent = collapsed + ending
                #expect(
                    TextNormalizer.collapseWhitespace(bent) == TextNormalizer.collapseWhitespaceByScalars(bent),
                    "\(bent.debugDescription)")
            }
            compared += 1
        }
        #expect(compared == 20_000)
        // Already-collapsed ASCII is given back as it is; other ASCII is read on bytes.
        #expect(Array("a b".utf8).withUnsafeBufferPointer(TextNormalizer.collapsedASCII) == .some(nil))
        #expect(Array(" a  b ".utf8).withUnsafeBufferPointer(TextNormalizer.collapsedASCII) == .some("a b"))
        #expect(Array("a\u{A0}b".utf8).withUnsafeBufferPointer(TextNormalizer.collapsedASCII) == nil)
    }

    /// HTML's visible text read on the bytes is what the character path reads, wherever the byte path answers: tags
    /// dropped (a `<` without a `>` after it kept as text), `<br>`, `<p>`, `</p>` and `<td>` as spaces in any case,
    /// `<summary>` labels dropped when asked, entities decoded, whitespace collapsed; next to non-ASCII text too,
    /// where a combining mark, joiner or spacing mark after a `<`, `>` or tag name, or a prepended scalar before
    /// a `<` or `>`, makes the characters differ from the bytes (then the byte path must not answer, or agree).
    @Test func visibleTextOnBytesAgreesWithTheCharacterPath() {
        let pieces = ["a", "<", ">", "<b>", "</B>", "<BR/>", "<p>", "</P>", "<Td x=1>", "<summary>", "</SUMMARY>", "<summ",
            "&amp;", "&lt;", "&nbsp;", " ", "\r\n", "\t", "x y", "<!-- c -->", "<a href=\"u\">", ">>", "<<"]
        var compared = 0
        for text in concatenations(of: pieces, count: 3) {
            for dropping in [false, true] {
                let bytes = TextNormalizer.visibleTextOnBytes(ofHTML: text, droppingSummary: dropping)
                #expect(
                    bytes == TextNormalizer.visibleTextByCharacters(ofHTML: text, droppingSummary: dropping),
                    "\(text.debugDescription) \(dropping)")
                compared += 1
            }
        }
        #expect(compared == 2 * 23 * 23 * 23)
        let mixed = ["a", "<", ">", "<b>", "<P>", "<br>", "<summary>", "</summary>", "\u{301}", "\u{0600}", "\u{200D}",
            "\u{0903}", "é", "日本", "😀", "\u{FE0F}", "\u{212A}", "\u{130}", "<p\u{301}>", "<b\u{301}r>", "<Pé>", "<tdé>"]
        var decided = 0
        for text in concatenations(of: mixed, count: 3) where !text.isASCIIText {
            for dropping in [false, true] {
                let characters = TextNormalizer.visibleTextByCharacters(ofHTML: text, droppingSummary: dropping)
                if let bytes = TextNormalizer.visibleTextOnBytes(ofHTML: text, droppingSummary: dropping) {
                    #expect(bytes == characters, "\(text.debugDescription) \(dropping)")
                    decided += 1
                }
                #expect(TextNormalizer.visibleText(ofHTML: text, droppingSummary: dropping) == characters)
            }
        }
        #expect(decided > 10_000)
        #expect(TextNormalizer.visibleTextOnBytes(ofHTML: "caf\u{E9} <b>x</b>", droppingSummary: false) == "café x")
        #expect(TextNormalizer.visibleTextOnBytes(ofHTML: "a<\u{301}b>c", droppingSummary: false) == nil)
        #expect(TextNormalizer.visibleText(ofHTML: "<details><summary>More</summary>Text</details>", droppingSummary: true) == "Text")
    }

    /// Collapsing and dropping leading separators in one step gives what the two steps give: controls, DEL, every
    /// kind of whitespace, separators and `extra` bytes at the start, non-ASCII text and `extra`, on built pieces
    /// three at a time and every corpus line.
    @Test func collapsedDroppingLeadingSeparatorsAgreesWithTheTwoSteps() throws {
        let pieces = ["", " ", "\t", "\n", "\r\n", "\u{1}", "\u{7F}", "-", ":", ")", ".", "a", "é", "–", "\u{A0}", "x y", "  ", ","]
        var texts = concatenations(of: pieces, count: 3)
        for name in Corpus.files {
            guard let text = try? String(contentsOfFile: Corpus.path(name), encoding: .utf8) else { continue }
            texts += text.split(separator: "\n").map(String.init)
        }
        try #require(texts.count > 8_000, "the corpora in ../shared/corpora are needed")
        for text in texts {
            for extra in ["", ")", ".)", "é"] {
                #expect(
                    TextNormalizer.collapsedDroppingLeadingSeparators(text, extra: extra)
                        == TextNormalizer.droppingLeadingSeparators(TextNormalizer.collapseWhitespace(text), extra: extra),
                    "\(text.debugDescription) \(extra)")
            }
        }
    }

    /// The shortcut for text that starts and ends with an ASCII letter or digit, and the byte path for ASCII text,
    /// give what the character path gives (trimming both ends, and dropping leading separators).
    @Test func trimmingSeparatorsShortcutAgreesWithTheCharacterPath() {
        let ends = [
            "a", "Z", "0", "9", "é", "e\u{301}", " ", "-", "–", ".", "(", ")", "[", "!", "\u{0600}", "😀", "\t", "\u{200B}", "_", "@",
            ":", ">", ",", ";", "|", "/", "\r\n", "\n", "\u{0B}", "\u{0C}", "\r", "\u{1}", "\u{7F}", "- :", "x\u{301}",
        ]
        let middles = ["", " ", "x", " - ", "a b", "\u{301}", "–", "  ", ":/"]
        for first in ends {
            for middle in middles {
                for last in ends {
                    let text = first + middle + last
                    for extra in ["", ".", "(.", "[]().!", ")", "–"] {
                        #expect(
                            TextNormalizer.trimmingSeparators(text, extra: extra)
                                == TextNormalizer.trimmingSeparatorsByCharacters(text, extra: extra),
                            "\(text.debugDescription) extra \(extra)")
                        #expect(
                            TextNormalizer.droppingLeadingSeparators(text, extra: extra)
                                == TextNormalizer.droppingLeadingSeparatorsByCharacters(text, extra: extra),
                            "\(text.debugDescription) extra \(extra)")
                    }
                }
            }
        }
    }
}
