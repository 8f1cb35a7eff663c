import Testing
@testable import SafetyGraphExport

/// A node copies its values' UTF-8 into bytes of its own (`NodeBytes`), and the writers read those instead of the
/// strings. Checked against the plain path: the strings themselves, and what the writers print from strings.
@Suite struct NodeBytesTests {
    /// Values of every kind the copy handles apart: empty, small (held inline by `String`), on either side of the
    /// inline copy's 4, 8, 16 and 32 bytes, long, not ASCII, cut from another string, decoded from bytes, and with
    /// bytes the writers escape.
    static let strings: [String] = {
        let long = "a string well over thirty-two bytes, with é and 😀 and \"quotes\" and a \\ and a\ttab\n"
        var all = ["", "a", "é", "e\u{301}", "😀", "\u{0}", "https://example.org/x"]
        for length in [3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 64, 65] { all.append(String(repeating: "x", count: length)) }
        all += [long, String(long.dropFirst(3)), String(long.prefix(20)), String(decoding: Array("décodé".utf8), as: UTF8.self)]
        all += ["<script>&amp;</script>\u{2028}", "\u{7F}\r\u{1}", "https://example.org/a b/é"]
        return all
    }()

    /// Each value of `node`, as its bytes read by the writers.
    static func bytes(of node: LinkedNode) -> [[UInt8]] {
        node.withValues { values in (0..<node.valueCount).map { Array(values.utf8($0)) } }
    }

    /// Every value said the three ways (held, lent from where it lies, copied from bytes) reads as the string's UTF-8,
    /// and as the string itself.
    @Test func aValuesBytesAreItsStringsUTF8() {
        let v = LinkedVocabulary(base: .default)
        let keeper = LentValuesTests.Keeper(Self.strings)
        let table = ByteTable(Self.strings)
        defer { table.deallocate() }
        var node = LinkedNode(iri: "https://example.org/n", types: [v.person], capacity: 1)
        for i in Self.strings.indices {
            node.add(property: v.keywords.index, Self.strings[i])
            node.lend(property: v.keywords.index, keeper.strings + i)
            node.add(property: v.keywords.index, utf8: table[i])
            #expect(Array(table[i]) == Array(Self.strings[i].utf8))
        }
        let expected = Self.strings.flatMap { [$0, $0, $0] }
        #expect(Self.bytes(of: node) == expected.map { Array($0.utf8) })
        #expect(node.values.map { Array($0.utf8) } == expected.map { Array($0.utf8) })
        node.normalize(v)
        #expect(Self.bytes(of: node) == LinkedNode.sortedUnique(Self.strings).map { Array($0.utf8) })
    }

    /// A node is a value: changing or resetting a copy (or the original) leaves the other's bytes as they were.
    @Test func aCopiedNodeKeepsItsBytes() {
        let v = LinkedVocabulary(base: .default)
        var node = LinkedNode(iri: "https://example.org/n", types: [v.person], capacity: 1)
        for string in Self.strings.prefix(8) { node.add(v.name, string) }
        let before = Self.bytes(of: node)
        var copy = node
        copy.add(v.name, "added to the copy, long enough to need more room than the first held")
        #expect(Self.bytes(of: node) == before)
        copy = node
        copy.reset(iri: "https://example.org/m")
        copy.add(v.name, "after a reset of the copy")
        #expect(Self.bytes(of: node) == before)
        #expect(Self.bytes(of: copy) == [Array("after a reset of the copy".utf8)])
        let kept = node
        node.reset(iri: "https://example.org/o", type: v.organization)
        node.add(v.name, "zz")
        #expect(Self.bytes(of: kept) == before)
        #expect(kept.types == [v.person] && node.types == [v.organization])
        #expect(LentValuesTests.writers(v).map { $0(kept) } != LentValuesTests.writers(v).map { $0(node) })
    }

    /// `lend(property:_:if:)` tests exactly the value's bytes and says the value only when the test passes: the
    /// node is then the one made by adding the values that passed.
    @Test func aValueLentIfItPassesIsTestedOnItsBytes() {
        let v = LinkedVocabulary(base: .default)
        let keeper = LentValuesTests.Keeper(Self.strings)
        var node = LinkedNode(iri: "https://example.org/n", types: [v.person], capacity: 1)
        var plain = node
        for i in Self.strings.indices {
            var tested: [UInt8] = []
            let said = node.lend(property: v.sameAs.index, keeper.strings + i) { bytes in
                tested = Array(bytes)
                return i % 3 != 1
            }
            #expect(said == (i % 3 != 1))
            #expect(tested == Array(Self.strings[i].utf8))
            if said { plain.add(v.sameAs, Self.strings[i]) }
        }
        node.normalize(v)
        plain.normalize(v)
        #expect(node == plain && Self.bytes(of: node) == Self.bytes(of: plain))
        for write in LentValuesTests.writers(v) { #expect(write(node) == write(plain)) }
    }

    /// The buffer itself is a value: a copy appended to, emptied or cut back leaves the other's count and bytes as
    /// they were (the two share one buffer until either changes).
    @Test func aCopiedBufferKeepsItsBytes() {
        func read(_ bytes: NodeBytes) -> [UInt8] { bytes.withBytes { Array(UnsafeBufferPointer(start: $0, count: bytes.count)) } }
        var a = NodeBytes(capacity: 0)
        for string in Self.strings.prefix(6) { _ = a.append(utf8Of: string) }
        let before = read(a)
        var b = a
        _ = b.append(utf8Of: "more")
        #expect(read(a) == before && read(b) == before + Array("more".utf8))
        b = a
        b.removeAll()
        _ = b.append(utf8Of: "other")
        #expect(read(a) == before && read(b) == Array("other".utf8))
        b = a
        b.removeLast(from: 1)
        #expect(read(a) == before && read(b) == Array(before.prefix(1)))
        _ = a.append(utf8Of: "zz")
        #expect(read(a) == before + Array("zz".utf8) && read(b) == Array(before.prefix(1)))
    }

    /// A node reset while a copy of it is kept, and then the copy added to: the copy's values are as they were.
    @Test func aNodeResetLeavesItsCopysBytes() {
        let v = LinkedVocabulary(base: .default)
        var node = LinkedNode(iri: "https://example.org/n", types: [v.person], capacity: 1)
        for string in Self.strings.suffix(6) { node.add(v.name, string) }
        var copy = node
        let before = Self.bytes(of: copy)
        node.reset(iri: "https://example.org/m")
        node.add(v.name, "x")
        copy.add(v.description, "a description written after the node was reset")
        #expect(Array(Self.bytes(of: copy).prefix(before.count)) == before)
        #expect(Self.bytes(of: node) == [Array("x".utf8)])
    }

    /// N-Triples of nodes of lent and held values, of every range, against the lines made from the node's strings
    /// with the plain `writeObject`.
    @Test func nTriplesAreThoseOfTheStrings() {
        let v = LinkedVocabulary(base: .default)
        let keeper = LentValuesTests.Keeper(Self.strings)
        let nt = NTriplesWriter(vocabulary: v)
        // One property of each range: IRIs, plain strings, English strings, typed literals.
        let properties = [v.url, v.identifier, v.name, v.datePublished, v.keywords]
        for rotation in 0..<properties.count {
            var node = LinkedNode(iri: "https://example.org/n\(rotation)", types: [v.person, v.organization])
            for i in Self.strings.indices {
                let property = properties[(i + rotation) % properties.count]
                if i % 2 == 0 { node.lend(property, keeper.strings + i) } else { node.add(property, Self.strings[i]) }
            }
            node.normalize(v)
            var expected = ""
            for type in node.types { expected += "<\(node.iri)> <\(Namespace.rdfType)> <\(type.iri)> .\n" }
            for statement in node.statements {
                let property = v.propertyTable[Int(statement.property)]
                for value in node.values(of: statement) {
                    let object = ByteSink()
                    NTriplesWriter.writeObject(value, range: property.range, to: object)
                    expected += "<\(node.iri)> <\(property.iri)> \(object.text) .\n"
                }
            }
            let sink = ByteSink()
            nt.write(node, to: sink)
            #expect(sink.text == expected)
        }
    }

    /// JSON-LD and Turtle of nodes of one property (lent and held values, one or several), against the text made
    /// from the node's strings with the plain appenders.
    @Test func jsonLDAndTurtleAreThoseOfTheStrings() {
        let v = LinkedVocabulary(base: .default)
        let keeper = LentValuesTests.Keeper(Self.strings)
        let json = JSONLDWriter(vocabulary: v), ttl = TurtleWriter(vocabulary: v)
        for property in [v.url, v.identifier, v.name, v.datePublished] {
            for count in [1, 2, Self.strings.count] {
                var node = LinkedNode(iri: "https://example.org/n", types: [v.person])
                for i in 0..<count {
                    if i % 2 == 0 { node.lend(property, keeper.strings + i) } else { node.add(property, Self.strings[i]) }
                }
                node.normalize(v)
                let values = node.values
                let plain = ByteSink()
                plain.append("{\"@id\": ")
                plain.appendJSONString(node.iri)
                plain.append(", \"@type\": ")
                plain.appendJSONString(v.person.term)
                plain.append(", ")
                plain.appendJSONString(property.term)
                plain.append(": ")
                if values.count > 1 { plain.append("[") }
                for (i, value) in values.enumerated() {
                    if i > 0 { plain.append(", ") }
                    plain.appendJSONString(value)
                }
                if values.count > 1 { plain.append("]") }
                plain.append("}")
                let sink = ByteSink()
                json.write(node, to: sink)
                #expect(sink.text == plain.text)

                let turtle = ByteSink()
                turtle.append("\n")
                ttl.writeName(node.iri, to: turtle)
                turtle.append("\n    a ")
                ttl.writeName(v.person.iri, to: turtle)
                turtle.append(" ;\n    ")
                ttl.writeName(property.iri, to: turtle)
                turtle.append(" ")
                for (i, value) in values.enumerated() {
                    if i > 0 { turtle.append(", ") }
                    switch property.range {
                    case .iri: ttl.writeName(value, to: turtle)
                    case .string: turtle.appendRDFString(value)
                    case .english:
                        turtle.appendRDFString(value)
                        turtle.append("@en")
                    case .datatype(let datatype):
                        turtle.appendRDFString(value)
                        turtle.append("^^")
                        ttl.writeName(datatype, to: turtle)
                    }
                }
                turtle.append(" .\n")
                sink.reset()
                ttl.write(node, to: sink)
                #expect(sink.text == turtle.text)
            }
        }
    }
}
