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

    FuzzPipeline.check(ingester.ingest(bytes: bytes, path: "fuzz.md") == result, "ingest is not deterministic")
    for diagnostic in result.diagnostics {
        if let file = diagnostic.location?.file {
            FuzzPipeline.check(file == "fuzz.md", "diagnostic names \(file)")
        }
    }
    var seen: Set<EntryID> = []
    for entry in result.entries {
        FuzzPipeline.check(seen.insert(entry.id).inserted, "entry id \(entry.id) appears twice")
        FuzzPipeline.check(!entry.url.isEmpty, "an entry without a URL")
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
