import Foundation
import Testing
import SafetyGraphCore
@testable import SafetyGraphExport

@Suite struct SchemaTypeMappingTests {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return url
    }()

    @Test(arguments: [
        ("article", "ScholarlyArticle"), ("book", "Book"), ("tool", "SoftwareSourceCode"), ("course", "Course"),
        ("conference", "Event"), ("report", "Report"), ("standard", "CreativeWork"), ("resource", "CreativeWork"),
        ("regulation", "Legislation"), ("video", "VideoObject"), ("never-heard-of", "CreativeWork"),
    ])
    func kindsMapToSchemaTypes(_ kind: String, _ type: String) {
        let mapped = SchemaTypeMapping.type(of: EntryKind(kind))
        #expect(mapped.term == type)
        #expect(mapped.iri == "https://schema.org/" + type)
    }

    @Test func tableIsSortedUniqueAndWellFormed() {
        let kinds = SchemaTypeMapping.table.map(\.kind.rawValue)
        #expect(kinds == kinds.sorted())
        #expect(Set(kinds).count == kinds.count)
        for (_, type) in SchemaTypeMapping.table {
            #expect(type.first?.isUppercase == true && type.allSatisfy { $0.isASCII && $0.isLetter })
        }
    }

    @Test func everyKindOfTheShippedRulesHasARow() throws {
        let (ontology, _) = try OntologyLoader.load(folder: Self.packageRoot.appendingPathComponent("Ontology").path)
        let mapped = Set(SchemaTypeMapping.table.map(\.kind))
        let used = Set(ontology.ingest.kindRules.map(\.kind) + [.resource])
        #expect(used.subtracting(mapped).isEmpty, "kinds without a row: \(used.subtracting(mapped).sorted())")
    }

    @Test func readmeTableIsTheCodeTable() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let after = try #require(readme.components(separatedBy: "### Entry kinds and schema.org types").dropFirst().first)
        let section = after.components(separatedBy: "\n#").first ?? after
        let rows = section.split(separator: "\n").compactMap { line -> String? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 2, cells[0].hasPrefix("`"), cells[1].hasPrefix("`") else { return nil }
            return cells.joined(separator: " ").replacingOccurrences(of: "`", with: "")
        }
        #expect(rows == SchemaTypeMapping.table.map { "\($0.kind.rawValue) \($0.type)" })
    }

    @Test func contextNamesEveryType() {
        let vocabulary = LinkedVocabulary(base: .default)
        let terms = Set(vocabulary.classes.map(\.term))
        for (_, type) in SchemaTypeMapping.table { #expect(terms.contains(type)) }
        #expect(terms.isDisjoint(with: Set(vocabulary.properties.map(\.term))))
    }
}
