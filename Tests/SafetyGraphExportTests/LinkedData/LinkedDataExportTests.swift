import Foundation
import Testing
import SafetyGraphCore
@testable import SafetyGraphExport

@Suite struct LinkedDataExportTests {
    static func graph(entries extra: [TaggedEntry] = []) -> KnowledgeGraph {
        let scheme = ConceptScheme(
            id: "s", title: "Scheme", definition: "A scheme.",
            concepts: [
                Concept(id: "robustness", prefLabel: "Robustness", altLabels: ["sturdiness"], definition: "Keeps working."),
                Concept(
                    id: "adversarial-robustness", prefLabel: "Adversarial robustness", definition: "Against \"attacks\".",
                    broader: ["robustness"], related: ["aviation"], closeMatch: ["http://www.wikidata.org/entity/Q1"]),
                Concept(id: "aviation", prefLabel: "Aviation", definition: "Flying.", related: ["adversarial-robustness"]),
            ])
        let tagged = TaggedEntry(
            entry: Entry(
                id: "example-org-a-00000001", title: "A \"title\"\n</script>", url: "https://example.org/a b",
                otherURLs: ["https://example.org/code"], authors: ["Ada Lovelace", "Alan Turing"], year: 1843,
                organization: "Analytical Society", description: "Notes.", keywords: ["é", "e\u{301}"],
                sectionPaths: [["Tools", "Attacks"]], kind: .article, githubRepo: "owner/repo"),
            tags: [
                Tag(concept: "adversarial-robustness", provenance: [
                    TagProvenance(rule: .section, term: "Attacks", field: .section),
                    TagProvenance(rule: .label, term: "adversarial", field: .title),
                ]),
                Tag(concept: "aviation", provenance: [TagProvenance(rule: .override, term: "https://example.org/a")]),
            ])
        return KnowledgeGraph(scheme: scheme, entries: [tagged] + extra)
    }

    static func render(_ graph: KnowledgeGraph = graph()) -> [LinkedDataExport.File: String] {
        LinkedDataExport(graph: graph, base: .default).render()
    }

    /// `Café` written composed and decomposed are two sections, as they are two IRIs: each entry is part of its
    /// own, even though Swift's `==` calls the two paths equal.
    @Test func canonicallyEquivalentSectionsStayApart() throws {
        let entries = [("nfc", "Caf\u{E9}"), ("nfd", "Cafe\u{301}")].map { name, section in
            TaggedEntry(
                entry: Entry(id: EntryID("example-org-\(name)-00000001"), title: name, url: "https://example.org/\(name)",
                             sectionPaths: [["Tools", section]]),
                tags: [])
        }
        let nt = try #require(Self.render(Self.graph(entries: entries))[.nTriples])
        let lines = Set(nt.split(separator: "\n").map(String.init))
        for (name, encoded) in [("nfc", "Caf%C3%A9"), ("nfd", "Cafe%CC%81")] {
            let part = "<https://example.org/safetygraph/entries/example-org-\(name)-00000001> <https://schema.org/isPartOf> "
                + "<https://example.org/safetygraph/sections/Tools/\(encoded)> ."
            #expect(lines.contains(part), "missing: \(part)")
            let section = "<https://example.org/safetygraph/sections/Tools/\(encoded)> <https://schema.org/isPartOf> "
                + "<https://example.org/safetygraph/sections/Tools> ."
            #expect(lines.contains(section), "missing: \(section)")
        }
    }

    @Test func nTriplesSayExactlyWhatTheEntryHolds() throws {
        let nt = try #require(Self.render()[.nTriples])
        let e = "<https://example.org/safetygraph/entries/example-org-a-00000001>"
        let expected = [
            "\(e) <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/ScholarlyArticle> .",
            #"\#(e) <https://schema.org/name> "A \"title\"\n</script>" ."#,
            "\(e) <https://schema.org/url> <https://example.org/a%20b> .",
            "\(e) <https://schema.org/sameAs> <https://example.org/code> .",
            "\(e) <https://schema.org/codeRepository> <https://github.com/owner/repo> .",
            #"\#(e) <https://schema.org/datePublished> "1843"^^<http://www.w3.org/2001/XMLSchema#gYear> ."#,
            "\(e) <https://schema.org/keywords> \"é\" .",
            "\(e) <https://schema.org/keywords> \"e\u{301}\" .",
            "\(e) <https://schema.org/author> <https://example.org/safetygraph/entries/example-org-a-00000001/authors/2> .",
            "\(e) <https://schema.org/publisher> <https://example.org/safetygraph/entries/example-org-a-00000001/publisher> .",
            "\(e) <https://schema.org/isPartOf> <https://example.org/safetygraph/sections/Tools/Attacks> .",
            "\(e) <http://purl.org/dc/terms/subject> <https://example.org/safetygraph/concepts/aviation> .",
            "\(e) <https://schema.org/about> <https://example.org/safetygraph/concepts/adversarial-robustness> .",
            "<https://example.org/safetygraph/entries/example-org-a-00000001/authors/1> <https://schema.org/name> \"Ada Lovelace\" .",
            "<https://example.org/safetygraph/entries/example-org-a-00000001/tags/adversarial-robustness/1> <https://example.org/safetygraph/vocab#rule> <https://example.org/safetygraph/vocab#labelRule> .",
            "<https://example.org/safetygraph/entries/example-org-a-00000001/tags/adversarial-robustness/2> <https://example.org/safetygraph/vocab#rule> <https://example.org/safetygraph/vocab#sectionRule> .",
            "<https://example.org/safetygraph/entries/example-org-a-00000001/tags/aviation/1> <https://example.org/safetygraph/vocab#term> \"https://example.org/a\" .",
            "<https://example.org/safetygraph/sections/Tools/Attacks> <https://schema.org/isPartOf> <https://example.org/safetygraph/sections/Tools> .",
            "<https://example.org/safetygraph/concepts/adversarial-robustness> <http://www.w3.org/2004/02/skos/core#broader> <https://example.org/safetygraph/concepts/robustness> .",
            "<https://example.org/safetygraph/concepts/robustness> <http://www.w3.org/2004/02/skos/core#narrower> <https://example.org/safetygraph/concepts/adversarial-robustness> .",
            "<https://example.org/safetygraph/concepts/robustness> <http://www.w3.org/2004/02/skos/core#topConceptOf> <https://example.org/safetygraph/scheme> .",
            "<https://example.org/safetygraph/scheme> <http://www.w3.org/2004/02/skos/core#hasTopConcept> <https://example.org/safetygraph/concepts/aviation> .",
            #"<https://example.org/safetygraph/concepts/robustness> <http://www.w3.org/2004/02/skos/core#altLabel> "sturdiness"@en ."#,
            "<https://example.org/safetygraph/concepts/adversarial-robustness> <http://www.w3.org/2004/02/skos/core#closeMatch> <http://www.wikidata.org/entity/Q1> .",
        ]
        let lines = Set(nt.split(separator: "\n").map(String.init))
        for line in expected { #expect(lines.contains(line), "missing: \(line)") }
        // The override has no field; adversarial-robustness is not a facet.
        #expect(!nt.contains("tags/aviation/1> <https://example.org/safetygraph/vocab#field>"))
        #expect(!nt.contains("concepts/adversarial-robustness> <http://www.w3.org/2004/02/skos/core#topConceptOf>"))
        // No duplicate triples (compared as bytes: a Set<String> would merge "é" and "e\u{301}").
        #expect(Set(nt.split(separator: "\n").map { Array($0.utf8) }).count == nt.split(separator: "\n").count)
    }

    @Test func everyFormHoldsTheSameNodesAndTripleCount() throws {
        let export = LinkedDataExport(graph: Self.graph(), base: .default)
        let files = export.render()
        let nt = try #require(files[.nTriples])
        var triples = 0
        var nodes: [String] = []
        _ = export.model.forEachSchemeNode { triples += $0.tripleCount; nodes.append($0.iri) }
        _ = export.model.forEachCatalogNode { triples += $0.tripleCount; nodes.append($0.iri) }
        #expect(nt.split(separator: "\n").count == triples)
        // graph.jsonld = scheme.jsonld + catalog.jsonld, one node per line.
        func ids(_ file: LinkedDataExport.File) throws -> [String] {
            let data = Data(try #require(files[file]).utf8)
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let graph = try #require(json["@graph"] as? [[String: Any]])
            return graph.compactMap { $0["@id"] as? String }
        }
        #expect(try ids(.graph) == nodes)
        #expect(try ids(.scheme) + ids(.catalog) == nodes)
        let turtleSubjects = try #require(files[.turtle]).split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("@") && !$0.isEmpty }
        #expect(turtleSubjects.count == nodes.count)
    }

    @Test func contextDefinesEveryKeyAndIsInlineInEveryDump() throws {
        let files = Self.render()
        let contextText = try #require(files[.context])
        let context = try #require(try JSONSerialization.jsonObject(with: Data(contextText.utf8)) as? [String: Any])
        let terms = try #require(context["@context"] as? [String: Any])
        #expect(terms["@vocab"] == nil)
        for file in [LinkedDataExport.File.scheme, .catalog, .graph] {
            let text = try #require(files[file])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(NSDictionary(dictionary: try #require(json["@context"] as? [String: Any])).isEqual(to: terms))
            for node in try #require(json["@graph"] as? [[String: Any]]) {
                for key in node.keys where !key.hasPrefix("@") { #expect(terms[key] != nil, "\(key) is not a term") }
                let types = (node["@type"] as? [String]) ?? [(node["@type"] as? String) ?? ""]
                for type in types { #expect(terms[type] != nil, "\(type) is not a term") }
            }
        }
        #expect(!(files[.graph] ?? "").contains("</script>"))
    }

    @Test func outputIsDeterministicAndIndependentOfEntryOrder() {
        let extra = (0..<50).map { i in
            TaggedEntry(entry: Entry(id: EntryID("e-\(i)"), title: "E \(i)", url: "https://example.org/\(i)", kind: "tool"), tags: [])
        }
        let first = Self.render(Self.graph(entries: extra))
        let second = Self.render(Self.graph(entries: extra.reversed()))
        #expect(first == second)
        #expect(first[.nTriples]?.hasSuffix(" .\n") == true)
        for (_, text) in first { #expect(text.hasSuffix("\n")) }
    }

    @Test func valuesAreSortedByCodePointAndCanonicalEquivalentsStayApart() {
        #expect(LinkedNode.sortedUnique(["b", "é", "a", "e\u{301}", "b", "é"]) == ["a", "b", "e\u{301}", "é"])
    }

    /// A node keeps every statement's values together in one array: values added to a property out of turn, and
    /// duplicates dropped while sorting, move the other statements' places. Each statement must still read its own
    /// values, whatever the order they were added in.
    @Test func aNodeSaysWhatWasAddedWhateverTheOrder() {
        let v = LinkedVocabulary(base: try! LinkedDataBase("https://example.org/sg/"))
        let adds: [(LinkedProperty, [String])] = [
            (v.name, ["b"]), (v.url, ["https://u/2"]), (v.about, ["x", "x"]), (v.name, ["a", "b", "c"]),
            (v.keywords, ["k"]), (v.url, ["https://u/1", "https://u/2"]), (v.about, ["w"]), (v.name, ["é", "e\u{301}"]),
            (v.identifier, ["id"]),
        ]
        var expected: [String: [String]] = [:]
        for (property, values) in adds { expected[property.iri, default: []] += values }
        for order in [Array(adds.indices), Array(adds.indices.reversed()), [4, 0, 8, 2, 6, 1, 3, 7, 5]] {
            var node = LinkedNode(iri: "https://example.org/sg/entry/n", types: [v.tagging], capacity: 2)
            for i in order { node.add(adds[i].0, adds[i].1) }
            node.normalize(v)
            let said = node.statements.map { (v.propertyTable[Int($0.property)].iri, Array(node.values(of: $0))) }
            #expect(said.map(\.0) == expected.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(order)")
            for (iri, values) in said {
                #expect(values == LinkedNode.sortedUnique(expected[iri] ?? []), "\(iri) after \(order)")
            }
            #expect(node.tripleCount == 1 + expected.values.reduce(0) { $0 + LinkedNode.sortedUnique($1).count })
            // Reset for the next node, the same arrays kept.
            node.reset(iri: "https://example.org/sg/entry/m", type: v.person)
            #expect(node.statements.isEmpty && node.values.isEmpty && node.types == [v.person])
        }
    }

    @Test(arguments: [(2024, "2024"), (999, "0999"), (5, "0005"), (12345, "12345"), (-44, "-0044")])
    func yearsAreGYears(_ year: Int, _ expected: String) {
        #expect(LinkedDataModel.gYear(year) == expected)
    }

    @Test func badLinksAreEncodedOrLeftOutWithAWarning() {
        let entry = TaggedEntry(
            entry: Entry(
                id: "bad", title: "Bad", url: "https://example.org/{x}", otherURLs: ["ftp://example.org/file"],
                sources: [SourceLocation(file: "list.md", line: 7)]),
            tags: [Tag(concept: "nowhere", provenance: [TagProvenance(rule: .override, term: "x")])])
        let export = LinkedDataExport(graph: Self.graph(entries: [entry]), base: .default)
        let diagnostics = export.model.forEachCatalogNode { _ in }.filter { $0.location?.description == "list.md:7" }
        #expect(diagnostics.map(\.code).sorted() == ["tag-not-in-scheme", "url-not-iri", "url-not-iri"])
        let nt = export.render()[.nTriples] ?? ""
        #expect(nt.contains("<https://example.org/safetygraph/entries/bad> <https://schema.org/url> <https://example.org/%7Bx%7D> ."))
        #expect(!nt.contains("ftp://"))
        #expect(!nt.contains("concepts/nowhere"))
    }

    @Test func streamedFilesEqualTheRenderedOnes() throws {
        // Enough entries to pass the 1 MiB flush threshold several times.
        let extra = (0..<6_000).map { i in
            TaggedEntry(
                entry: Entry(
                    id: EntryID("bulk-\(i)"), title: "Bulk entry \(i) \"quoted\" \u{202E}", url: "https://example.org/bulk/\(i)",
                    description: String(repeating: "text ", count: 20), keywords: ["k\(i % 7)"], sectionPaths: [["Bulk"]],
                    kind: "tool"),
                tags: [Tag(concept: "robustness", provenance: [TagProvenance(rule: .label, term: "robust", field: .title)])])
        }
        let graph = Self.graph(entries: extra)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sg-linked-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let staging = try OutputStaging(destination: folder.appendingPathComponent("Output").path)
        let report = try LinkedDataExport(graph: graph, base: .default).write(into: staging, measuring: true)
        try staging.commit()
        let rendered = LinkedDataExport(graph: graph, base: .default).render()
        for file in LinkedDataExport.File.allCases {
            let written = try String(contentsOf: folder.appendingPathComponent("Output/\(file.rawValue)"), encoding: .utf8)
            #expect(written == rendered[file], "\(file.rawValue)")
        }
        #expect((rendered[.graph]?.utf8.count ?? 0) > 3 << 20)
        #expect(report.tripleCount == rendered[.nTriples]?.split(separator: "\n").count)
        #expect(report.seconds.map(\.stage).contains("JSON-LD"))
        #expect(report.seconds.contains { $0.stage == "writing runs out" && $0.seconds > 0 })
    }
    /// The entries are made in runs at once and written out in order: however many entries a run holds, the files
    /// are the same, every dump is valid JSON holding every node in order, and a catalogue whose first node is an
    /// entry (no sections) starts its list right.
    @Test func runsOfAnySizeWriteTheSameFiles() throws {
        for withSections in [true, false] {
            let entries = (0..<300).map { i in
                TaggedEntry(
                    entry: Entry(
                        id: EntryID("run-\(1_000 + i)"), title: "Entry \(i)", url: "https://example.org/run/\(i)",
                        authors: i % 3 == 0 ? ["Author \(i)"] : [], organization: i % 5 == 0 ? "Org \(i)" : nil,
                        sectionPaths: withSections && i % 2 == 0 ? [["Part \(i % 4)"]] : []),
                    tags: i % 4 == 0 ? [] : [Tag(concept: "aviation", provenance: [TagProvenance(rule: .label, term: "flying", field: .title)])])
            }
            let scheme = Self.graph().scheme
            let export = LinkedDataExport(graph: KnowledgeGraph(scheme: scheme, entries: entries), base: .default)
            var nodes: [String] = []
            var catalogNodes: [String] = []
            var triples = 0
            _ = export.model.forEachSchemeNode { triples += $0.tripleCount; nodes.append($0.iri) }
            _ = export.model.forEachCatalogNode { triples += $0.tripleCount; catalogNodes.append($0.iri) }
            #expect(withSections || !catalogNodes.contains { $0.contains("/sections/") })
            let whole = export.render(entriesPerRun: 1_000)
            for size in [1, 7, LinkedDataExport.entriesPerRun, 299] {
                let files = export.render(entriesPerRun: size)
                for file in LinkedDataExport.File.allCases {
                    #expect(files[file] == whole[file], "\(file.rawValue), runs of \(size)")
                }
            }
            func ids(_ file: LinkedDataExport.File) throws -> [String] {
                let data = Data(try #require(whole[file]).utf8)
                let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                return try #require(json["@graph"] as? [[String: Any]]).compactMap { $0["@id"] as? String }
            }
            #expect(try ids(.catalog) == catalogNodes)
            #expect(try ids(.graph) == nodes + catalogNodes)
            #expect(try #require(whole[.nTriples]).split(separator: "\n").count == triples)
        }
    }
}
