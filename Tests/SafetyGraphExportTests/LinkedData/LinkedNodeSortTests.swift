import Testing
@testable import SafetyGraphExport

/// `sortSmall` (insertion for a few items, the standard sort past `insertionSortLimit`) against the standard sort,
/// and `LinkedNode.normalize` (which sorts with it) against sorting its values plainly.
@Suite struct LinkedNodeSortTests {
    /// A fixed-seed generator, so the tests never differ from run to run.
    struct Generator {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    /// Strings that sort differently by bytes and by Swift's `<`, and repeat.
    static let pieces = ["", "a", "B", "é", "e\u{301}", "z", "-", "\u{0}", "😀", "ab", "a b", "\"", "Z9"]

    @Test func sortsLikeTheStandardSortAtEverySize() {
        var g = Generator()
        for count in 0...(insertionSortLimit * 3) {
            for _ in 0..<20 {
                var numbers = (0..<count).map { _ in g.next(max(1, count / 2)) }
                let expected = numbers.sorted()
                numbers.withUnsafeMutableBufferPointer { sortSmall($0, by: <) }
                #expect(numbers == expected)
                var strings = (0..<count).map { _ in Self.pieces[g.next(Self.pieces.count)] + Self.pieces[g.next(Self.pieces.count)] }
                let expectedBytes = strings.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
                strings.withUnsafeMutableBufferPointer { sortSmall($0, by: utf8Precedes) }
                #expect(strings.map { Array($0.utf8) } == expectedBytes)
            }
        }
    }

    /// A node with several properties given values out of order, some repeated, some properties given values twice
    /// apart (so their values sit in two places first), and more values than are sorted by insertion.
    @Test func normalizeSortsAndDropsRepeatsAtEverySize() throws {
        let v = LinkedVocabulary(base: .default)
        let properties = [v.keywords, v.name, v.sameAs, v.author, v.about, v.identifier]
        var g = Generator()
        for count in [0, 1, 2, 5, insertionSortLimit, insertionSortLimit + 1, 60, 200] {
            var node = LinkedNode(iri: "https://example.org/x", types: [v.person])
            var expected: [Int: [[UInt8]]] = [:]
            for _ in 0..<count {
                let property = properties[g.next(properties.count)]
                let value = Self.pieces[g.next(Self.pieces.count)] + String(g.next(count + 1))
                node.add(property, value)
                expected[property.index, default: []].append(Array(value.utf8))
            }
            node.normalize(v)
            let ranks = node.statements.map { v.iriRanks[Int($0.property)] }
            #expect(ranks == ranks.sorted())
            #expect(Set(node.statements.map(\.property)).count == node.statements.count)
            for statement in node.statements {
                let unique = Array(Set(expected[Int(statement.property)] ?? [])).sorted { $0.lexicographicallyPrecedes($1) }
                #expect(node.values(of: statement).map { Array($0.utf8) } == unique)
            }
            #expect(node.values.count == expected.values.map { Set($0).count }.reduce(0, +))
        }
    }
}
