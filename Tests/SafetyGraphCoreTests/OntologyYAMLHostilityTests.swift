import Foundation
import Testing

@testable import SafetyGraphCore

/// Hostile input: alias bombs, deep nesting, huge files, bytes that are not UTF-8, directories and special files
/// where files belong. Each must be refused quickly with a clear message, never crash.
@Suite struct OntologyYAMLHostilityTests {
    /// The classic "billion laughs": ten levels of ten aliases each, 10^10 strings once expanded.
    static let billionLaughs: String = {
        var text = "concepts:\n  - id: lol\n    prefLabel: &a0 lol\n"
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "    l\(level): &a\(level) [\(aliases)]\n"
        }
        return text + "    altLabels: [*a9, *a9, *a9, *a9, *a9, *a9, *a9, *a9, *a9, *a9]\n"
    }()

    // MARK: - Alias bombs

    @Test func refusesBillionLaughsQuickly() throws {
        let folder = try OntologyScratch.make(["concepts/more.yaml": Self.billionLaughs])
        defer { OntologyScratch.remove(folder) }
        // Refused by the alias check before anything is composed, so nothing is expanded.
        let error = OntologyScratch.failure(folder)
        let diagnostic = try #require(error?.errors.first)
        #expect(error?.errors.count == 1)
        #expect(diagnostic.code == "yaml-alias")
        #expect(diagnostic.location == SourceLocation(file: folder + "/concepts/more.yaml", line: 3, column: 16))
        #expect(diagnostic.message.contains("YAML anchors and aliases are not allowed in ontology files"))
    }

    @Test func backstopRefusesAliasesThePrescanWouldMiss() {
        // With the raw-text pass off, composing still shares aliased nodes (linear), and the anchor check that runs
        // while the parser is alive refuses the document without expanding it.
        var log = DiagnosticLog()
        let outcome: YAMLFileReader.Outcome? = YAMLFileReader.parse(
            Self.billionLaughs, displayPath: "laughs.yaml", prescan: false, log: &log)
        guard case .failed = outcome else {
            Issue.record("the document was accepted")
            return
        }
        #expect(
            log.items.map(\.description) == [
                "laughs.yaml:3:16: error: " + YAMLFileReader.aliasMessage
            ])
    }

    @Test(arguments: [
        "a: x\nb: &k y\nc: *k\n", "- [a, b]\n- {k: &x v, l: *x}\n- &y z\n", "&r top: 1\nb: *r\n",
        "a:\n  b:\n    - c\n    - &d e\n  f: &g h\ni: *g\n", "- - - x\n  - &n y\n- &m z\n", "? &k key\n: &v value\n",
        "a: [b, c, {d: [e, &f g]}]\nh: &i j\n",
    ])
    func backstopReportsTheFirstAnchorInDocumentOrder(text: String) throws {
        // The node walk (children pushed and reversed in place) must visit keys before values and items in order:
        // the first anchored node it finds is where the prescan, reading the text in order, stops.
        var log = DiagnosticLog()
        guard case .failed = YAMLFileReader.parse(text, displayPath: "a.yaml", prescan: false, log: &log) else {
            Issue.record("the document was accepted")
            return
        }
        guard case .anchorOrAlias(let line, let column) = try #require(YAMLPrescan.check(text)) else {
            Issue.record("the prescan found no anchor")
            return
        }
        #expect(log.items.map(\.description) == ["a.yaml:\(line):\(column): error: " + YAMLFileReader.aliasMessage])
    }

    @Test(arguments: [
        ("key: *a\n", 1, 6), ("- &a x\n", 1, 3), ("[a, *b]\n", 1, 5), ("{k: *a}\n", 1, 5), ("? *a\n: v\n", 1, 3),
        ("--- &a x\n", 1, 5), ("a:\n  - b\n  - *c\n", 3, 5), ("k: !!str &a v\n", 1, 10), ("a: [\n  *b]\n", 2, 3),
        ("'q': *a\n", 1, 6), ("- - - &x y\n", 1, 7), ("a: b\r\nc: *d\r\n", 2, 4), ("a: b\rc: *d\r", 2, 4),
    ])
    func prescanFindsAnchorsAndAliases(text: String, line: Int, column: Int) {
        #expect(YAMLPrescan.check(text) == .anchorOrAlias(line: line, column: column))
    }

    @Test(arguments: [
        "definition: >-\n  *Emphasis* & more, *R&D*\n  &c.\n",
        "definition: |\n  * a list item\n  & an ampersand\nid: x\n",
        "definition: a plain scalar that goes on\n  *and on* & on\nid: x\n",
        "- item that goes on\n  *and on*\n- next\n",
        "label: 'it''s *not* &an alias'\n",
        "label: \"say \\\"*hi*\\\" & go\"\n",
        "label: \"multi\n  *line* quoted\"\n",
        "label: R&D # &comment *here\n",
        "# *a comment\nkey: value*\n",
        "list: [R&D, 'a*b', \"*c\", d*]\n",
        "url: https://example.org/*/&x\n",
        "---\nkey: x\n...\n",
        "%YAML 1.2\n---\nkey: x\n",
    ])
    func prescanAcceptsOrdinaryText(text: String) {
        #expect(YAMLPrescan.check(text) == nil)
    }

    // MARK: - Nesting

    @Test(arguments: [
        (String(repeating: "[", count: 100_000), "more than 32 nested flow collections"),
        (String(repeating: "{a: ", count: 10_000), "more than 32 nested flow collections"),
        (
            (0..<300).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n"),
            "indented past column 128"
        ),
        (String(repeating: "- ", count: 50_000) + "x", "nested past column 128"),
    ])
    func refusesDeepNestingQuickly(text: String, reason: String) throws {
        let folder = try OntologyScratch.make(["concepts/more.yaml": text])
        defer { OntologyScratch.remove(folder) }
        let error = OntologyScratch.failure(folder)
        let diagnostic = try #require(error?.errors.first)
        #expect(diagnostic.code == "yaml-too-deep")
        #expect(diagnostic.message.contains(reason), "\(diagnostic.message)")
        #expect(diagnostic.location?.file == folder + "/concepts/more.yaml")
    }

    @Test func acceptsTheNestingOntologiesNeed() {
        var log = DiagnosticLog()
        let text =
            (0..<20).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " [[[x]]]\n"
        guard case .document(let root) = YAMLFileReader.parse(text, displayPath: "ok.yaml", log: &log) else {
            Issue.record("refused: \(log.items)")
            return
        }
        #expect(root != nil)
    }

    // MARK: - Files

    @Test func refusesTextThatIsNotUTF8() throws {
        var bytes = Data("concepts:\n  - id: caf".utf8)
        bytes.append(0xE9)  // Latin-1 é
        bytes.append(Data("\n    prefLabel: Café\n".utf8))
        let folder = try OntologyScratch.make(data: ["concepts/more.yaml": bytes])
        defer { OntologyScratch.remove(folder) }
        let error = try #require(OntologyScratch.failure(folder))
        #expect(
            error.errors.map(\.description) == [
                folder + "/concepts/more.yaml:2:12: error: file is not valid UTF-8 (byte 0xE9); save it as UTF-8"
            ])
    }

    @Test func acceptsAByteOrderMarkAndCRLF() throws {
        let text = "\u{FEFF}concepts:\r\n  - id: gamma\r\n    prefLabel: Gamma\r\n    definition: G.\r\n"
        let folder = try OntologyScratch.make(["concepts/more.yaml": text])
        defer { OntologyScratch.remove(folder) }
        let scheme = try OntologyLoader.load(folder: folder).ontology.scheme
        #expect(scheme["gamma"]?.location == SourceLocation(file: folder + "/concepts/more.yaml", line: 2, column: 5))
    }

    @Test(arguments: ["scheme.yaml", "rules.yaml", "overrides.yaml", "concepts/more.yaml"])
    func refusesADirectoryWhereAFileBelongs(path: String) throws {
        let folder = try OntologyScratch.make([path: nil])
        defer { OntologyScratch.remove(folder) }
        try FileManager.default.createDirectory(atPath: folder + "/" + path, withIntermediateDirectories: true)
        let error = try #require(OntologyScratch.failure(folder))
        #expect(error.kind == .invalidData)
        #expect(
            error.errors.map(\.description) == [
                "error: \(folder)/\(path): is a directory, expected a YAML file"
            ])
    }

    @Test func refusesAFileOverTheSizeLimit() throws {
        var big = Data("concepts: []\n".utf8)
        big.append(Data(repeating: UInt8(ascii: "#"), count: YAMLFileReader.maxFileSize))
        let folder = try OntologyScratch.make(data: ["concepts/more.yaml": big])
        defer { OntologyScratch.remove(folder) }
        let error = try #require(OntologyScratch.failure(folder))
        #expect(
            error.errors.map(\.description) == [
                folder + "/concepts/more.yaml:1:1: error: file is larger than 8 MiB; ontology files must be smaller"
            ])
    }

    @Test func refusesControlCharactersWithTheirPosition() throws {
        let folder = try OntologyScratch.make(["concepts/more.yaml": "concepts:\n  - id: g\u{01}amma\n"])
        defer { OntologyScratch.remove(folder) }
        let error = try #require(OntologyScratch.failure(folder))
        let diagnostic = try #require(error.errors.first)
        #expect(diagnostic.code == "yaml-syntax")
        #expect(diagnostic.location == SourceLocation(file: folder + "/concepts/more.yaml", line: 2, column: 10))
    }

    @Test func refusesSeveralDocumentsInOneFile() throws {
        let folder = try OntologyScratch.make(["rules.yaml": "ignorePhrases: [a]\n---\nignorePhrases: [b]\n"])
        defer { OntologyScratch.remove(folder) }
        let error = try #require(OntologyScratch.failure(folder))
        #expect(error.errors.first?.code == "yaml-syntax")
        #expect(error.errors.first?.location?.line == 2)
    }
}
