import Foundation
import Testing
@testable import SafetyGraphMarkdown

/// The UTF-8 byte pass of `collapseWhitespace` gives what the scalar loop gives, and its fixed list of non-ASCII
/// whitespace is Unicode's: every scalar alone and between, before and after text; decomposed accents, emoji
/// sequences, joiners and invisible controls at the ends; empty, whitespace-only and very long text; and malformed
/// bytes, which it leaves to the scalar loop.
@Suite struct WhitespaceCollapsingTests {
    /// `collapsedUTF8` on the bytes of `text`, called directly (`collapseWhitespace` sends ASCII text elsewhere).
    static func byBytes(_ text: String) -> String? {
        Array(text.utf8).withUnsafeBufferPointer(TextNormalizer.collapsedUTF8)
    }

    @Test func nonASCIIWhitespaceListIsTheWhiteSpaceProperty() {
        var differing: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if TextNormalizer.isNonASCIIWhitespace(value) != scalar.properties.isWhitespace { differing.append(value) }
        }
        #expect(differing.isEmpty, "\(differing.map { String($0, radix: 16) })")
    }

    /// Every scalar of the first three planes' interesting part (Latin to CJK punctuation, where the whitespace,
    /// controls and joiners are) and a sample of the rest, alone and next to text, spaces and joiners.
    @Test func everyScalarInContextAgreesWithTheScalarLoop() {
        var values = Array(UInt32(0x80)...0x3100) + [0xFEFF, 0xFFFD, 0xE0020, 0x10FFFF]
        values += stride(from: UInt32(0x3101), through: 0x10FFFF, by: 97).map { $0 }
        var compared = 0
        for value in values {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let s = String(scalar)
            for text in [s, "a" + s + "b", s + " x", "x " + s, " " + s + " ", s + s, "\u{200D}" + s + "\u{200D}", s + "\u{A0}é"] {
                #expect(Self.byBytes(text) == TextNormalizer.collapseWhitespaceByScalars(text), "\(text.debugDescription)")
                #expect(TextNormalizer.collapseWhitespace(text) == TextNormalizer.collapseWhitespaceByScalars(text))
                compared += 1
            }
        }
        #expect(compared > 100_000)
    }

    /// ASCII runs are copied eight bytes at a time: every ASCII byte, a second space, a leading space and a
    /// non-ASCII scalar are put in every lane of a word and across words, in text that holds non-ASCII scalars.
    @Test func eightByteRunsAreCutAtEveryOffset() {
        let plain = Array("é ab cd efg h ijk lm nopq r st uv wxyz ß x".utf8)
        let inserts: [[UInt8]] = (UInt8(0)..<0x80).map { [$0] } + ["é", "\u{A0}", "\u{200D}", "\u{3000}", "😀"].map { Array($0.utf8) }
        var compared = 0
        for offset in 3..<plain.count {
            for insert in inserts {
                for piece in [insert, [0x20] + insert, insert + [0x20], insert + [0x20, 0x20]] {
                    let bytes = Array(plain[..<offset]) + piece + Array(plain[offset...])
                    guard let text = String(validating: bytes, as: UTF8.self) else { continue }
                    #expect(Self.byBytes(text) == TextNormalizer.collapseWhitespaceByScalars(text), "\(text.debugDescription)")
                    compared += 1
                }
            }
        }
        #expect(compared > 20_000)
    }

    @Test(arguments: [
        "", " ", "\u{A0}", "\u{3000}\u{2028} \t\u{85}", "\u{200B}\u{200B}", "\u{200D}", "\u{200C}\u{200D}", "é",
        "e\u{301}\u{301}", "Cafe\u{301}  Crème\u{A0}\u{A0}brûlée", "👩\u{200D}💻\u{200D}", "🇫🇷  🏳️‍🌈 \u{FE0F}",
        "\u{202E}evil\u{202C}\u{2066}", "\u{FEFF}bom\u{FEFF}", "\u{80}\u{9F}\u{85}x", "\u{1B}[31m ré d\u{7F}",
        "x\u{200D}\u{200C}\u{200D}", "\u{0600}\u{0600} a", "a\r\n\u{2029}b", "日本語\u{3000}テキスト", "\u{10FFFF}",
    ])
    func builtTextAgreesWithTheScalarLoop(text: String) {
        #expect(Self.byBytes(text) == TextNormalizer.collapseWhitespaceByScalars(text))
        #expect(TextNormalizer.collapseWhitespace(text) == TextNormalizer.collapseWhitespaceByScalars(text))
    }

    /// Long text (far past a stack-sized scratch buffer) of random pieces, and corpus lines.
    @Test func longAndCorpusTextAgreesWithTheScalarLoop() throws {
        var generator = SplitMix64(seed: 7)
        let pieces = ["word", " ", "  ", "\t\n", "é", "e\u{301}", "\u{A0}", "\u{3000}", "\u{200B}", "\u{200D}", "😀", "👩\u{200D}💻",
            "\u{202E}", "\u{85}", "\u{9F}", "ß", "—", "\u{1}", "\u{FEFF}", "中"]
        for _ in 0..<50 {
            var text = ""
            for _ in 0..<Int.random(in: 1_000...30_000, using: &generator) { text += pieces.randomElement(using: &generator)! }
            #expect(Self.byBytes(text) == TextNormalizer.collapseWhitespaceByScalars(text))
        }
        let files = Corpus.files
        try #require(!files.isEmpty, "the corpora in ../shared/corpora are needed")
        for name in files {
            let text = try String(contentsOfFile: Corpus.path(name), encoding: .utf8)
            #expect(Self.byBytes(text) == TextNormalizer.collapseWhitespaceByScalars(text))
            for line in text.split(separator: "\n") where !line.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(Self.byBytes(String(line)) == TextNormalizer.collapseWhitespaceByScalars(String(line)))
            }
        }
    }

    /// Bytes that are not UTF-8 are not decided on bytes (the scalar loop reads the string's repaired scalars).
    @Test(arguments: [
        [0x80], [0x61, 0xBF], [0xC3], [0xE2, 0x80], [0xC0, 0xA0], [0xC1, 0xBF], [0xE0, 0x80, 0xA0], [0xED, 0xA0, 0x80],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xC3, 0x41], [0xF0, 0x9F, 0x98],
    ] as [[UInt8]])
    func malformedBytesAreLeftToTheScalarLoop(bytes: [UInt8]) {
        #expect(bytes.withUnsafeBufferPointer(TextNormalizer.collapsedUTF8) == nil)
    }
}
