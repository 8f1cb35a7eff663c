import Testing
import SafetyGraphCore
@testable import SafetyGraphExport

/// Entry nodes are lent the strings they say where those lie (`LinkedNode.lend`), and copy their bytes. A lent
/// value must read, sort, compare and write exactly as the same string added; and an entry's node must say the
/// entry's own fields (read through pointers to them), also when kept after the graph and the model are gone.
@Suite struct LentValuesTests {
    /// Strings owned by a class, as the graph's entries own their fields.
    final class Keeper {
        let strings: UnsafeMutablePointer<String>
        let count: Int
        init(_ strings: [String]) {
            count = strings.count
            self.strings = .allocate(capacity: count)
            self.strings.initialize(from: strings, count: count)
        }
        deinit {
            strings.deinitialize(count: count)
            strings.deallocate()
        }
    }

    @Test func aLentValueIsTheSameStringAdded() {
        let v = LinkedVocabulary(base: .default)
        let values = ["b", "a long value of more than fifteen bytes", "é", "e\u{301}", "b", "", "https://example.org/x", "\"q\"\n"]
        let properties = [v.name, v.keywords, v.url, v.name, v.about, v.keywords, v.sameAs, v.description]
        let keeper = Keeper(values)
        for rotation in 0..<values.count {
            var added = LinkedNode(iri: "https://example.org/n", types: [v.person])
            var lent = LinkedNode(iri: "https://example.org/n", types: [v.person])
            for k in values.indices {
                let i = (k + rotation) % values.count
                added.add(properties[i], values[i])
                // Every other value lent, the rest held: both kinds side by side in one statement.
                if (i + rotation) % 2 == 0 { lent.lend(properties[i], keeper.strings + i) } else { lent.add(properties[i], values[i]) }
            }
            added.normalize(v)
            lent.normalize(v)
            #expect(lent == added)
            #expect(lent.values == added.values && lent.statements == added.statements)
            for write in Self.writers(v) { #expect(write(lent) == write(added)) }
        }
    }

    /// The writers read each value's bytes in place (`Values.withUTF8`): they must be the string's UTF-8, for held
    /// and lent strings, small (inline) and large, ASCII or not, and strings cut from others.
    @Test func aValuesBytesAreItsUTF8() {
        let v = LinkedVocabulary(base: .default)
        let long = "a string well over fifteen bytes, with é and 😀 and \"quotes\"\n"
        let strings = ["", "a", "é", "e\u{301}", "exactly 15 byte", long, String(long.dropFirst(3)), String(long.prefix(20)),
            String(decoding: Array("décodé".utf8), as: UTF8.self), "😀"]
        let keeper = Keeper(strings)
        var node = LinkedNode(iri: "https://example.org/n", types: [v.person])
        for i in strings.indices {
            node.add(v.keywords, strings[i])
            node.lend(v.keywords, keeper.strings + i)
        }
        node.withValues { values in
            for i in 0..<node.valueCount {
                #expect(values.withUTF8(i) { Array($0) } == Array(values[i].utf8))
                #expect(values.withUTF8(i) { Array($0) } == Array(strings[i / 2].utf8))
            }
        }
    }

    /// A reset node takes the type given, whether it is the type it had (then the type is not copied again) or not.
    @Test func aResetNodeHasTheTypeGiven() {
        let v = LinkedVocabulary(base: .default)
        var node = LinkedNode(iri: "https://example.org/a", types: [v.person])
        for type in [v.person, v.tagging, v.tagging, v.organization, v.person, v.person] {
            node.reset(iri: "https://example.org/b", type: type)
            #expect(node == LinkedNode(iri: "https://example.org/b", types: [type]))
        }
    }

    /// Section paths compared in place (`samePath`) are the same exactly when their keys are (`sectionKey`): the
    /// names' bytes, not Swift's `==`.
    @Test func pathsReadInPlaceAreTheSameWhenTheirKeysAre() {
        let paths: [[String]] = [
            [], ["a"], ["a", "b"], ["a", "c"], ["b", "a"], ["é"], ["e\u{301}"], ["a long section name over fifteen bytes"],
            ["a long section name over fifteen bytes", "x"], ["ab"], ["a", "b", ""],
        ]
        let copies = paths.map { $0.map { String(decoding: Array($0.utf8), as: UTF8.self) } }  // other storage
        for a in paths.indices {
            for b in paths.indices {
                for other in [paths, copies] {
                    let expected = LinkedDataModel.sectionKey(paths[a]) == LinkedDataModel.sectionKey(other[b])
                    withUnsafePointer(to: paths[a]) { x in
                        withUnsafePointer(to: other[b]) { y in
                            #expect(LinkedDataModel.EntryNodes.samePath(x, y) == expected, "\(paths[a]) \(other[b])")
                        }
                    }
                }
            }
        }
    }

    /// The writers read the types' IRIs and terms in place (`forEachTypeIRI`, `forEachTypeTerm`): they must be the
    /// types', in order.
    @Test func typeIRIsReadInPlaceAreTheTypes() {
        let v = LinkedVocabulary(base: .default)
        let odd = LinkedClass("odd", "https://example.org/a class IRI well over fifteen bytes/é")
        for types in [[], [v.person], [v.person, v.organization], [odd, v.tagging, LinkedClass("s", "x:y")]] {
            let node = LinkedNode(iri: "https://example.org/n", types: types)
            var read: [(Int, [UInt8])] = []
            node.forEachTypeIRI { read.append(($0, Array($1))) }
            #expect(read.map(\.0) == Array(types.indices))
            #expect(read.map(\.1) == types.map { Array($0.iri.utf8) })
            var terms: [[UInt8]] = []
            node.forEachTypeTerm { terms.append(Array($1)) }
            #expect(terms == types.map { Array($0.term.utf8) })
        }
    }

    static func writers(_ v: LinkedVocabulary) -> [(LinkedNode) -> String] {
        let json = JSONLDWriter(vocabulary: v), nt = NTriplesWriter(vocabulary: v), ttl = TurtleWriter(vocabulary: v)
        return [
            { node in let sink = ByteSink(); json.write(node, to: sink); return sink.text },
            { node in let sink = ByteSink(); nt.write(node, to: sink); return sink.text },
            { node in let sink = ByteSink(); ttl.write(node, to: sink); return sink.text },
        ]
    }

    /// Each entry's nodes say its fields (the plain reading of the entry), whether read during the emission or from
    /// the nodes kept after the graph and the model are dropped.
    @Test func entryNodesSayTheEntrysFieldsAndStayValidWhenKept() {
        let entries = (0..<6).map { i in
            TaggedEntry(
                entry: Entry(
                    id: EntryID("entry-\(i)"), title: "Title number \(i) of a reading list",
                    // Every other link is no plain IRI: encoded, not lent.
                    url: i % 2 == 0 ? "https://example.org/\(i)" : "https://example.org/a b/\(i)",
                    authors: (0..<(i % 3)).map { "Author \($0) of entry \(i)" },
                    organization: i % 2 == 1 ? "Organisation of entry number \(i)" : nil,
                    description: i % 2 == 0 ? "A description long enough to be on the heap \(i)" : nil,
                    keywords: i % 3 == 0 ? [] : ["keyword \(i) that is long", "k\(i)"]),
                tags: [
                    Tag(concept: "aviation", provenance: [TagProvenance(rule: .label, term: "a term long enough \(i)")]),
                    Tag(concept: "robustness", provenance: [
                        TagProvenance(rule: .section, term: "z section term \(i)"), TagProvenance(rule: .label, term: "a \(i)"),
                    ]),
                ])
        }
        var kept: [LinkedNode] = []
        var seen: [[String]] = []
        do {
            let graph = LinkedDataExportTests.graph(entries: entries)
            let model = LinkedDataModel(graph: graph, vocabulary: LinkedVocabulary(base: .default))
            _ = model.forEachCatalogNode { node in
                kept.append(node)
                seen.append(node.values)
            }
        }
        #expect(kept.map(\.values) == seen)
        let v = LinkedVocabulary(base: .default)
        func said(_ iri: String, _ property: LinkedProperty) -> [String] {
            kept.filter { $0.iri == iri }.flatMap { node in
                node.statements.filter { $0.property == Int32(property.index) }.flatMap { node.values(of: $0) }
            }
        }
        for tagged in entries {
            let entry = tagged.entry
            let iri = v.base.entry(entry.id)
            #expect(said(iri, v.identifier) == [entry.id.rawValue])
            #expect(said(iri, v.name) == [entry.title])
            #expect(said(iri, v.url) == [IRIEncoding.webIRI(entry.url)!])
            #expect(said(iri, v.description) == (entry.description.map { [$0] } ?? []))
            #expect(said(iri, v.keywords) == LinkedNode.sortedUnique(entry.keywords))
            for (i, author) in entry.authors.enumerated() {
                #expect(said(LinkedDataBase.author(i + 1, ofEntryIRI: iri), v.name) == [author])
            }
            #expect(said(LinkedDataBase.publisher(ofEntryIRI: iri), v.name) == (entry.organization.map { [$0] } ?? []))
            let terms = kept.filter { $0.iri.hasPrefix(iri + "/") }.flatMap { node in
                node.statements.filter { $0.property == Int32(v.term.index) }.flatMap { node.values(of: $0) }
            }
            #expect(terms.sorted() == tagged.tags.flatMap { $0.provenance.map(\.term) }.sorted())
        }
    }
}
