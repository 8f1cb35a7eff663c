import Testing
@testable import SafetyGraphExport

/// `addKept` keeps a value over `reset` while the next node says the same bytes: each node it makes must equal the
/// one made with plain `add`.
@Suite struct KeptValueTests {
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

    @Test func keptValuesEqualAddedOnes() {
        let v = LinkedVocabulary(base: .default)
        var kept = LinkedNode(iri: "", types: [v.tagging], capacity: 4)
        var plain = kept
        for (n, iri) in Self.runs.enumerated() {
            for node in [0, 1] {
                let other = node == 0 ? nil : "held \(n)"  // a node holding another string first: plain `add`
                kept.reset(iri: "https://example.org/t\(n)", type: v.tagging)
                plain.reset(iri: "https://example.org/t\(n)", type: v.tagging)
                if let other {
                    kept.add(v.term, other)
                    plain.add(v.term, other)
                }
                kept.addKept(property: v.taggedEntry.index, iri)
                plain.add(v.taggedEntry, iri)
                kept.add(v.field, "f\(n)")
                plain.add(v.field, "f\(n)")
                kept.normalize(v)
                plain.normalize(v)
                #expect(kept == plain, "\(n) \(node)")
                #expect(kept.values.map { Array($0.utf8) } == plain.values.map { Array($0.utf8) }, "\(n) \(node)")
            }
        }
    }

    /// `sameString` is true of the very same string only (same storage, or the same small string inline).
    @Test func sameStringIsTheVerySameString() {
        let long = String(repeating: "x", count: 40)
        let copy = long
        let other = String(decoding: Array(long.utf8), as: UTF8.self)
        withUnsafePointer(to: long) { kept in
            #expect(LinkedNode.sameString(kept, copy))
            #expect(!LinkedNode.sameString(kept, other))
            #expect(!LinkedNode.sameString(kept, "x"))
            #expect(!LinkedNode.sameString(kept, String(repeating: "x", count: 41)))
        }
        withUnsafePointer(to: "short") { kept in
            #expect(LinkedNode.sameString(kept, "short"))
            #expect(!LinkedNode.sameString(kept, "shorT"))
        }
    }

    /// A node of one type reset without naming it (`reset(iri:)`) equals one reset with its type, after holding
    /// statements, values and a kept value.
    @Test func resetKeepingTheTypeEqualsResetWithIt() {
        let v = LinkedVocabulary(base: .default)
        var keeping = LinkedNode(iri: "", types: [v.tagging], capacity: 2)
        var plain = keeping
        for count in [0, 1, 3, 40] {
            for i in 0..<count {
                keeping.addKept(property: v.taggedEntry.index, "https://example.org/e")
                plain.addKept(property: v.taggedEntry.index, "https://example.org/e")
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
