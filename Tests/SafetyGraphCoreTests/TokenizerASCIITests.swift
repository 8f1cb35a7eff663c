import Testing
@testable import SafetyGraphCore

/// The tokenizer's ASCII path (`TextNormalizer.scanASCII`, raw writes into the buffer's spare capacity) against
/// the plain path (`scan` appending to the arrays): the same bytes, offsets and flags for every text.
@Suite struct TokenizerASCIITests {
    private func expectSameTokens(_ text: String, _ reused: inout TokenBuffer, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let name = text.debugDescription
        var copy = text
        copy.withUTF8 { utf8 in
            #expect(TextNormalizer.isASCII(utf8) == utf8.allSatisfy { $0 < 0x80 }, sourceLocation: sourceLocation)
            guard TextNormalizer.isASCII(utf8) else { return }
            var plain = TokenBuffer()
            TextNormalizer.scan(utf8, into: &plain)
            // Reused, as the tagger does: a shorter text after a longer one.
            reused.removeAll()
            TextNormalizer.scanASCII(utf8, into: &reused)
            #expect(reused.bytes == plain.bytes, "bytes of \(name)", sourceLocation: sourceLocation)
            #expect(reused.starts == plain.starts, "starts of \(name)", sourceLocation: sourceLocation)
            #expect(reused.flags == plain.flags, "flags of \(name)", sourceLocation: sourceLocation)
        }
    }

    @Test func fixedTexts() {
        var buffer = TokenBuffer()
        let texts = [
            "Fine-tuning LLMs for AI safety: a survey (2024).", "", "a", "A", "1", ".", "U.S. Army e.g. robustness",
            "the model. Cards", "model's cards' 'quoted'", "LLMs GPUs NASA's", "x\ny\r\nz\tw", "a,b;c:d!e?f",
            "[a](b) {c} \"d\" |e| <f>", "a & b / c @ d # e", "ends with space ", "  leading", "a.b.c. d.",
            String(repeating: "Word ", count: 300), "é is not ASCII",
        ]
        for text in texts { expectSameTokens(text, &buffer) }
    }

    /// Random ASCII texts over letters of both cases, digits and every separator class.
    @Test(arguments: [7 as UInt64, 1_234, 99_999])
    func randomTexts(seed: UInt64) {
        let pieces = ["a", "s", "Z", "AB", "ab", "xYz", "9", "42", " ", "  ", "-", ".", ". ", "'", "'s", ",", ";",
                      "\n", "(", ")", "&", "/", "_", "~", "\t", "LLMs", "e.g.", "U.S.", "Model", "cards"]
        var generator = SplitMix64(seed: seed)
        func next() -> Int { generator.nextIndex() }
        var buffer = TokenBuffer()
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<(next() % 40) { text += pieces[next() % pieces.count] }
            expectSameTokens(text, &buffer)
        }
    }
}
