import Foundation
import Testing

@testable import SafetyGraphCore

/// One broken ontology: the minimal scratch ontology with `files` applied, and the one error it must produce.
struct BrokenOntology: Sendable, CustomTestStringConvertible {
    var name: String
    var files: [String: String?]
    /// `relative/file.yaml:line:column`, or nil for a file-level problem with no position.
    var at: String?
    var code: OntologyIssue
    var fragment: String

    var testDescription: String { name }

    init(_ name: String, _ files: [String: String?], at: String?, _ code: OntologyIssue, _ fragment: String) {
        self.name = name
        self.files = files
        self.at = at
        self.code = code
        self.fragment = fragment
    }
}

/// A concept file holding `body` (concept mappings at two spaces of indentation) after the base concepts.
private func concepts(_ body: String) -> [String: String?] {
    ["concepts/more.yaml": "concepts:\n" + body]
}

@Suite struct OntologyErrorTests {
    static let cases: [BrokenOntology] = [
        // MARK: YAML and files
        BrokenOntology(
            "YAML syntax error", concepts("  - id: gamma\n    prefLabel: [unclosed\n    definition: x\n"),
            at: "concepts/more.yaml:4:15", .yamlSyntax, "YAML syntax error: did not find expected ',' or ']'"),
        BrokenOntology(
            "duplicate YAML key", concepts("  - id: gamma\n    id: delta\n"),
            at: "concepts/more.yaml:2:5", .yamlDuplicateKey, "key 'id' appears more than once"),
        BrokenOntology(
            "alias", concepts("  - id: gamma\n    prefLabel: &label Gamma\n    altLabels: [*label]\n"),
            at: "concepts/more.yaml:3:16", .yamlAlias, "YAML anchors and aliases are not allowed"),
        BrokenOntology(
            "top level is a list", ["concepts/more.yaml": "- id: gamma\n"],
            at: "concepts/more.yaml:1:1", .wrongType,
            "the top level of the file must be a mapping (key: value), not a list"),
        BrokenOntology(
            "empty concept file", ["concepts/more.yaml": "# nothing\n"],
            at: "concepts/more.yaml:1:1", .missingKey, "file is empty; a concept file holds a 'concepts' list"),
        BrokenOntology(
            "missing scheme", ["scheme.yaml": nil],
            at: nil, .missingFile, "scheme.yaml: file is missing"),
        BrokenOntology(
            "missing concepts folder", ["concepts/base.yaml": nil],
            at: nil, .missingFile, "concepts: folder is missing; the ontology needs at least one concept file"),
        BrokenOntology(
            "concepts folder without YAML files",
            ["concepts/base.yaml": nil, "concepts/.base.yaml.swp": "x", "concepts/notes.md": "x"],
            at: nil, .noConcepts, "concepts: holds no *.yaml files"),
        BrokenOntology(
            "no concepts at all", ["concepts/base.yaml": "concepts: []\n"],
            at: nil, .noConcepts, "the ontology defines no concepts"),

        // MARK: Keys and types
        BrokenOntology(
            "unknown concept key",
            concepts("  - id: gamma\n    prefLabel: Gamma\n    altLabel: [g]\n    definition: G.\n"),
            at: "concepts/more.yaml:4:5", .unknownKey,
            "unknown key 'altLabel' in concept 'gamma'; did you mean 'altLabels'?"),
        BrokenOntology(
            "unknown top-level key in a concept file", ["concepts/more.yaml": "concept:\n  - id: gamma\n"],
            at: "concepts/more.yaml:1:1", .unknownKey,
            "unknown key 'concept' in a concept file; did you mean 'concepts'?"),
        BrokenOntology(
            "unknown scheme key", ["scheme.yaml": OntologyScratch.scheme + "titel: Typo\n"],
            at: "scheme.yaml:4:1", .unknownKey, "unknown key 'titel' in the scheme; did you mean 'title'?"),
        BrokenOntology(
            "unknown rules key", ["rules.yaml": "ignorePhrase: [gold standard]\n"],
            at: "rules.yaml:1:1", .unknownKey, "unknown key 'ignorePhrase' in rules.yaml; did you mean 'ignorePhrases'?"
        ),
        BrokenOntology(
            "unknown kind rule key", ["rules.yaml": "kinds:\n  - kind: tool\n    section: [Tools]\n"],
            at: "rules.yaml:3:5", .unknownKey, "unknown key 'section' in kind rule 'tool'; did you mean 'sections'?"),
        BrokenOntology(
            "unknown override key", ["overrides.yaml": "overrides:\n  - url: https://example.org\n    adds: [alpha]\n"],
            at: "overrides.yaml:3:5", .unknownKey, "did you mean 'add'?"),
        BrokenOntology(
            "string where a list is expected",
            concepts(
                "  - id: gamma\n    prefLabel: Gamma\n    altLabels: gammas\n    definition: G.\n"),
            at: "concepts/more.yaml:4:16", .wrongType,
            "'altLabels' of concept 'gamma' must be a list, not a string; write [gammas] for one item"),
        BrokenOntology(
            "nothing where a list is expected",
            concepts(
                "  - id: gamma\n    prefLabel: Gamma\n    broader:\n    definition: G.\n"),
            at: "concepts/more.yaml:4:13", .wrongType, "'broader' of concept 'gamma' must be a list, not nothing"),
        BrokenOntology(
            "list where a string is expected", concepts("  - id: gamma\n    prefLabel: [Gamma]\n    definition: G.\n"),
            at: "concepts/more.yaml:3:16", .wrongType, "'prefLabel' of concept 'gamma' must be a string, not a list"),
        BrokenOntology(
            "a concept that is not a mapping", concepts("  - gamma\n"),
            at: "concepts/more.yaml:2:5", .wrongType, "a concept must be a mapping (key: value), not a string"),
        BrokenOntology(
            "missing id", concepts("  - prefLabel: Gamma\n    definition: G.\n"),
            at: "concepts/more.yaml:2:5", .missingKey, "concept has no 'id'; it is required"),
        BrokenOntology(
            "missing prefLabel", concepts("  - id: gamma\n    definition: G.\n"),
            at: "concepts/more.yaml:2:5", .missingKey, "concept 'gamma' has no 'prefLabel'; it is required"),
        BrokenOntology(
            "missing definition", concepts("  - id: gamma\n    prefLabel: Gamma\n"),
            at: "concepts/more.yaml:2:5", .missingKey, "concept 'gamma' has no definition; it is required"),
        BrokenOntology(
            "whitespace-only definition", concepts("  - id: gamma\n    prefLabel: Gamma\n    definition: '   '\n"),
            at: "concepts/more.yaml:4:5", .missingKey, "concept 'gamma' has an empty 'definition'; it is required"),
        BrokenOntology(
            "missing scheme title", ["scheme.yaml": "id: test-scheme\ndefinition: D.\n"],
            at: "scheme.yaml:1:1", .missingKey, "the scheme has no 'title'"),
        BrokenOntology(
            "empty string in a list",
            concepts(
                "  - id: gamma\n    prefLabel: Gamma\n    altLabels: [g, \"\"]\n    definition: G.\n"),
            at: "concepts/more.yaml:4:20", .emptyString, "'altLabels' of concept 'gamma' holds an empty string"),
        BrokenOntology(
            "empty scope note",
            concepts("  - id: gamma\n    prefLabel: Gamma\n    definition: G.\n    scopeNote: ''\n"),
            at: "concepts/more.yaml:5:5", .emptyString, "'scopeNote' of concept 'gamma' is empty"),

        // MARK: Ids and references
        BrokenOntology(
            "invalid id with spaces and capitals",
            concepts(
                "  - id: Adversarial Robustness\n    prefLabel: Gamma\n    definition: G.\n"),
            at: "concepts/more.yaml:2:9", .invalidID,
            "no two ids can differ only in case (try 'adversarial-robustness')"),
        BrokenOntology(
            "ids differing only in case", concepts("  - id: Alpha\n    prefLabel: Gamma\n    definition: G.\n"),
            at: "concepts/more.yaml:2:9", .invalidID,
            "concept id 'Alpha' differs only in case from 'alpha' at "),
        BrokenOntology(
            "invalid id with a path", concepts("  - id: ../gamma\n    prefLabel: Gamma\n    definition: G.\n"),
            at: "concepts/more.yaml:2:9", .invalidID, "concept id '../gamma' is not valid"),
        BrokenOntology(
            "duplicate id", concepts("  - id: alpha\n    prefLabel: Gamma\n    definition: G.\n"),
            at: "concepts/more.yaml:2:9", .duplicateID, "concept id 'alpha' is defined twice; first at "),
        BrokenOntology(
            "dangling broader",
            concepts("  - id: gamma\n    prefLabel: Gamma\n    definition: G.\n    broader: [alpah]\n"),
            at: "concepts/more.yaml:5:15", .danglingReference,
            "concept 'gamma' names broader 'alpah', which does not exist; did you mean 'alpha'?"),
        BrokenOntology(
            "dangling related",
            concepts(
                "  - id: gamma\n    prefLabel: Gamma\n    definition: G.\n    related: [beta, omega]\n"),
            at: "concepts/more.yaml:5:21", .danglingReference,
            "concept 'gamma' names related 'omega', which does not exist"),
        BrokenOntology(
            "own broader", concepts("  - id: gamma\n    prefLabel: Gamma\n    definition: G.\n    broader: [gamma]\n"),
            at: "concepts/more.yaml:5:15", .selfReference, "concept 'gamma' names itself as broader"),
        BrokenOntology(
            "own related", concepts("  - id: gamma\n    prefLabel: Gamma\n    definition: G.\n    related: [gamma]\n"),
            at: "concepts/more.yaml:5:15", .selfReference, "concept 'gamma' names itself as related"),
        BrokenOntology(
            "broader cycle",
            concepts(
                "  - id: gamma\n    prefLabel: Gamma\n    definition: G.\n    broader: [delta]\n"
                    + "  - id: delta\n    prefLabel: Delta\n    definition: D.\n    broader: [gamma]\n"),
            at: "concepts/more.yaml:5:15", .broaderCycle,
            "broader cycle delta → gamma → delta: concept 'gamma' names broader 'delta'"),
        BrokenOntology(
            "dangling section rule concept",
            ["rules.yaml": "sections:\n  - section: Standards\n    concepts: [standards]\n"],
            at: "rules.yaml:3:16", .danglingReference,
            "section rule 'Standards' names concept 'standards', which does not exist"),
        BrokenOntology(
            "dangling organization rule concept",
            ["rules.yaml": "organizations:\n  - organization: EUROCAE\n    concepts: [alpha, aviation]\n"],
            at: "rules.yaml:3:23", .danglingReference, "organization rule 'EUROCAE' names concept 'aviation'"),
        BrokenOntology(
            "dangling override add",
            ["overrides.yaml": "overrides:\n  - url: https://example.org/a\n    add: [gamma]\n"],
            at: "overrides.yaml:3:11", .danglingReference,
            "override for 'https://example.org/a' adds concept 'gamma', which does not exist"),
        BrokenOntology(
            "dangling override remove",
            ["overrides.yaml": "overrides:\n  - url: https://example.org/a\n    remove: [gamma]\n"],
            at: "overrides.yaml:3:14", .danglingReference, "removes concept 'gamma', which does not exist"),

        // MARK: Labels
        BrokenOntology(
            "label used by two concepts",
            concepts(
                "  - id: gamma\n    prefLabel: Gamma\n    hiddenLabels: [ÁLPHA]\n    definition: G.\n"),
            at: "concepts/more.yaml:4:20", .labelCollision,
            "label 'ÁLPHA' of concept 'gamma' is also a label of concept 'alpha' (prefLabel 'Alpha' at "),
        BrokenOntology(
            "label that normalises to empty",
            concepts(
                "  - id: gamma\n    prefLabel: Gamma\n    altLabels: [' - / ']\n    definition: G.\n"),
            at: "concepts/more.yaml:4:17", .emptyLabel, "altLabels '- /' of concept 'gamma' has no letters or digits"),
        BrokenOntology(
            "ignore phrase equal to a label", ["rules.yaml": "ignorePhrases: [gold standard, BETA]\n"],
            at: "rules.yaml:1:32", .ignorePhraseIsLabel,
            "ignore phrase 'BETA' is also the prefLabel 'Beta' of concept 'beta'"),

        // MARK: IRIs, kinds, overrides
        BrokenOntology(
            "exactMatch that is not an IRI",
            concepts(
                "  - id: gamma\n    prefLabel: Gamma\n    definition: G.\n    exactMatch: [wd:Q42]\n"),
            at: "concepts/more.yaml:5:18", .invalidIRI,
            "exactMatch of concept 'gamma' must be an absolute http(s) IRI, not 'wd:Q42'"),
        BrokenOntology(
            "closeMatch that is relative",
            concepts(
                "  - id: gamma\n    prefLabel: Gamma\n    definition: G.\n    closeMatch: [/entity/Q42]\n"),
            at: "concepts/more.yaml:5:18", .invalidIRI, "closeMatch of concept 'gamma' must be an absolute http(s) IRI"),
        BrokenOntology(
            "kind that is not kebab-case",
            ["rules.yaml": "kinds:\n  - kind: Journal Article\n    sections: [Papers]\n"],
            at: "rules.yaml:2:11", .invalidKind, "kind 'Journal Article' is not lowercase kebab-case"),
        BrokenOntology(
            "section mapped to two kinds",
            [
                "rules.yaml":
                    "kinds:\n  - kind: article\n    sections: [Papers]\n  - kind: tool\n    sections: [papers]\n"
            ],
            at: "rules.yaml:5:16", .conflictingKind,
            "section 'papers' is mapped to kind 'tool' and already to kind 'article'"),
        BrokenOntology(
            "override url that is not http(s)",
            ["overrides.yaml": "overrides:\n  - url: ftp://example.org/a\n    add: [alpha]\n"],
            at: "overrides.yaml:2:10", .invalidURL, "override url 'ftp://example.org/a' is not an absolute http(s) URL"),
        BrokenOntology(
            "override with neither add nor remove",
            ["overrides.yaml": "overrides:\n  - url: https://example.org/a\n    note: nothing to do\n"],
            at: "overrides.yaml:2:5", .emptyOverride, "has neither 'add' nor 'remove'"),
        BrokenOntology(
            "override that adds and removes",
            ["overrides.yaml": "overrides:\n  - url: https://example.org/a\n    add: [alpha]\n    remove: [alpha]\n"],
            at: "overrides.yaml:4:14", .conflictingOverride, "both adds and removes concept 'alpha'"),
        BrokenOntology(
            "override given twice",
            [
                "overrides.yaml": "overrides:\n  - url: https://example.org/a\n    add: [alpha]\n"
                    + "  - url: http://www.example.org/a/\n    add: [beta]\n"
            ],
            at: "overrides.yaml:4:10", .duplicateOverride, "repeats the override at "),
    ]

    @Test(arguments: cases)
    func reportsTheProblemAtItsPlace(_ broken: BrokenOntology) throws {
        let folder = try OntologyScratch.make(broken.files)
        defer { OntologyScratch.remove(folder) }
        let error = try #require(OntologyScratch.failure(folder), "\(broken.name) loaded without error")
        #expect(error.kind == .invalidData)
        let errors = error.errors
        #expect(errors.count == 1, "\(error)")
        let diagnostic = try #require(errors.first)
        #expect(diagnostic.code == broken.code.rawValue, "\(diagnostic)")
        let location = diagnostic.location.map { String($0.description.dropFirst(folder.count + 1)) }
        #expect(location == broken.at, "\(diagnostic)")
        #expect(diagnostic.message.contains(broken.fragment), "\(diagnostic.message)")
        #expect(error.description.contains("error: \(diagnostic.message)"))
    }

    @Test func aDanglingReferenceToABadIDIsNotReportedTwice() throws {
        // The invalid id is reported once; references to it are not also "does not exist".
        let folder = try OntologyScratch.make(
            concepts(
                "  - id: Gamma\n    prefLabel: Gamma\n    definition: G.\n    broader: [alpha]\n"
                    + "  - id: delta\n    prefLabel: Delta\n    definition: D.\n    broader: [Gamma]\n"))
        defer { OntologyScratch.remove(folder) }
        let error = try #require(OntologyScratch.failure(folder))
        #expect(error.errors.map(\.code) == ["invalid-id"])
    }
}
