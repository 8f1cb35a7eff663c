import Testing
@testable import SafetyGraphExport

/// `IRIJoiner` copies pieces straight into a string's buffer (inline below 33 bytes) and writes numbers as digits:
/// checked against plain concatenation and `String(n)`, for pieces of every length across the copy's widths.
@Suite struct IRIJoinerTests {
    static let numbers = [0, 1, 2, 9, 10, 11, 99, 100, 101, 999, 1000, 12_345, 1_000_000, Int.max, -1, -10, Int.min]

    @Test func piecesOfEveryLengthAndNumbersMatchConcatenation() {
        // Texts of 0…70 bytes, ASCII and not (a two-byte character puts the piece's end off the ASCII grid).
        let texts = (0...70).map { String(repeating: "a", count: $0) } + ["é", "aé", String(repeating: "é", count: 20)]
        var checked = 0
        for first in texts {
            for third in texts where third.utf8.count % 7 == 0 || third.utf8.count < 4 || !third.allSatisfy(\.isASCII) {
                #expect(IRIJoiner.string(first, "/tags/", third, "/") == first + "/tags/" + third + "/")
                for n in Self.numbers {
                    let expected = first + "/tags/" + third + "/" + String(n)
                    #expect(IRIJoiner.string(first, "/tags/", third, "/", number: n) == expected)
                    checked += 1
                }
            }
            #expect(IRIJoiner.string(first, "/publisher") == first + "/publisher")
            for n in Self.numbers {
                #expect(IRIJoiner.string(first, "/authors/", number: n) == first + "/authors/" + String(n))
            }
        }
        #expect(checked > 10_000)
    }

    @Test func digitCounts() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, Int.max] { #expect(IRIJoiner.digitCount(n) == String(n).count) }
    }
}
