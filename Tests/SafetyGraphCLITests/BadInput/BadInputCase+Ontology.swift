import Foundation
import Testing

// MARK: - Ontology and overrides

/// Decisions: any problem in the ontology stops every subcommand with 65 and every problem listed at its
/// `file:line:column` (a missing or non-folder ontology is 66); an override naming no entry is a warning (lists
/// change), one naming no concept is an error (the ontology itself is wrong).
extension BadInputCase {
    /// `topics` with the standard ontology (the cheapest subcommand that loads it).
    static let topics = ["topics", "--ontology", "ont", "--list", "list.md"]
    static let aList: (String, File) = ("list.md", list("* [Formal verification](https://example.org/ok)"))

    static func ontologyCase(
        _ name: String, _ files: [(String, File)], stderr: [String], status: Int32 = 65, seconds: Double = 20
    ) -> BadInputCase {
        BadInputCase("ontology: " + name, files: [aList] + files, topics, status: status, stderr: stderr, seconds: seconds)
    }

    static let ontology: [BadInputCase] = [
        ontologyCase(
            "YAML syntax error", [concepts("  - id: a\n    prefLabel: [unclosed\n")],
            stderr: ["ont/concepts/core.yaml:4:1: error: YAML syntax error: did not find expected ',' or ']'"]),
        ontologyCase(
            "tab indentation", [concepts("\t- id: a\n")],
            stderr: ["ont/concepts/core.yaml:2:1: error: YAML syntax error: found character that cannot start any token"]),
        ontologyCase(
            "a list field given as a string", [concepts("  - id: a\n    prefLabel: A\n    definition: D.\n    altLabels: just one\n")],
            stderr: ["ont/concepts/core.yaml:5:16: error: 'altLabels' of concept 'a' must be a list, not a string"]),
        ontologyCase(
            "a mapping where a string belongs", [concepts("  - id: a\n    prefLabel: {en: A}\n    definition: D.\n")],
            stderr: ["ont/concepts/core.yaml:3:16: error: 'prefLabel' of concept 'a' must be a string, not a mapping"]),
        ontologyCase(
            "an unknown key, with a suggestion", [concepts("  - id: a\n    prefLabel: A\n    definition: D.\n    altLabel: [x]\n")],
            stderr: ["ont/concepts/core.yaml:5:5: error: unknown key 'altLabel' in concept 'a'; did you mean 'altLabels'?"]),
        ontologyCase(
            "a duplicate key", [concepts("  - id: a\n    prefLabel: A\n    prefLabel: B\n    definition: D.\n")],
            stderr: ["ont/concepts/core.yaml:", "error: key 'prefLabel' appears more than once in this mapping"]),
        ontologyCase(
            "a missing definition", [concepts("  - id: a\n    prefLabel: A\n")],
            stderr: ["ont/concepts/core.yaml:2:5: error: concept 'a' has no definition; it is required"]),
        ontologyCase(
            "duplicate ids in one file", [concepts("  - id: a\n    prefLabel: A\n    definition: D.\n  - id: a\n    prefLabel: B\n    definition: D.\n")],
            stderr: ["ont/concepts/core.yaml:5:9: error: concept id 'a' is defined twice; first at ont/concepts/core.yaml:2:9"]),
        ontologyCase(
            "duplicate ids across files", [("ont/concepts/more.yaml", .text("concepts:\n  - id: testing\n    prefLabel: Tests\n    definition: D.\n"))],
            stderr: ["ont/concepts/more.yaml:2:9: error: concept id 'testing' is defined twice; first at ont/concepts/core.yaml:"]),
        ontologyCase(
            "a dangling broader", [concepts("  - id: a\n    prefLabel: A\n    definition: D.\n    broader: [zzz]\n")],
            stderr: ["ont/concepts/core.yaml:5:15: error: concept 'a' names broader 'zzz', which does not exist"]),
        ontologyCase(
            "a broader cycle", [concepts("  - id: a\n    prefLabel: A\n    definition: D.\n    broader: [b]\n  - id: b\n    prefLabel: B\n    definition: D.\n    broader: [c]\n  - id: c\n    prefLabel: C\n    definition: D.\n    broader: [a]\n")],
            stderr: ["ont/concepts/core.yaml:", "error: broader cycle a → b → c → a"]),
        ontologyCase(
            "broader itself", [concepts("  - id: a\n    prefLabel: A\n    definition: D.\n    broader: [a]\n")],
            stderr: ["ont/concepts/core.yaml:5:15: error: concept 'a' names itself as broader"]),
        ontologyCase(
            "related to itself", [concepts("  - id: a\n    prefLabel: A\n    definition: D.\n    related: [a]\n")],
            stderr: ["ont/concepts/core.yaml:5:15: error: concept 'a' names itself as related"]),
        idCase("../a", "a path up"), idCase("a/b", "a slash"), idCase("Upper", "capitals"), idCase("has space", "a space"),
        idCase("a--b", "a double hyphen"), idCase("é", "a non-ASCII letter"), idCase("", "nothing"),
        ontologyCase(
            "ids differing only in case", [concepts("  - id: safety\n    prefLabel: A\n    definition: D.\n  - id: Safety\n    prefLabel: B\n    definition: D.\n")],
            stderr: ["ont/concepts/core.yaml:5:9: error: concept id 'Safety' differs only in case from 'safety' at ont/concepts/core.yaml:2:9"]),
        ontologyCase(
            "a label used by two concepts", [("ont/concepts/more.yaml", .text("concepts:\n  - id: other\n    prefLabel: TESTING\n    definition: D.\n"))],
            stderr: ["ont/concepts/more.yaml:3:16: error: label 'TESTING' of concept 'other' is also a label of concept 'testing'"]),
        ontologyCase(
            "a billion laughs is refused, not expanded", [concepts(billionLaughsBody)],
            stderr: ["ont/concepts/core.yaml:3:16: error: YAML anchors and aliases are not allowed in ontology files"], seconds: 5),
        ontologyCase(
            "one harmless alias is refused too", [concepts("  - id: a\n    prefLabel: &l A\n    definition: *l\n")],
            stderr: ["ont/concepts/core.yaml:3:16: error: YAML anchors and aliases are not allowed"]),
        ontologyCase(
            "100,000 nested flow sequences", [("ont/concepts/core.yaml", .generated { Array(("concepts: " + String(repeating: "[", count: 100_000)).utf8) })],
            stderr: ["ont/concepts/core.yaml:1:", "error: YAML nesting is too deep"], seconds: 5),
        ontologyCase(
            "a file that is not UTF-8", [("ont/concepts/core.yaml", .bytes(Array("concepts:\n  - id: caf".utf8) + [0xE9, 0x0A]))],
            stderr: ["ont/concepts/core.yaml:2:12: error: file is not valid UTF-8 (byte 0xE9); save it as UTF-8"]),
        ontologyCase(
            "binary junk", [("ont/concepts/core.yaml", .generated { junk(count: 4_000, seed: 7) })],
            stderr: ["ont/concepts/core.yaml:1:", "error: file is not valid UTF-8"]),
        ontologyCase(
            "a file over 8 MiB", [("ont/concepts/core.yaml", .generated { Array("concepts: []\n".utf8) + Array(repeating: UInt8(ascii: "#"), count: 8 * 1024 * 1024) })],
            stderr: ["ont/concepts/core.yaml:1:1: error: file is larger than 8 MiB"]),
        ontologyCase("an empty concept file", [("ont/concepts/core.yaml", .text(""))], stderr: ["ont/concepts/core.yaml:1:1: error: file is empty"]),
        ontologyCase("no scheme file", [("ont/scheme.yaml", .absent)], stderr: ["error: ont/scheme.yaml: file is missing"]),
        ontologyCase(
            "a directory where scheme.yaml belongs", [("ont/scheme.yaml", .directory)],
            stderr: ["error: ont/scheme.yaml: is a directory, expected a YAML file"]),
        ontologyCase(
            "unknown keys in rules.yaml", [("ont/rules.yaml", .text("kinds: []\nbogus: 1\n"))],
            stderr: ["ont/rules.yaml:2:1: error: unknown key 'bogus' in rules.yaml"]),
        ontologyCase(
            "the ontology folder is missing", [], stderr: ["error: ontology folder 'nowhere' does not exist"], status: 66)
            .with(arguments: ["topics", "--ontology", "nowhere", "--list", "list.md"]),
        ontologyCase(
            "the ontology folder is a file", [], stderr: ["error: ontology folder 'list.md' is a file, not a folder"], status: 66)
            .with(arguments: ["topics", "--ontology", "list.md", "--list", "list.md"]),
    ]

    /// A concept with an invalid id: 65 at the id's place.
    static func idCase(_ id: String, _ what: String) -> BadInputCase {
        ontologyCase(
            "an id with \(what)", [concepts("  - id: \"\(id)\"\n    prefLabel: A\n    definition: D.\n")],
            stderr: id.isEmpty ? ["ont/concepts/core.yaml:2:5: error: a concept has an empty 'id'"] : ["ont/concepts/core.yaml:2:9: error: concept id '\(id)' is not valid"])
    }

    /// Ten levels of ten aliases (10^10 strings once expanded), as concept keys under one concept.
    static let billionLaughsBody: String = {
        var text = "  - id: lol\n    prefLabel: &a0 lol\n"
        for level in 1...9 {
            text += "    l\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text + "    altLabels: [" + Array(repeating: "*a9", count: 10).joined(separator: ", ") + "]\n"
    }()

    static let overrides: [BadInputCase] = [
        ontologyCase(
            "an override adding an unknown concept",
            [("ont/overrides.yaml", .text("overrides:\n  - url: https://example.org/ok\n    add: [no-such-concept]\n"))],
            stderr: ["ont/overrides.yaml:3:11: error: override for 'https://example.org/ok' adds concept 'no-such-concept', which does not exist"]),
        ontologyCase(
            "an override removing an unknown concept",
            [("ont/overrides.yaml", .text("overrides:\n  - url: https://example.org/ok\n    remove: [nope]\n"))],
            stderr: ["ont/overrides.yaml:3:14: error:", "'nope', which does not exist"]),
        ontologyCase(
            "an override with a javascript: URL",
            [("ont/overrides.yaml", .text("overrides:\n  - url: javascript:alert(1)\n    add: [testing]\n"))],
            stderr: ["ont/overrides.yaml:2:10: error: override url 'javascript:alert(1)' is not an absolute http(s) URL"]),
        ontologyCase(
            "an override with an unknown key",
            [("ont/overrides.yaml", .text("overrides:\n  - url: https://example.org/ok\n    adds: [testing]\n"))],
            stderr: ["ont/overrides.yaml:3:5: error: unknown key 'adds' in override for 'https://example.org/ok'; did you mean 'add'?"]),
        BadInputCase(
            "overrides: naming no entry is a warning for build", files: [aList, ("ont/overrides.yaml", .text("overrides:\n  - url: https://nowhere.example/x\n    add: [testing]\n"))],
            build("list.md"), status: 0,
            stderr: ["ont/overrides.yaml:2:5: warning: override for 'https://nowhere.example/x' matches no entry"]),
        BadInputCase(
            "overrides: naming no entry is a lint finding", files: [aList, ("ont/overrides.yaml", .text("overrides:\n  - url: https://nowhere.example/x\n    add: [testing]\n"))],
            lint("list.md"), status: 1,
            stdout: ["ont/overrides.yaml:2:5: warning: override for 'https://nowhere.example/x' matches no entry [override-unknown-entry]"]),
    ]
}

extension BadInputCase {
    /// The same row with other arguments.
    func with(arguments: [String]) -> BadInputCase {
        var copy = self
        copy.arguments = arguments
        return copy
    }
}
