import Foundation
import Testing

/// Writes the bad-input table's files for the fuzzers' seed corpora (scripts/fuzz-seeds.sh): each case's
/// text and bytes files under `<folder>/<case number>/<path>`, the standard ontology under `std/`, into `$SAFETYGRAPH_FUZZ_SEEDS` when it is set
/// (a temporary folder otherwise). Generated inputs (megabytes) are left out: the fuzzers cap input sizes.
@Suite struct FuzzSeedExportTests {
    @Test func writesEveryCaseFileAsASeed() throws {
        let environment = ProcessInfo.processInfo.environment["SAFETYGRAPH_FUZZ_SEEDS"]
        let folder = URL(
            fileURLWithPath: environment
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-seeds-\(UUID().uuidString)").path)
        defer { if environment == nil { try? FileManager.default.removeItem(at: folder) } }

        var written: [URL: [UInt8]] = [:]
        let rows = [("std", BadInputCase.standardOntology)]
            + BadInputCase.all.enumerated().map { (String(format: "%03d", $0.offset), $0.element.files.map { ($0.path, $0.file) }) }
        for (number, files) in rows {
            for (path, file) in files {
                let bytes: [UInt8]
                switch file {
                case .text(let text): bytes = Array(text.utf8)
                case .bytes(let raw): bytes = raw
                case .generated, .directory, .fifo, .absent: continue
                }
                let url = folder.appendingPathComponent(number).appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
                written[url] = bytes
            }
        }
        // The table holds Markdown lists and ontology files of every kind; each was written byte for byte.
        let names = Set(written.keys.map(\.lastPathComponent))
        #expect(written.keys.filter { $0.pathExtension == "md" }.count >= 30)
        #expect(names.isSuperset(of: ["scheme.yaml", "core.yaml", "rules.yaml", "overrides.yaml"]))
        for (url, bytes) in written {
            let read = FileManager.default.contents(atPath: url.path).map { [UInt8]($0) }
            #expect(read == bytes, "\(url.path)")
        }
    }
}
