import Foundation
import SafetyGraphCore

/// Writes the graph as linked data, in one streaming pass over its nodes:
/// `jsonld/context.jsonld`, `jsonld/scheme.jsonld` (SKOS), `jsonld/catalog.jsonld` (schema.org entries),
/// `jsonld/graph.jsonld` (both), `rdf/graph.nt` and `rdf/graph.ttl` (the same triples as `graph.jsonld`).
public struct LinkedDataExport: Sendable {
    /// The files written, relative to the output folder.
    public enum File: String, CaseIterable, Sendable {
        case context = "jsonld/context.jsonld"
        case scheme = "jsonld/scheme.jsonld"
        case catalog = "jsonld/catalog.jsonld"
        case graph = "jsonld/graph.jsonld"
        case nTriples = "rdf/graph.nt"
        case turtle = "rdf/graph.ttl"
    }

    /// What a run wrote and how long each writer took.
    public struct Report: Sendable {
        /// Links that had to be percent-encoded or left out, tags naming no concept.
        public var diagnostics: [Diagnostic] = []
        /// Triples in `graph.nt` (and in every other form of the whole graph).
        public var tripleCount = 0
        public var nodeCount = 0
        /// Seconds spent building nodes and in each writer (measured only when asked for).
        public var seconds: [(stage: String, seconds: Double)] = []
    }

    public let model: LinkedDataModel
    public var vocabulary: LinkedVocabulary { model.vocabulary }

    public init(graph: KnowledgeGraph, base: LinkedDataBase) {
        model = LinkedDataModel(graph: graph, vocabulary: LinkedVocabulary(base: base))
    }

    // MARK: - Writing

    /// Streams every file into the staging folder.
    public func write(into staging: OutputStaging, measuring: Bool = false) throws(OutputError) -> Report {
        var opened: [ByteSink] = []
        for file in File.allCases { opened.append(try staging.openStream(file.rawValue)) }
        let report = write(to: { opened[File.allCases.firstIndex(of: $0) ?? 0] }, measuring: measuring)
        for sink in opened { try sink.close() }
        return report
    }

    /// Every file in memory, for tests: path → text.
    public func render() -> [File: String] {
        let sinks = File.allCases.map { _ in ByteSink() }
        _ = write(to: { sinks[File.allCases.firstIndex(of: $0) ?? 0] }, measuring: false)
        return Dictionary(uniqueKeysWithValues: zip(File.allCases, sinks.map(\.text)))
    }

    private func write(to sink: (File) -> ByteSink, measuring: Bool) -> Report {
        let json = JSONLDWriter(vocabulary: vocabulary)
        let nt = NTriplesWriter()
        let ttl = TurtleWriter(vocabulary: vocabulary)
        var report = Report()
        var clock = StageClock(enabled: measuring)

        json.writeContextDocument(to: sink(.context))
        for file in [File.scheme, .catalog, .graph] { json.beginDocument(sink(file)) }
        ttl.writeHeader(to: sink(.turtle))

        let encoded = ByteSink()
        var firstIn: Set<File> = [.scheme, .catalog, .graph]
        func emit(_ node: LinkedNode, into dump: File) {
            clock.lap("nodes")
            encoded.reset()
            json.write(node, to: encoded)
            for file in [dump, .graph] {
                json.append(encoded, to: sink(file), first: firstIn.remove(file) != nil)
            }
            clock.lap("JSON-LD")
            nt.write(node, to: sink(.nTriples))
            clock.lap("N-Triples")
            ttl.write(node, to: sink(.turtle))
            clock.lap("Turtle")
            report.tripleCount += node.tripleCount
            report.nodeCount += 1
        }
        let schemeDiagnostics = model.forEachSchemeNode { emit($0, into: .scheme) }
        let catalogDiagnostics = model.forEachCatalogNode { emit($0, into: .catalog) }
        report.diagnostics = schemeDiagnostics + catalogDiagnostics
        clock.lap("nodes")

        for file in [File.scheme, .catalog, .graph] { json.endDocument(sink(file), empty: firstIn.contains(file)) }
        clock.lap("JSON-LD")
        report.seconds = clock.totals
        return report
    }
}
