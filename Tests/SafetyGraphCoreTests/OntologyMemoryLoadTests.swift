import Foundation
import Testing

@_spi(Fuzzing) @testable import SafetyGraphCore

/// The in-memory loader (the fuzzer's entry point) must behave exactly like loading the same files from disk.
@Suite struct OntologyMemoryLoadTests {
    /// Every file under `folder`, relative path → bytes.
    private func files(under folder: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files[relative] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        return files
    }

    /// The error loading `files` throws, or nil when they load.
    private func failure(_ files: [String: [UInt8]], folder: String) -> OntologyError? {
        do {
            _ = try OntologyLoader.load(files: files, folder: folder)
            return nil
        } catch {
            return error
        }
    }

    @Test func loadsTheValidFixtureLikeTheDisk() throws {
        let folder = try OntologyScratch.fixture("valid")
        let fromDisk = try OntologyLoader.load(folder: folder)
        let fromMemory = try OntologyLoader.load(files: try files(under: folder), folder: folder)
        #expect(fromMemory.ontology == fromDisk.ontology)
        #expect(fromMemory.warnings == fromDisk.warnings)
        #expect(fromMemory.ontology.scheme.concepts.count == 8)
    }

    @Test func loadsTheShippedOntologyLikeTheDisk() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("Ontology").path
        let fromDisk = try OntologyLoader.load(folder: folder)
        let fromMemory = try OntologyLoader.load(files: try files(under: folder), folder: folder)
        #expect(fromMemory.ontology == fromDisk.ontology)
        #expect(fromMemory.warnings == fromDisk.warnings)
    }

    @Test(arguments: [
        // A broken concept file, a missing scheme, no concept files, a directory where a file belongs.
        ["concepts/bad.yaml": "concepts:\n  - id: Bad Id\n    prefLabel: X\n"],
        ["scheme.yaml": nil],
        ["concepts/base.yaml": nil],
        ["concepts/base.yaml": "concepts: [\n"],
        ["rules.yaml/inner.yaml": "x: 1\n"],
        ["overrides.yaml": "overrides:\n  - url: https://example.org/x\n    add: [nope]\n"],
    ] as [[String: String?]])
    func reportsTheSameProblemsAsTheDisk(changes: [String: String?]) throws {
        let folder = try OntologyScratch.make(changes)
        defer { OntologyScratch.remove(folder) }
        let diskError = try #require(OntologyScratch.failure(folder))
        let inMemory = try files(under: folder)
        let memoryError = try #require(failure(inMemory, folder: folder))
        #expect(memoryError.kind == diskError.kind)
        #expect(memoryError.diagnostics == diskError.diagnostics)
        #expect(!memoryError.diagnostics.isEmpty)
    }

    @Test func aMissingFolderIsMissingInput() {
        #expect(failure([:], folder: "")?.kind == .missingInput)
        let noConcepts = failure(["scheme.yaml": Array("id: x\n".utf8)], folder: "Ontology")
        #expect(noConcepts?.kind == .invalidData)
        #expect(noConcepts?.diagnostics.map(\.description).contains { $0.contains("Ontology/concepts") } == true)
    }
}
