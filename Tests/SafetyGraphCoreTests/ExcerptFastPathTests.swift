import Testing
@testable import SafetyGraphCore

/// `YAMLNodeReader.excerpt` (printable ASCII cut by bytes) against its plain path (`excerptByCharacters`): the
/// same quoted text in every message, for any text and limit.
@Suite struct ExcerptFastPathTests {
    static let samples = [
        "", "a", "robustness", "adversarial-robustness", "Human–AI Interaction", "Coöperation", "tab\there",
        "line\nbreak", "crlf\r\nline", "trailing space ", " ", "~", "'quoted'", "emoji 🌟 label", "e\u{301}t\u{301}e\u{301}",
        "\u{85}next line", "no\u{A0}break", "中文标签", String(repeating: "x", count: 59), String(repeating: "y", count: 60),
        String(repeating: "z", count: 61), String(repeating: "long label ", count: 20), String(repeating: "é", count: 70),
        String(repeating: "a", count: 59) + "é", String(repeating: "b", count: 60) + "\n", "\u{7F}delete", "\u{1F}unit",
    ]

    @Test(arguments: samples)
    func sameAsThePlainPath(text: String) {
        for limit in [0, 1, 2, 5, 10, 58, 59, 60, 61, 62, 200] {
            #expect(
                YAMLNodeReader.excerpt(text, limit: limit) == YAMLNodeReader.excerptByCharacters(text, limit: limit),
                "limit \(limit)")
        }
        #expect(YAMLNodeReader.excerpt(text) == YAMLNodeReader.excerptByCharacters(text, limit: 60))
        #expect(quoted(text) == "'" + YAMLNodeReader.excerptByCharacters(text, limit: 60) + "'")
    }

    @Test(arguments: 0..<40) func randomASCIIAndMore(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed) &+ 5)
        let alphabet: [Unicode.Scalar] = ["a", "Z", "0", " ", "-", "\t", "\n", "\r", "\u{7F}", "\u{0}", "é", "🌟", "\u{301}"]
        // Half of the texts printable ASCII only (the fast path), half with anything from the alphabet.
        let printableOnly = seed % 2 == 0
        var text = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...90, using: &generator) {
            let scalar = printableOnly
                ? Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &generator))
                : alphabet.randomElement(using: &generator)!
            text.append(scalar)
        }
        let string = String(text)
        for limit in [0, 3, 30, 60, 89] {
            #expect(
                YAMLNodeReader.excerpt(string, limit: limit)
                    == YAMLNodeReader.excerptByCharacters(string, limit: limit),
                "\(string.debugDescription) limit \(limit)")
        }
    }
}
