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

    @Test func conceptLinksEncodeOddIDs() {
        #expect(ConceptLink.href("robustness", prefix: "../site/topics/") == "../site/topics/robustness.html")
        #expect(ConceptLink.fileStem("../x y") == "%2E%2E%2Fx%20y")
    }
}
