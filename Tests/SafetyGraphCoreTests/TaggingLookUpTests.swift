import Testing
@testable import SafetyGraphCore

/// `LabelAutomaton.lookUpTokens` (in place, through buffer pointers, pair hashes continued from the first token's)
/// against plain look-ups of each token and each joinable pair of tokens.
@Suite struct TaggingLookUpTests {
    private static let automaton = LabelAutomaton(patterns: [
        ("fine tuning", 0), ("finetuning", 0), ("red teaming", 1), ("redteam", 1), ("LLM", 2), ("LLMs", 2),
        ("AI", 3), ("aisafety", 3), ("a", 4), ("ab", 4), ("abc", 4), ("Straße", 5), ("strasse test", 5),
        ("model cards", 6), ("modelcards", 6), ("e.g.", -1), ("x y", 7), ("xy", 7),
    ])

    /// What `lookUpTokens` must give, worked out one token and one pair at a time with `find`.
    private func plainLookUp(_ tokens: TokenBuffer, _ keys: ByteKeyTable) -> (keyIDs: [Int32], pairKeyIDs: [Int32]) {
        var keyIDs: [Int32] = []
        var pairKeyIDs: [Int32] = []
        for j in 0..<tokens.count {
            let a = Int(tokens.starts[j])
            let b = Int(tokens.starts[j + 1])
            let token = Array(tokens.bytes[a..<b])
            keyIDs.append(token.withUnsafeBufferPointer { keys.find($0) })
            if j + 1 < tokens.count && tokens.flags[j + 1] & TokenBuffer.Flag.joinableBefore != 0 {
                let pair = Array(tokens.bytes[a..<Int(tokens.starts[j + 2])])
                pairKeyIDs.append(pair.withUnsafeBufferPointer { keys.find($0) })
            } else {
                pairKeyIDs.append(-1)
            }
        }
        return (keyIDs, pairKeyIDs)
    }

    private func expectSameLookUps(_ text: String, _ scratch: inout MatchScratch, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let automaton = Self.automaton
        TextNormalizer.tokenize(text, into: &scratch.tokens)
        automaton.lookUpTokens(&scratch)
        let plain = plainLookUp(scratch.tokens, automaton.keys)
        // The arrays keep the length of the longest text so far: only the current text's tokens count.
        let n = scratch.tokens.count
        #expect(Array(scratch.keyIDs.prefix(n)) == plain.keyIDs, "token ids of \(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(Array(scratch.pairKeyIDs.prefix(n)) == plain.pairKeyIDs, "pair ids of \(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(scratch.keyIDs.count >= n && scratch.pairKeyIDs.count == scratch.keyIDs.count, sourceLocation: sourceLocation)
    }

    @Test func fixedTexts() {
        var scratch = MatchScratch()  // reused, as the tagger does: shorter texts after longer ones
        let texts = [
            "Fine tuning LLMs for AI safety", "", "fine-tuning", "fine, tuning", "Red Teaming red-team redteam",
            "STRASSE test Straße", "a b c ab abc a-b-c", "x y xy x-y", "e.g. model cards", "🙂 -- ...",
            String(repeating: "finetuning ", count: 50), "x", "Model Cards.", "AI. Safety", "aisafety",
            String(repeating: "a", count: 500) + " b",
        ]
        for text in texts { expectSameLookUps(text, &scratch) }
    }

    /// Random texts over words that are keys, halves of joined keys, and other words, with assorted gaps.
    @Test(arguments: [3 as UInt64, 99, 2_024])
    func randomTexts(seed: UInt64) {
        let words = ["fine", "tuning", "red", "teaming", "team", "ai", "AI", "LLM", "LLMs", "safety", "a", "b", "ab",
                     "c", "x", "y", "model", "cards", "Straße", "strasse", "test", "é", "zzz", "e.g"]
        let gaps = [" ", "-", ", ", " / ", "\n", ". ", "'", " — ", ""]
        var generator = SplitMix64(seed: seed)
        func next() -> Int { generator.nextIndex() }
        var scratch = MatchScratch()
        for _ in 0..<1_500 {
            var text = ""
            for k in 0..<(next() % 12) {
                if k > 0 { text += gaps[next() % gaps.count] }
                text += words[next() % words.count]
            }
            expectSameLookUps(text, &scratch)
        }
    }
}
