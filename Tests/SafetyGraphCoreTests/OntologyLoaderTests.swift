import Foundation
import Testing

@testable import SafetyGraphCore

@Suite struct OntologyLoaderTests {
    // MARK: - The valid fixture

    @Test func loadsTheValidFixture() throws {
        let folder = try OntologyScratch.fixture("valid")
        let (ontology, warnings) = try OntologyLoader.load(folder: folder)
        #expect(warnings.isEmpty, "\(warnings)")
        let scheme = ontology.scheme
        #expect(scheme.id == "test-scheme")
        #expect(scheme.title == "Test scheme")
        #expect(scheme.definition == "A tiny concept scheme with two facets, used to test the ontology loader.")
        #expect(
            scheme.concepts.map(\.id) == [
                "adversarial-robustness", "application-domains", "automotive", "aviation", "aviation-robustness",
                "distribution-shift", "robustness", "uncertainty",
            ])
        #expect(scheme.topConcepts.map(\.id) == ["application-domains", "robustness"])
        #expect(
            scheme.narrower("robustness") == [
                "adversarial-robustness", "aviation-robustness", "distribution-shift", "uncertainty",
            ])
        #expect(scheme.narrower("application-domains") == ["automotive", "aviation"])
        #expect(scheme.ancestors(of: "aviation-robustness") == ["application-domains", "aviation", "robustness"])
        // Poly-hierarchy keeps the order written.
        #expect(scheme["aviation-robustness"]?.broader == ["aviation", "robustness"])
    }

    @Test func readsEveryConceptField() throws {
        let folder = try OntologyScratch.fixture("valid")
        let scheme = try OntologyLoader.load(folder: folder).ontology.scheme
        let concept = try #require(scheme["adversarial-robustness"])
        #expect(concept.prefLabel == "Adversarial robustness")
        #expect(concept.altLabels == ["adversarial examples", "evasion attacks"])
        #expect(concept.hiddenLabels == ["adversarially robust"])
        #expect(concept.definition == "Resistance to inputs crafted to make a model fail.")
        #expect(concept.scopeNote == "Attacks at inference time; poisoning is elsewhere.")
        #expect(concept.broader == ["robustness"])
        #expect(concept.exactMatch == [])
        #expect(concept.closeMatch == ["http://www.wikidata.org/entity/Q4686827"])
        #expect(concept.location == SourceLocation(file: folder + "/concepts/robustness.yaml", line: 5, column: 5))
        // A literal block keeps its text, trimmed.
        #expect(scheme["distribution-shift"]?.definition == "Inputs that differ from the training data.")
        #expect(scheme["aviation"]?.altLabels == ["aerospace", "Aéronautique"])
        #expect(scheme["distribution-shift"]?.hiddenLabels == ["OOD"])
    }

    @Test func makesRelatedSymmetric() throws {
        let scheme = try OntologyLoader.load(folder: try OntologyScratch.fixture("valid")).ontology.scheme
        #expect(scheme["adversarial-robustness"]?.related == ["uncertainty"])
        #expect(scheme["uncertainty"]?.related == ["adversarial-robustness"])
        #expect(scheme["automotive"]?.related == ["aviation", "distribution-shift"])
        #expect(scheme["aviation"]?.related == ["automotive"])
        #expect(scheme["distribution-shift"]?.related == ["automotive"])
        #expect(scheme["robustness"]?.related == [])
    }

    @Test func readsRulesAndOverrides() throws {
        let folder = try OntologyScratch.fixture("valid")
        let ontology = try OntologyLoader.load(folder: folder).ontology
        #expect(ontology.ingest.navigationSections == ["Contents", "About"])
        #expect(ontology.ingest.authorCitationKinds == ["article"])
        #expect(ontology.ingest.kindRules.map(\.kind) == ["article", "tool"])
        #expect(ontology.ingest.kindRules.first?.sections == ["Articles", "Papers"])
        #expect(
            ontology.ingest.kindRules.last?.location == SourceLocation(file: folder + "/rules.yaml", line: 6, column: 5)
        )

        let tagging = ontology.tagging
        #expect(tagging.sectionRules.map(\.section) == ["Standards › Aviation"])
        #expect(tagging.sectionRules.first?.concepts == ["aviation"])
        #expect(tagging.organizationRules.map(\.organization) == ["EUROCAE"])
        #expect(tagging.organizationRules.first?.concepts == ["aviation", "application-domains"])
        #expect(tagging.ignorePhrases == ["gold standard"])
        #expect(tagging.overrides.map(\.url) == ["https://example.org/paper", "https://example.org/other"])
        let first = try #require(tagging.overrides.first)
        #expect(first.add == ["uncertainty"])
        #expect(first.remove == ["robustness"])
        #expect(first.note == "the paper is about calibration")
        #expect(first.location == SourceLocation(file: folder + "/overrides.yaml", line: 2, column: 5))
        #expect(tagging.overrides.last?.add == [])
        #expect(tagging.overrides.last?.note == nil)
    }

    // MARK: - Defaults and folder handling

    @Test func rulesAndOverridesAreOptional() throws {
        let folder = try OntologyScratch.make([:])
        defer { OntologyScratch.remove(folder) }
        let (ontology, warnings) = try OntologyLoader.load(folder: folder)
        #expect(warnings.isEmpty)
        #expect(ontology.ingest == IngestRules.standard)
        #expect(ontology.tagging == TaggingRules())
        #expect(ontology.scheme.concepts.map(\.id) == ["alpha", "beta"])
    }

    @Test func emptyRulesAndOverridesFilesMeanNothing() throws {
        let folder = try OntologyScratch.make(["rules.yaml": "# nothing yet\n", "overrides.yaml": ""])
        defer { OntologyScratch.remove(folder) }
        let ontology = try OntologyLoader.load(folder: folder).ontology
        #expect(ontology.ingest == IngestRules.standard)
        #expect(ontology.tagging == TaggingRules())
    }

    @Test func rulesWithoutNavigationSectionsKeepTheStandardOnes() throws {
        let folder = try OntologyScratch.make(["rules.yaml": "ignorePhrases: [gold standard]\n"])
        defer { OntologyScratch.remove(folder) }
        let ontology = try OntologyLoader.load(folder: folder).ontology
        #expect(ontology.ingest.navigationSections == IngestRules.standard.navigationSections)
        #expect(ontology.ingest.authorCitationKinds == IngestRules.standard.authorCitationKinds)
        #expect(ontology.tagging.ignorePhrases == ["gold standard"])
    }

    @Test func conceptOrderInFilesDoesNotMatter() throws {
        let reversed = """
            concepts:
              - id: beta
                prefLabel: Beta
                definition: The second concept.
                broader: [alpha]
              - id: alpha
                prefLabel: Alpha
                definition: The first concept.
            """
        let a = try OntologyScratch.make([:])
        let b = try OntologyScratch.make(["concepts/base.yaml": reversed])
        defer {
            OntologyScratch.remove(a)
            OntologyScratch.remove(b)
        }
        let first = try OntologyLoader.load(folder: a).ontology.scheme.concepts
        let second = try OntologyLoader.load(folder: b).ontology.scheme.concepts
        #expect(first.map(\.id) == second.map(\.id))
        #expect(first.map(\.broader) == second.map(\.broader))
    }

    @Test func missingFolderIsMissingInput() {
        let error = OntologyScratch.failure("/nonexistent/safetygraph-ontology")
        #expect(error?.kind == .missingInput)
        #expect(error?.exitCode == 66)
        #expect(error?.isMissingInput == true)
        #expect(error?.description == "error: ontology folder '/nonexistent/safetygraph-ontology' does not exist")
    }

    @Test func aFileGivenAsFolderIsMissingInput() throws {
        let folder = try OntologyScratch.make([:])
        defer { OntologyScratch.remove(folder) }
        let error = OntologyScratch.failure(folder + "/scheme.yaml")
        #expect(error?.kind == .missingInput)
    }

    @Test func pathsKeepTheFolderAsGiven() throws {
        let folder = try OntologyScratch.make(["concepts/base.yaml": "concepts:\n  - id: Alpha\n"])
        defer { OntologyScratch.remove(folder) }
        let error = try #require(OntologyScratch.failure(folder + "/"))
        #expect(error.kind == .invalidData)
        #expect(error.exitCode == 65)
        #expect(error.diagnostics.allSatisfy { $0.location?.file == folder + "/concepts/base.yaml" })
    }

    @Test func reportsEveryProblemSortedOneLineEach() throws {
        let folder = try OntologyScratch.make([
            "concepts/base.yaml": """
            concepts:
              - id: alpha
                prefLabel: Alpha
                definition: The first concept.
                broader: [gamma]
              - id: beta
                prefLabel: Alpha
                definition: ""
            """,
            "rules.yaml": "sections:\n  - section: Standards\n    concepts: [delta]\n",
        ])
        defer { OntologyScratch.remove(folder) }
        let error = try #require(OntologyScratch.failure(folder))
        let lines = error.description.split(separator: "\n").map { String($0.dropFirst(folder.count + 1)) }
        #expect(
            lines == [
                "concepts/base.yaml:5:15: error: concept 'alpha' names broader 'gamma', which does not exist",
                "concepts/base.yaml:7:16: error: label 'Alpha' of concept 'beta' is also a label of concept 'alpha' "
                    + "(prefLabel 'Alpha' at \(folder)/concepts/base.yaml:3:16); a label must name one concept",
                "concepts/base.yaml:8:5: error: concept 'beta' has an empty 'definition'; it is required",
                "rules.yaml:3:16: error: section rule 'Standards' names concept 'delta', which does not exist",
            ])
    }

    @Test func warningsComeBackWithTheOntology() throws {
        let folder = try OntologyScratch.make([
            "concepts/base.yaml": """
            concepts:
              - id: alpha
                prefLabel: Alpha
                altLabels: [first, First]
                definition: The first concept.
              - id: beta
                prefLabel: Beta
                definition: The second concept.
                broader: [alpha, alpha]
            """,
            "rules.yaml": "authorCitationKinds: [report]\n",
        ])
        defer { OntologyScratch.remove(folder) }
        let (ontology, warnings) = try OntologyLoader.load(folder: folder)
        #expect(warnings.map(\.code) == ["duplicate-label", "duplicate-item", "unknown-kind"])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.first?.location?.line == 4)
        #expect(warnings.first?.location?.column == 24)
        // Repeats are dropped from the model.
        #expect(ontology.scheme["alpha"]?.altLabels == ["first"])
        #expect(ontology.scheme["beta"]?.broader == ["alpha"])
        #expect(ontology.ingest.authorCitationKinds == ["report"])
    }
}

// MARK: - Scratch ontologies

/// Builds throwaway ontology folders for tests: a minimal valid ontology (scheme + two concepts) with files added,
/// replaced or removed.
enum OntologyScratch {
    static let scheme = "id: test-scheme\ntitle: Test scheme\ndefinition: A scheme for tests.\n"
    static let concepts = """
        concepts:
          - id: alpha
            prefLabel: Alpha
            definition: The first concept.
          - id: beta
            prefLabel: Beta
            definition: The second concept.
            broader: [alpha]

        """

    /// The path of a fixture folder under `Fixtures/Ontology/`.
    static func fixture(_ name: String) throws -> String {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return fixtures.appendingPathComponent("Ontology").appendingPathComponent(name).path
    }

    /// A new folder holding the minimal ontology with `files` applied: relative path → text, or nil to leave the
    /// file out. Folders are created for the files written, so leaving out every concept file leaves no
    /// `concepts/` folder.
    static func make(_ files: [String: String?]) throws -> String {
        var data: [String: Data?] = [:]
        for (path, text) in files { data.updateValue(text.map { Data($0.utf8) }, forKey: path) }
        return try make(data: data)
    }

    static func make(data files: [String: Data?]) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("safetygraph-ontology-\(UUID().uuidString)").path
        var all: [String: Data?] = ["scheme.yaml": Data(scheme.utf8), "concepts/base.yaml": Data(concepts.utf8)]
        for (path, content) in files { all.updateValue(content, forKey: path) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (path, content) in all {
            guard let content else { continue }
            let full = folder + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try content.write(to: URL(fileURLWithPath: full))
        }
        return folder
    }

    static func remove(_ folder: String) { try? FileManager.default.removeItem(atPath: folder) }

    /// The error loading `folder` throws, or nil when it loads.
    static func failure(_ folder: String) -> OntologyError? {
        do {
            _ = try OntologyLoader.load(folder: folder)
            return nil
        } catch {
            return error
        }
    }
}
