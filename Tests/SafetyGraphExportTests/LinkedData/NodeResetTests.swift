import Testing
@testable import SafetyGraphExport

/// A node reused over `reset` (its arrays and its bytes kept, see `NodeBytes`) must equal a node made anew with
/// the same values, whatever the last held.
@Suite struct NodeResetTests {
    /// IRIs one after another as the taggings of entries say them: repeated (the same string, or the same bytes in
    /// another string), then others of the same length, shorter, small (inline), empty, and not ASCII.
    static let runs: [String] = {
        let long = "https://example.org/kg/entries/an-entry-of-some-length"
        let sameBytes = String(decoding: Array(long.utf8), as: UTF8.self)
        return [
            long, long, sameBytes, long, "https://example.org/kg/entries/an-entry-of-some-lengtH", "short", "short", "",
            "", "https://example.org/é", "https://example.org/e\u{301}", "https://example.org/é", long,
        ]
    }()

    @Test func aReusedNodeEqualsANewOne() {
        let v = LinkedVocabulary(base: .default)
        var reused = LinkedNode(iri: "", types: [v.tagging], capacity: 1)
        for (n, iri) in Self.runs.enumerated() {
            for other in [nil, String(repeating: "held \(n) ", count: n)] {
                reused.reset(iri: "https://example.org/t\(n)", type: v.tagging)
                var fresh = LinkedNode(iri: "https://example.org/t\(n)", types: [v.tagging])
                func fill(_ node: inout LinkedNode) {
                    if let other { node.add(v.term, other) }
                    node.add(v.taggedEntry, iri)
                    node.add(v.field, "f\(n)")
                    node.normalize(v)
                }
                fill(&reused)
                fill(&fresh)
                #expect(reused == fresh, "\(n)")
                #expect(reused.values.map { Array($0.utf8) } == fresh.values.map { Array($0.utf8) }, "\(n)")
                for write in LentValuesTests.writers(v) { #expect(write(reused) == write(fresh), "\(n)") }
            }
        }
    }

    /// A node of one type reset without naming it (`reset(iri:)`) equals one reset with its type, after holding
    /// statements and values.
    @Test func resetKeepingTheTypeEqualsResetWithIt() {
        let v = LinkedVocabulary(base: .default)
        var keeping = LinkedNode(iri: "", types: [v.tagging], capacity: 2)
        var plain = keeping
        for count in [0, 1, 3, 40] {
            for i in 0..<count {
                keeping.add(v.taggedEntry, "https://example.org/e")
                plain.add(v.taggedEntry, "https://example.org/e")
                keeping.add(i % 2 == 0 ? v.name : v.keywords, "v\(i)")
                plain.add(i % 2 == 0 ? v.name : v.keywords, "v\(i)")
            }
            keeping.normalize(v)
            plain.normalize(v)
            keeping.reset(iri: "https://example.org/t\(count)")
            plain.reset(iri: "https://example.org/t\(count)", type: v.tagging)
            #expect(keeping == plain)
            #expect(keeping == LinkedNode(iri: "https://example.org/t\(count)", types: [v.tagging]))
            #expect(keeping.values.isEmpty && keeping.statements.isEmpty && keeping.tripleCount == 1)
        }
    }
}
