import Foundation
import Testing
@testable import SafetyGraphMarkdown

/// The byte search for ASCII text must find what Foundation's `range(of:)` finds, at the same place.
@Suite struct ASCIISearchTests {
    static let needles: [StaticString] = ["github.com/", "back to top", " et al", ",", ". ", "a"]

    static func texts() throws -> [String] {
        var texts = ["", "a", ",", "GitHub.COM/", "https://GITHUB.com/Owner/Repo", "x github.com github.com/",
            "Back To Top", "back to to top back to top", "Smith et al, 2020", "SMITH ET AL.", "et al", " et a",
            "github.com", "a,b", "...", "githubXcom/"]
        for name in Corpus.files {
            let text = try String(contentsOfFile: Corpus.path(name), encoding: .utf8)
            texts += text.split(separator: "\n").prefix(400).map(String.init).filter(\.isASCIIText)
        }
        return texts
    }

    @Test func findsWhatFoundationFindsInASCIIText() throws {
        let texts = try Self.texts()
        #expect(texts.count > 1_000)
        for text in texts {
            #expect(text.isASCIIText)
            for needle in Self.needles {
                let wanted = needle.description
                for caseInsensitive in [false, true] {
                    let ours = text.asciiRange(of: needle, caseInsensitive: caseInsensitive)
                    let foundation = text.range(of: wanted, options: caseInsensitive ? .caseInsensitive : [])
                    #expect(ours == foundation, "\(text.debugDescription) \(wanted) \(caseInsensitive)")
                }
            }
        }
    }

    /// The wrappers give Foundation's answers on any text: ASCII text by bytes, other text through Foundation.
    @Test func wrappersAnswerAsFoundationDoes() throws {
        let others = ["Müller and Ünal & Co", "e\u{301}t al and \u{212A}elvin", "東京 and 大阪 & x", "a &amp; b &lt;é&gt;",
            "Straße et al. and more", "and and and", "&&&"]
        let pairs: [(StaticString, StaticString)] = [(" and ", ", "), ("&", ","), (" & ", ", "), ("&amp;", "&"), ("&lt;", "<"),
            ("aa", "a"), ("a", "aa")]
        for text in try Self.texts() + others + ["aaaa", "aaa"] {
            for needle in Self.needles + [" and ", "description", "&amp;"] {
                let wanted = needle.description
                #expect(text.containsText(needle) == (text.range(of: wanted) != nil), "\(text.debugDescription) \(wanted)")
                for caseInsensitive in [false, true] {
                    #expect(
                        text.rangeOfText(needle, caseInsensitive: caseInsensitive)
                            == text.range(of: wanted, options: caseInsensitive ? .caseInsensitive : []))
                }
            }
            for (target, replacement) in pairs {
                let foundation = text.replacingOccurrences(of: target.description, with: replacement.description)
                #expect(Array(text.replacingText(target, with: replacement).utf8) == Array(foundation.utf8), "\(text.debugDescription)")
            }
            let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            #expect(Array(text.foldedForComparison().utf8) == Array(folded.utf8), "\(text.debugDescription)")
        }
        // A prefix read on the first bytes is what lowercasing the whole text gives, at the edges too.
        let prefixed = ["with ", "With X", "WITH\u{301} x", "with \u{301}x", "with", "wit", "", "withx", "w\u{130}th ",
            "\u{130}", "and Bob", "AND \u{E9}", "and", "an\u{301}d ", "with\r\n", "with é", "\u{212A}ith "]
        for text in try Self.texts() + others + prefixed {
            for prefix in ["with ", "and "] as [StaticString] {
                #expect(text.lowercasedHasPrefix(prefix) == text.lowercased().hasPrefix(prefix.description), "\(text.debugDescription)")
            }
        }
        // Every ASCII character folds as Foundation folds it.
        let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        #expect(Array(ascii.foldedForComparison().utf8) == Array(ascii.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).utf8))
    }

    @Test func textWithAnyOtherScalarIsNotASCII() {
        for text in ["é", "a\u{301}", "😀", "\u{80}", "abc\u{7F}ü"] where text.unicodeScalars.contains(where: { $0.value > 0x7F }) {
            #expect(!text.isASCIIText)
        }
        #expect("plain \u{7F} text".isASCIIText)
    }

    @Test func containsIsAByteSearchOnAnyText() throws {
        for text in try Self.texts() {
            for needle in Self.needles {
                #expect(text.containsASCII(needle, caseInsensitive: true) == (text.asciiRange(of: needle, caseInsensitive: true) != nil))
            }
        }
        #expect("Müller ET AL., 2020".containsASCII("et al", caseInsensitive: true))
        #expect(!"Müller ET AL., 2020".containsASCII("et al"))
        #expect(!"Müller e\u{301}t al".containsASCII("et al", caseInsensitive: true))
        #expect("😀et al😀".containsASCII("et al"))
    }

    /// The byte search passes over eight bytes at a time: every needle (first byte a letter or not, folded or not)
    /// at every offset of fillers of every length up to 24, in either case, beside bytes that only differ from its
    /// first byte by bit 0x20, is found where a byte-by-byte search finds it.
    @Test func wordSkippingSearchFindsWhatTheByteSearchFinds() {
        func reference(_ text: String, _ needle: String, _ caseInsensitive: Bool) -> Int? {
            let bytes = Array(text.utf8), wanted = Array(needle.utf8)
            func fold(_ b: UInt8) -> UInt8 { caseInsensitive ? asciiLowercased(b) : b }
            guard bytes.count >= wanted.count else { return nil }
            for start in 0...(bytes.count - wanted.count)
            where (0..<wanted.count).allSatisfy({ fold(bytes[start + $0]) == fold(wanted[$0]) }) {
                return start
            }
            return nil
        }
        let needles: [(StaticString, String)] = [("back to top", "back to top"), ("B", "B"), ("@x", "@x"), (" et al", " et al"),
            (",", ","), ("://", "://")]
        var compared = 0
        for (needle, text) in needles {
            for filler in ["x", "`", "b", "@", "é", "\u{0}", "\u{7F}", "X"] {
                for length in 0...24 {
                    for offset in 0...length {
                        for form in [text, text.uppercased()] {
                            let body = String(repeating: filler, count: offset) + form + String(repeating: filler, count: length - offset)
                            for caseInsensitive in [false, true] {
                                #expect(
                                    body.firstByteOffset(of: needle, caseInsensitive: caseInsensitive)
                                        == reference(body, text, caseInsensitive), "\(body.debugDescription) \(caseInsensitive)")
                                compared += 1
                            }
                        }
                        let plain = String(repeating: filler, count: length)
                        #expect(plain.firstByteOffset(of: needle, caseInsensitive: true) == reference(plain, text, true))
                    }
                }
            }
        }
        #expect(compared > 50_000)
    }
}
