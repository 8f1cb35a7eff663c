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
        var emitter = Emitter(
            vocabulary: vocabulary, scheme: sink(.scheme), catalog: sink(.catalog), graph: sink(.graph),
            nTriples: sink(.nTriples), turtle: sink(.turtle), measuring: measuring)
        emitter.json.writeContextDocument(to: sink(.context))
        for dump in [emitter.scheme, emitter.catalog, emitter.graph] { emitter.json.beginDocument(dump) }
        emitter.ttl.writeHeader(to: emitter.turtle)

        var report = Report()
        let schemeDiagnostics = model.forEachSchemeNode { emitter.emit($0, inCatalog: false) }
        let catalogDiagnostics = model.forEachCatalogNode { emitter.emit($0, inCatalog: true) }
        report.diagnostics = schemeDiagnostics + catalogDiagnostics
        emitter.clock.lap(Emitter.nodes)

        emitter.json.endDocument(emitter.scheme, empty: emitter.schemeEmpty)
        emitter.json.endDocument(emitter.catalog, empty: emitter.catalogEmpty)
        emitter.json.endDocument(emitter.graph, empty: emitter.graphEmpty)
        emitter.clock.lap(Emitter.jsonLD)
        report.tripleCount = emitter.tripleCount
        report.nodeCount = emitter.nodeCount
        report.seconds = emitter.clock.totals
        return report
    }

    /// The writers and their files, fetched once: each node goes to every one of them.
    private struct Emitter {
        static let nodes = 0, jsonLD = 1, nTriplesStage = 2, turtleStage = 3

        let json: JSONLDWriter
        let nt: NTriplesWriter
        let ttl: TurtleWriter
        let scheme, catalog, graph, nTriples, turtle: ByteSink
        /// A node's JSON-LD, written once and copied into its dump and into `graph.jsonld`.
        let encoded = ByteSink()
        var schemeEmpty = true, catalogEmpty = true, graphEmpty = true
        var tripleCount = 0, nodeCount = 0
        var clock: StageClock

        init(
            vocabulary: LinkedVocabulary, scheme: ByteSink, catalog: ByteSink, graph: ByteSink, nTriples: ByteSink,
            turtle: ByteSink, measuring: Bool
        ) {
            json = JSONLDWriter(vocabulary: vocabulary)
            nt = NTriplesWriter(vocabulary: vocabulary)
            ttl = TurtleWriter(vocabulary: vocabulary)
            (self.scheme, self.catalog, self.graph, self.nTriples, self.turtle) = (scheme, catalog, graph, nTriples, turtle)
            clock = StageClock(stages: ["nodes", "JSON-LD", "N-Triples", "Turtle"], enabled: measuring)
        }

        /// Writes `node` to every file: its JSON-LD to the scheme dump or (`inCatalog`) the catalogue dump, and to
        /// the whole graph's.
        mutating func emit(_ node: LinkedNode, inCatalog: Bool) {
            clock.lap(Self.nodes)
            encoded.reset()
            json.write(node, to: encoded)
            if inCatalog {
                json.append(encoded, to: catalog, first: catalogEmpty)
                catalogEmpty = false
            } else {
                json.append(encoded, to: scheme, first: schemeEmpty)
                schemeEmpty = false
            }
            json.append(encoded, to: graph, first: graphEmpty)
            graphEmpty = false
            clock.lap(Self.jsonLD)
            nt.write(node, to: nTriples)
            clock.lap(Self.nTriplesStage)
            ttl.write(node, to: turtle)
            clock.lap(Self.turtleStage)
            tripleCount += node.tripleCount
            nodeCount += 1
        }
    }
}
