import Foundation
import FuzzSupport
import SafetyGraphCore
import SafetyGraphExport
import SafetyGraphMarkdown

// libFuzzer target: arbitrary bytes as an awesome list. Ingests them, then tags the entries with the small
// fuzz ontology, links the graph and encodes the catalogue, checking properties that hold for any input.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let ontology = FuzzPipeline.baseOntology
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let ingester = MarkdownIngester(rules: ontology.ingest)
    let result = ingester.ingest(bytes: bytes, path: "fuzz.md")

    for diagnostic in result.diagnostics {
        if let file = diagnostic.location?.file {
            FuzzPipeline.check(file == "fuzz.md", "diagnostic names \(file)")
        }
    }
    for (previous, entry) in zip(result.entries, result.entries.dropFirst()) {
        FuzzPipeline.check(previous.id < entry.id, "entries not sorted by id, or \(entry.id) twice")
    }
    for entry in result.entries {
        FuzzPipeline.check(!entry.title.isEmpty, "an entry without a title: \(entry.url)")
        // The id is the normalised URL's, and normalising is idempotent (lists merge by it).
        guard let normalized = URLNormalizer.normalize(entry.url) else {
            FuzzPipeline.fail("an entry whose URL does not normalise: \(entry.url)")
        }
        FuzzPipeline.check(URLNormalizer.entryID(forNormalized: normalized) == entry.id, "id is not the URL's")
        FuzzPipeline.check(URLNormalizer.normalize(normalized) == normalized, "normalising \(entry.url) twice differs")
        FuzzPipeline.check(entry.sources.allSatisfy { $0.file == "fuzz.md" && $0.line >= 1 }, "bad source")
    }

    let graph = FuzzPipeline.exercise(tagger: FuzzPipeline.baseTagger, entries: result.entries)
    do {
        let json = try JSONOutput.encode(CatalogueDocument(graph: graph, relatedLimit: 3))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        FuzzPipeline.check(parsed is [String: Any], "catalog.json is not an object")
    } catch {
        FuzzPipeline.check(false, "the catalogue does not encode: \(error)")
    }
    return 0
}
