import Foundation
import Testing
import SafetyGraphCore
import SafetyGraphMarkdown
@testable import SafetyGraphExport

/// `catalog.json` is streamed by our own writer; `JSONEncoder` is the oracle it must equal byte for byte.
@Suite struct CatalogueWriterTests {
    static func written(_ document: CatalogueDocument) -> String {
        let sink = ByteSink()
        document.write(to: sink)
        return sink.text
    }

    /// Where two texts' bytes first differ, nil when they are the same. (Comparing as bytes, since `String ==` takes
    /// NFC and NFD for the same text; and a position, since the test library's diff of two large texts that
    /// differ takes minutes.)
    static func firstDifference(_ a: String, _ b: String) -> Int? {
        if a.utf8.elementsEqual(b.utf8) { return nil }
        return zip(a.utf8, b.utf8).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.utf8.count, b.utf8.count)
    }

    @Test func equalsTheEncoderOnHostileText() throws {
        let hostile = "q\"b\\s/ \u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}\u{80}\u{2028}\u{2029}é😀 </script><!-- &amp;"
        let scheme = ConceptScheme(
            id: "s", title: hostile, definition: hostile,
            concepts: [
                Concept(id: "robustness", prefLabel: hostile, definition: "Keeps working."),
                Concept(id: "adversarial-robustness", prefLabel: "A", definition: "B", broader: ["robustness"]),
                Concept(id: "empty", prefLabel: "E", definition: "Nothing tagged."),
            ])
        let tag = Tag(concept: "adversarial-robustness", provenance: [
            TagProvenance(rule: .label, term: hostile, field: .title), TagProvenance(rule: .override, term: "https://x.org/a"),
        ])
        // Files that escape, files equal to the last one only under Swift's `==` (NFC and NFD), columns.
        func sources(_ n: Int) -> [SafetyGraphCore.SourceLocation] {
            let first = SafetyGraphCore.SourceLocation(file: "l\u{1}.md", line: n + 1)
            guard n % 2 == 0 else { return [first] }
            return [
                first, SafetyGraphCore.SourceLocation(file: "caf\u{E9} \"q\".md", line: 7, column: 3),
                SafetyGraphCore.SourceLocation(file: "cafe\u{301} \"q\".md", line: Int.max),
                SafetyGraphCore.SourceLocation(file: "l\u{1}.md", line: 0),
            ]
        }
        let sourceLists = (0..<12).map(sources)
        let years: [Int?] = (0..<12).map { n in n % 4 == 0 ? [1990, -44, Int.min][n / 4] : nil }
        let entries = (0..<12).map { n in
            TaggedEntry(
                entry: Entry(
                    id: EntryID("entry-\(n)"), title: n == 0 ? hostile : "Title \(n)", url: "https://example.org/\(n)",
                    otherURLs: n % 3 == 0 ? ["https://x.org/\(n)", hostile] : [], authors: n % 2 == 0 ? [hostile, "B"] : [],
                    year: years[n], organization: n % 5 == 0 ? hostile : nil,
                    description: n % 2 == 1 ? hostile : nil, keywords: n % 3 == 1 ? ["k", hostile] : [],
                    sectionPaths: n % 2 == 0 ? [["Tools", hostile], []] : [], kind: n % 2 == 0 ? .tool : .article,
                    githubRepo: n == 3 ? "o/r" : nil, sources: sourceLists[n]),
                tags: n == 11 ? [] : [tag])
        }
        let document = CatalogueDocument(graph: KnowledgeGraph(scheme: scheme, entries: entries), relatedLimit: 5)
        #expect(document.entries.contains { !$0.related.isEmpty })
        #expect(Self.firstDifference(Self.written(document), try JSONOutput.encode(document)) == nil)
        let empty = CatalogueDocument(graph: KnowledgeGraph(scheme: scheme, entries: []), relatedLimit: 5)
        #expect(Self.firstDifference(Self.written(empty), try JSONOutput.encode(empty)) == nil)
    }

    /// The entry writer copies a string as it is when none of its bytes needs escaping, judged eight bytes at a time,
    /// and copies short pieces with overlapping words: strings of every length around those widths (and around the
    /// longest copied in one piece), with each kind of byte at the start, the middle and the end, in every place a
    /// string is written, read as the encoder writes them.
    @Test func entryStringsOfEveryLengthEqualTheEncoder() throws {
        var texts: [String] = []
        for length in Array(0...41) + [65_535, 65_536, 65_537] {
            let plain = String(decoding: (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }, as: UTF8.self)
            texts.append(plain)
            guard length > 0, length < 100 else { continue }
            for special in ["\"", "\\", "\u{0}", "\u{1F}", "\n", "/", "\u{7F}", "<"] {
                for place in Set([0, length / 2, length - 1]) {
                    var bytes = Array(plain.utf8.prefix(place))
                    bytes += special.utf8
                    bytes += plain.utf8.dropFirst(place + 1)
                    texts.append(String(decoding: bytes, as: UTF8.self))
                }
            }
        }
        let scheme = ConceptScheme(
            id: "s", title: "T", definition: "D", concepts: [Concept(id: "a", prefLabel: "A", definition: "A.")])
        let entries = texts.enumerated().map { n, text in
            TaggedEntry(
                entry: Entry(
                    id: EntryID("e\(n)"), title: text, url: text, otherURLs: [text], authors: [text, "B"],
                    year: n % 3 == 0 ? n : nil, organization: n % 2 == 0 ? text : nil, description: text,
                    keywords: [text], sectionPaths: [[text]], githubRepo: n % 5 == 0 ? text : nil,
                    sources: [SafetyGraphCore.SourceLocation(file: text, line: n, column: n % 4)]),
                tags: [Tag(concept: "a", provenance: [TagProvenance(rule: .label, term: text, field: .title)])])
        }
        let document = CatalogueDocument(graph: KnowledgeGraph(scheme: scheme, entries: entries), relatedLimit: 5)
        #expect(Self.firstDifference(Self.written(document), try JSONOutput.encode(document)) == nil)
    }

    /// A provenance's field and rule are written from pieces made per case (not their raw values): every rule with
    /// every field and none, read as the encoder writes them.
    @Test func provenancesOfEveryRuleAndFieldEqualTheEncoder() throws {
        let scheme = ConceptScheme(
            id: "s", title: "T", definition: "D", concepts: [Concept(id: "a", prefLabel: "A", definition: "A.")])
        let fields: [EntryField?] = EntryField.allCases + [nil]
        let provenance = TagRule.allCases.flatMap { rule in fields.map { TagProvenance(rule: rule, term: "t \(rule)", field: $0) } }
        let entries = (0..<3).map { n in
            TaggedEntry(
                entry: Entry(id: EntryID("e\(n)"), title: "T", url: "https://x.org/\(n)"),
                tags: [Tag(concept: "a", provenance: n == 0 ? provenance : Array(provenance.reversed().prefix(n)))])
        }
        let document = CatalogueDocument(graph: KnowledgeGraph(scheme: scheme, entries: entries), relatedLimit: 5)
        #expect(Self.firstDifference(Self.written(document), try JSONOutput.encode(document)) == nil)
    }

    /// Integers and doubles as the encoder writes them, each double several times and among others that differ
    /// only in their last digits (the writer keeps the text of each double it has written).
    @Test func numbersEqualTheEncoder() throws {
        var ints = [0, 1, -1, 9, -9, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for power in 1...18 {
            let p = Int(pow(10, Double(power)))
            ints += [p - 1, p, p + 1, -p + 1, -p, -p - 1]
        }
        var doubles: [Double] = [0, -0.0, 1, -1, 2.5, 0.1 + 0.2, 1e-7, 123_456.789, 1e15, 0.000_1]
        for x in [0.1, 0.5, 0.1234, 3.0] { doubles += [x, x.nextUp, x.nextDown, x] }
        for round in 0..<3 {
            for n in stride(from: 0, through: 20_000, by: 7) { doubles.append(Double(n) / 10_000 + Double(round % 2)) }
        }
        for (name, expected, write) in [
            ("ints", try JSONOutput.encode(ints), { (json: inout PrettyJSONWriter) in ints.forEach { json.element(); json.int($0) } }),
            ("doubles", try JSONOutput.encode(doubles), { (json: inout PrettyJSONWriter) in doubles.forEach { json.element(); json.double($0) } }),
        ] {
            let sink = ByteSink()
            var json = PrettyJSONWriter(sink: sink)
            json.beginArray()
            write(&json)
            json.endArray()
            sink.append(UInt8(ascii: "\n"))
            #expect(Self.firstDifference(sink.text, expected) == nil, "\(name)")
        }
    }

    /// Containers nested far deeper than the catalogue's (it goes six deep), empty and not, objects and arrays,
    /// laid out as the encoder lays them out.
    @Test func deepNestingEqualsTheEncoder() throws {
        indirect enum Nest: Encodable {
            case leaf(Int), list([Nest]), object(Nest)
            func encode(to encoder: any Encoder) throws {
                switch self {
                case .leaf(let n):
                    var one = encoder.singleValueContainer()
                    try one.encode(n)
                case .list(let items):
                    var one = encoder.singleValueContainer()
                    try one.encode(items)
                case .object(let child):
                    var keyed = encoder.container(keyedBy: Key.self)
                    try keyed.encode(child, forKey: .child)
                    try keyed.encode([Int](), forKey: .empty)
                }
            }
            enum Key: String, CodingKey { case child, empty }
            func write(_ json: inout PrettyJSONWriter) {
                switch self {
                case .leaf(let n): json.int(n)
                case .list(let items):
                    json.beginArray()
                    for item in items {
                        json.element()
                        item.write(&json)
                    }
                    json.endArray()
                case .object(let child):
                    json.beginObject()
                    json.key("child")
                    child.write(&json)
                    json.key("empty")
                    json.beginArray()
                    json.endArray()
                    json.endObject()
                }
            }
        }
        var nest = Nest.list([])
        for depth in 1...40 { nest = depth % 3 == 0 ? .object(nest) : .list([.leaf(depth), nest, .list([])]) }
        let sink = ByteSink()
        var json = PrettyJSONWriter(sink: sink)
        nest.write(&json)
        sink.append(UInt8(ascii: "\n"))
        #expect(Self.firstDifference(sink.text, try JSONOutput.encode(nest)) == nil)
    }

    /// Every corpus list with the shipped ontology: real titles, scores and provenance.
    @Test func equalsTheEncoderOnTheCorpora() throws {
        var root = URL(fileURLWithPath: #filePath)
        while root.path != "/" {
            root.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) { break }
        }
        let corpora = root.deletingLastPathComponent().appendingPathComponent("shared/corpora")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpora.path)) ?? [])
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        try #require(names.count >= 5, "the corpora in ../shared/corpora are needed")
        let (ontology, _) = try OntologyLoader.load(folder: root.appendingPathComponent("Ontology").path)
        let ingester = MarkdownIngester(rules: ontology.ingest)
        let lists = try names.map { try ingester.ingest(fileAt: corpora.appendingPathComponent($0).path).entries }
        let tagged = Tagger(ontology: ontology).tag(EntryMerger.merge(lists).entries)
        let document = CatalogueDocument(
            graph: KnowledgeGraph(scheme: ontology.scheme, entries: tagged.entries), relatedLimit: 5)
        #expect(document.entries.count > 2000)
        let ours = Self.written(document)
        let oracle = try JSONOutput.encode(document)
        #expect(ours.utf8.count == oracle.utf8.count)
        #expect(Self.firstDifference(ours, oracle) == nil)
    }
}
