import Testing
import SafetyGraphCore
@testable import SafetyGraphExport

/// The entry nodes are made with shortcuts: the entry's IRI from the entry namespace made once, the rule IRI by a
/// switch, section keys in one copy, nodes emptied value by value. Each against the plain way.
@Suite struct EntryNodeShortcutTests {
    static let ids = [
        "plain-id", "with space", "é-accent", "e\u{301}", "..", ".", "a/b", "a#b?c", "%41", "😀", "-lead", "x~y_z.w",
    ]

    /// Every entry's node IRI is `base.entry(id)`, and every tagging's rule is `v.ruleIRIs[rule]`, for every rule,
    /// under the default base and a `#` base.
    @Test(arguments: [LinkedDataBase.placeholder, "https://example.org/kg#", "http://x.org/é/"])
    func entryIRIsAndRuleIRIsAreThePlainOnes(_ baseIRI: String) throws {
        let base = try LinkedDataBase(baseIRI)
        let scheme = LinkedDataExportTests.graph().scheme
        let entries = Self.ids.enumerated().map { i, id in
            TaggedEntry(
                entry: Entry(id: EntryID(id), title: "T \(i)", url: "https://example.org/\(i)", organization: "Org"),
                tags: [
                    Tag(concept: "aviation", provenance: TagRule.allCases.map { TagProvenance(rule: $0, term: "t\(i)") })
                ])
        }
        let model = LinkedDataModel(graph: KnowledgeGraph(scheme: scheme, entries: entries), vocabulary: LinkedVocabulary(base: base))
        var iris: [String] = []
        var rules: [String] = []
        _ = model.forEachCatalogNode { node in
            iris.append(node.iri)
            for statement in node.statements where statement.property == Int32(model.vocabulary.rule.index) {
                rules += node.values(of: statement)
            }
        }
        for id in Self.ids { #expect(iris.contains(base.entry(EntryID(id))), "\(id)") }
        let expected = TagRule.allCases.compactMap { model.vocabulary.ruleIRIs[$0] }
        #expect(expected.count == TagRule.allCases.count)
        // Each entry's taggings in provenance order: by rule, in the rules' order.
        #expect(rules == Array(repeating: expected, count: Self.ids.count).flatMap { $0 })
    }

    /// Each entry's node has its kind's type, for kinds in runs and alternating: a node of the last kind keeps
    /// the type it has.
    @Test func entryNodesHaveTheirKindsType() {
        let kinds: [EntryKind] = [.article, .article, .book, .tool, .tool, .tool, .article, .book, .article, "other", "other"]
        let entries = kinds.enumerated().map { i, kind in
            TaggedEntry(entry: Entry(id: EntryID("e\(i)"), title: "T", url: "https://example.org/\(i)", kind: kind), tags: [])
        }
        let scheme = LinkedDataExportTests.graph().scheme
        let model = LinkedDataModel(graph: KnowledgeGraph(scheme: scheme, entries: entries), vocabulary: LinkedVocabulary(base: .default))
        var types: [String: [LinkedClass]] = [:]
        _ = model.forEachCatalogNode { node in types[node.iri] = node.types }
        for (i, kind) in kinds.enumerated() {
            #expect(types[LinkedDataBase.default.entry(EntryID("e\(i)"))] == [SchemaTypeMapping.type(of: kind)], "\(i)")
        }
    }

    @Test func sectionKeysAreTheNamesBytesEachAfterFF() {
        for path in [[], [""], ["a"], ["Tools", "Attacks"], ["é", "e\u{301}", ""], ["\u{0}", "😀 x", "a b/c"]] {
            let expected = path.flatMap { [UInt8(0xFF)] + Array($0.utf8) }
            #expect(LinkedDataModel.sectionKey(path).bytes == expected)
            var incremental: [UInt8] = []
            for name in path { LinkedDataModel.appendSectionKey(name, to: &incremental) }
            #expect(incremental == expected)
        }
    }

    /// A node reset after holding statements and values equals one made fresh.
    @Test func aResetNodeEqualsAFreshOne() {
        let v = LinkedVocabulary(base: .default)
        var node = LinkedNode(iri: "https://example.org/a", types: [v.person, v.organization], capacity: 2)
        for count in [0, 1, 3, 40] {
            for i in 0..<count {
                node.add(i % 2 == 0 ? v.name : v.keywords, "v\(i)")
                node.add(v.sameAs, ["https://example.org/\(i)", "https://example.org/x"])
            }
            node.normalize(v)
            node.reset(iri: "https://example.org/b\(count)", type: v.tagging)
            #expect(node == LinkedNode(iri: "https://example.org/b\(count)", types: [v.tagging]))
            #expect(node.values.isEmpty && node.statements.isEmpty && node.tripleCount == 1)
        }
    }

    /// The section nodes are one per distinct path and prefix of one, told apart by bytes, whatever order the
    /// entries bring them in (a path before its prefix, after it, again, as NFC and as NFD): the look-ups skipped for
    /// a path already met must skip nothing new.
    @Test func sectionNodesAreOnePerDistinctPathAndPrefix() {
        let paths: [[[String]]] = [
            [["Tools", "Attacks", "Evasion"]], [["Tools"]], [["Tools", "Attacks"], ["Standards"]],
            [["Tools", "Defences"]], [["Tools", "Attacks", "Evasion"], ["Tools", "Attacks", "Poisoning"]],
            [["Caf\u{E9}"]], [["Cafe\u{301}", "x"]], [["Standards", "ISO"]], [["Standards"]], [],
            [["Tools", "Attacks", "Evasion"]], [["A", "B", "C", "D"]], [["A", "B"]],
        ]
        let entries = paths.enumerated().map { i, sectionPaths in
            TaggedEntry(
                entry: Entry(
                    id: EntryID("e\(i)"), title: "T", url: "https://example.org/\(i)", sectionPaths: sectionPaths),
                tags: [])
        }
        let base = LinkedDataBase.default
        let model = LinkedDataModel(
            graph: KnowledgeGraph(scheme: LinkedDataExportTests.graph().scheme, entries: entries),
            vocabulary: LinkedVocabulary(base: base))
        // The plain way: every prefix of every path, keyed by its bytes.
        var expected: [[UInt8]: [String]] = [:]
        for sectionPaths in paths {
            for path in sectionPaths {
                for length in 1...path.count {
                    expected[LinkedDataModel.sectionKey(Array(path.prefix(length))).bytes] = Array(path.prefix(length))
                }
            }
        }
        let (nodes, iris) = model.sections()
        #expect(Set(iris.keys.map(\.bytes)) == Set(expected.keys))
        for (key, prefix) in expected {
            #expect(iris[LinkedDataModel.SectionKey(key)] == base.section(prefix), "\(prefix)")
        }
        #expect(nodes.map(\.iri) == Set(expected.values.map { base.section($0) }).sorted())
        #expect(nodes.count == 14, "Tools, Attacks, Evasion, Poisoning, Defences, Standards, ISO, Café ×2, x, A–D")
    }
}
