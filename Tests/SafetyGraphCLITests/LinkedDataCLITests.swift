import Foundation
import Testing

/// `safetygraph build` writing linked data: the files, `--base-iri`, `--timings`. The consumers' view of the
/// files is checked by the conformance suite (Tests/Conformance).
@Suite(.serialized) struct LinkedDataCLITests {
    static let files = [
        "jsonld/context.jsonld", "jsonld/scheme.jsonld", "jsonld/catalog.jsonld", "jsonld/graph.jsonld",
        "rdf/graph.nt", "rdf/graph.ttl",
    ]

    @Test func buildWritesEveryLinkedDataFileUnderTheBase() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("Output").path
        let run = try CLIRunner.run(["build", "--output", out, "--quiet", "--base-iri", "https://data.example.net/sg/"])
        #expect(run.status == 0, "\(run.stderr)")
        for file in Self.files {
            let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            #expect(text.hasSuffix("\n"), "\(file)")
            #expect(!text.contains("example.org/safetygraph"), "\(file) holds the default base")
        }
        let nt = try String(contentsOfFile: out + "/rdf/graph.nt", encoding: .utf8)
        let lines = nt.split(separator: "\n")
        #expect(lines.count > 5_000)
        #expect(lines.allSatisfy { $0.hasPrefix("<https://data.example.net/sg/") && $0.hasSuffix(" .") })
        #expect(nt.contains(
            "<https://data.example.net/sg/concepts/robustness> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#Concept> ."))
        let graph = try String(contentsOfFile: out + "/jsonld/graph.jsonld", encoding: .utf8)
        let context = try String(contentsOfFile: out + "/jsonld/context.jsonld", encoding: .utf8)
        #expect(graph.contains("\"kind\": {\"@id\": \"https://data.example.net/sg/vocab#kind\"}"))
        #expect(context.contains("\"@context\": {"))
        #expect(!context.contains("@vocab"))
    }

    @Test func badBaseIRIsAreUsageErrors() throws {
        for base in ["ftp://example.org/", "https://example.org/no-slash", "https://example.org/a b/"] {
            let run = try CLIRunner.run(["build", "--output", "/nonexistent/never", "--base-iri", base])
            #expect(run.status == 64, "\(base): \(run.stderr)")
            #expect(run.stderr.contains("--base-iri"))
        }
    }

    @Test func timingsGoToStandardError() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLIRunner.run(["build", "--output", dir.appendingPathComponent("Output").path, "--quiet", "--timings"])
        #expect(run.status == 0, "\(run.stderr)")
        let stages = run.stderr.split(separator: "\n").filter { $0.hasPrefix("timing: ") }
        #expect(stages.contains { $0.hasSuffix("linked data: JSON-LD") })
        #expect(stages.contains { $0.contains("linked data (jsonld/, rdf/;") })
        #expect(!run.stdout.contains("timing:"))
    }
}
