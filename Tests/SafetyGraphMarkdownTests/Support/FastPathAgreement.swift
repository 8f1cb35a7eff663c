import Testing

/// Holds a fast path to the path it skips: on every text where `fast` decides (gives an answer, not nil), its answer
/// must be `reference`'s; and where `combined` is given (the function that tries the fast path and falls back),
/// its answer must be `reference`'s on every text. Returns on how many texts the fast path decided, for the caller
/// to check that the texts exercised it.
func fastPathDecisions<Answer: Equatable>(
    on texts: [String], fast: (String) -> Answer?, reference: (String) -> Answer,
    combined: ((String) -> Answer)? = nil, sourceLocation: SourceLocation = #_sourceLocation
) -> Int {
    var decided = 0
    for text in texts {
        let expected = reference(text)
        if let answer = fast(text) {
            #expect(answer == expected, "\(text.debugDescription)", sourceLocation: sourceLocation)
            decided += 1
        }
        if let combined {
            #expect(combined(text) == expected, "\(text.debugDescription)", sourceLocation: sourceLocation)
        }
    }
    return decided
}

/// Every text made of `count` of `pieces` one after another, each piece at each place (`pieces.count` to the power
/// `count` texts, in order).
func concatenations(of pieces: [String], count: Int) -> [String] {
    var texts = [""]
    for _ in 0..<count { texts = texts.flatMap { text in pieces.map { text + $0 } } }
    return texts
}
