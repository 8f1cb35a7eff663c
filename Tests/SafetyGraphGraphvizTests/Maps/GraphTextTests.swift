import Foundation
import Testing
@testable import SafetyGraphGraphviz

@Suite struct GraphTextTests {
    @Test(arguments: [
        ("Robustness", 22, Int.max, "Robustness"),
        ("Adversarial robustness of deep networks", 22, Int.max, "Adversarial robustness\nof deep networks"),
        ("a very long title that goes on and on and on", 12, 2, "a very long\ntitle that…"),
        ("abcdefghijklmnopqrstuvwxyz", 10, Int.max, "abcdefghij\nklmnopqrst\nuvwxyz"),
        ("two\nlines", 22, Int.max, "two\nlines"),
        ("", 22, Int.max, ""),
    ])
    func wraps(text: String, width: Int, lines: Int, expected: String) {
        #expect(GraphText.wrapped(text, width: width, maxLines: lines) == expected)
    }

    @Test func wrappingAHugeTitleCostsLittle() {
        let huge = String(repeating: "word ", count: 200_000)
        let wrapped = GraphText.wrapped(huge, width: 30, maxLines: 3)
        #expect(wrapped.split(separator: "\n").count == 3)
        #expect(wrapped.hasSuffix("…"))
    }

    @Test func shortens() {
        #expect(GraphText.shortened("  a   b\n c ", limit: 10) == "a b c")
        #expect(GraphText.shortened("abcdefghij", limit: 5) == "abcd…")
    }

    /// The byte path for plain ASCII gives what the character path gives, on every kind of spacing and around
    /// every limit (and the character path takes everything else).
    @Test func shorteningPlainASCIIByBytesEqualsByCharacters() {
        let pieces = ["a", "Robustness", " ", "  ", "\t", "\n", "\r\n", "é", "e\u{301}", "👩‍🔬", "~", "x y", "\u{7F}", "\u{0}"]
        var texts: [String] = ["", " ", "a", String(repeating: "ab ", count: 40), String(repeating: "z", count: 301)]
        for a in pieces {
            for b in pieces {
                for c in pieces { texts.append(a + b + c + String(repeating: "word ", count: (a.count + b.count) % 5) + c) }
            }
        }
        for text in texts {
            for limit in [1, 2, 3, 5, 8, 13, 300] {
                #expect(
                    GraphText.shortened(text, limit: limit) == GraphText.shortenedByCharacters(text, limit: limit),
                    "\(text.debugDescription) at \(limit)")
            }
        }
    }

    /// The byte path for printable ASCII wraps as the character path does: every spacing, word length, width and
    /// line limit (and the character path takes tabs, line breaks and everything else).
    @Test func wrappingPlainASCIIByBytesEqualsByCharacters() {
        let pieces = ["a", "Robustness", " ", "  ", "\t", "\n", "é", "👩‍🔬", "x y", "abcdefghijklmnopqrstuvwxyz0123456789", ""]
        var texts: [String] = ["", " ", "a", String(repeating: "ab ", count: 40), String(repeating: "z", count: 301)]
        for a in pieces {
            for b in pieces {
                for c in pieces { texts.append(a + b + String(repeating: "word ", count: (a.count + b.count) % 7) + c + b) }
            }
        }
        for text in texts {
            for width in [1, 4, 5, 8, 12, 22, 30] {
                for lines in [1, 2, 3, Int.max] {
                    #expect(
                        GraphText.wrapped(text, width: width, maxLines: lines)
                            == GraphText.wrappedByCharacters(text, width: width, maxLines: lines),
                        "\(text.debugDescription) at \(width) x \(lines)")
                }
            }
        }
    }

    @Test func conceptLinksEncodeOddIDs() {
        #expect(ConceptLink.href("robustness", prefix: "../site/topics/") == "../site/topics/robustness.html")
        #expect(ConceptLink.fileStem("../x y") == "%2E%2E%2Fx%20y")
    }
}

/// The fast paths of `GraphText` against what they replace: Foundation's `%.6f` and the byte-by-byte link encoder.
@Suite struct GraphTextFastPathTests {
    @Test func sixDecimalsIsPrintfsSixDecimals() {
        var values: [Double] = [
            0, -0.0, 1, -1, 0.5, 1e-7, 4.9999995e-7, 5e-7, 5.000001e-7, 0.0000015, 0.0000025, 123.4567895, 9.9999995,
            99.9999999, 1e15, 0x1p59, -3.25, .leastNonzeroMagnitude, .leastNormalMagnitude, 1e-300, 2.675, 1.0000005,
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100_000 {
            values.append(Double.random(in: 0..<60, using: &generator))
            values.append(Double(Int.random(in: 0..<100_000_000, using: &generator)) / 1_000_000 + 5e-7)
            values.append(Double.random(in: -1e-3..<1e-3, using: &generator))
        }
        for value in values {
            #expect(GraphText.sixDecimals(value) == String(format: "%.6f", value), "\(value)")
        }
    }

    @Test(arguments: [
        "https://example.org/a", "HTTPS://EXAMPLE.ORG/A", "http://a", "http://ab", "https://", "javascript:alert(1)",
        "ftp://x.org/a", " https://example.org/a ", "https://example.org/a b", "https://example.org/\"q\"<x>{|}^`\\",
        "https://exämple.org/ü", "\thttps://example.org/\n", "https:/example.org", "httpsx://a.org/b",
    ])
    func linksAreWhatTheEncoderGives(url: String) {
        #expect(GraphText.webLink(url) == Self.reference(url))
    }

    /// What a link should be, by another road: Foundation's percent-encoding of everything but printable ASCII
    /// that a URL may hold raw.
    static func reference(_ url: String) -> String? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), trimmed.count > "https://".count else {
            return nil
        }
        var allowed = CharacterSet(charactersIn: Unicode.Scalar(0x21)...Unicode.Scalar(0x7E))
        allowed.remove(charactersIn: "\"<>\\^`{|} ")
        return trimmed.addingPercentEncoding(withAllowedCharacters: allowed)
    }
}
