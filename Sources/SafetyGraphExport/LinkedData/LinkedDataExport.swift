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
        let report = write(
            to: { opened[File.allCases.firstIndex(of: $0) ?? 0] }, measuring: measuring, entriesPerRun: Self.entriesPerRun)
        for sink in opened { try sink.close() }
        return report
    }

    /// Every file in memory, for tests: path → text. `entriesPerRun` sets how many entries each run made at once
    /// holds (the output never depends on it).
    public func render(entriesPerRun: Int = LinkedDataExport.entriesPerRun) -> [File: String] {
        let sinks = File.allCases.map { _ in ByteSink() }
        _ = write(to: { sinks[File.allCases.firstIndex(of: $0) ?? 0] }, measuring: false, entriesPerRun: entriesPerRun)
        return Dictionary(uniqueKeysWithValues: zip(File.allCases, sinks.map(\.text)))
    }

    private func write(to sink: (File) -> ByteSink, measuring: Bool, entriesPerRun: Int) -> Report {
        let writers = Writers(vocabulary: vocabulary)
        var emitter = Emitter(
            writers, scheme: sink(.scheme), catalog: sink(.catalog), graph: sink(.graph), nTriples: sink(.nTriples),
            turtle: sink(.turtle), measuring: measuring)
        writers.json.writeContextDocument(to: sink(.context))
        for dump in [emitter.scheme, emitter.catalog, emitter.graph] { writers.json.beginDocument(dump!) }
        writers.ttl.writeHeader(to: emitter.turtle)

        var report = Report()
        report.diagnostics = model.forEachSchemeNode { emitter.emit($0, inCatalog: false) }
        let (sections, entries) = model.catalogParts()
        for node in sections { emitter.emit(node, inCatalog: true) }
        // The entries, nine tenths of the output, are made in runs on all cores, each run into memory of its own,
        // and the runs are written out in order: the files are exactly what one pass makes.
        let entriesPerRun = max(1, entriesPerRun)
        let runs = (entries.count + entriesPerRun - 1) / entriesPerRun
        emitter.clock.lap(Emitter.nodes)
        var state = (emitter: emitter, diagnostics: report.diagnostics)
        let spare = SpareSinks()
        // A run's place in each file is given in turn, and the run is written there after its turn, by the thread
        // that made it: the runs of both cores are written at once (writing them out one after another, in turn,
        // was the longest part of the export on two cores).
        concurrentInOrder(runs, state: &state) { run in
            let sinks = spare.take()
            var part = Emitter(
                writers, scheme: nil, catalog: sinks.catalog, graph: nil, nTriples: sinks.nTriples,
                turtle: sinks.turtle, measuring: measuring)
            part.catalogEmpty = false  // every node with its separator (see `JSONLDWriter.appendRun`)
            let range = (run * entriesPerRun)..<min(entries.count, (run + 1) * entriesPerRun)
            let diagnostics = entries.forEachNode(ofEntries: range) { part.emit($0, inCatalog: true) }
            return (part, diagnostics)
        } consume: { state, made in
            let writes = state.emitter.append(made.0)
            state.diagnostics += made.1
            return (writes, (made.0.catalog, made.0.nTriples, made.0.turtle))
        } afterwards: { handoff in
            let start = measuring ? DispatchTime.now().uptimeNanoseconds : 0
            for write in handoff.0 { write.perform() }
            spare.give(handoff.1, writing: measuring ? DispatchTime.now().uptimeNanoseconds - start : 0)
        }
        (emitter, report.diagnostics) = state
        emitter.clock.charge(Emitter.files, nanoseconds: spare.writingNanoseconds)
        emitter.clock.restart()  // the runs' time is in their own clocks, added up

        writers.json.endDocument(emitter.scheme!, empty: emitter.schemeEmpty)
        writers.json.endDocument(emitter.catalog, empty: emitter.catalogEmpty)
        writers.json.endDocument(emitter.graph!, empty: emitter.graphEmpty)
        emitter.clock.lap(Emitter.jsonLD)
        report.tripleCount = emitter.tripleCount
        report.nodeCount = emitter.nodeCount
        report.seconds = emitter.clock.totals
        return report
    }

    /// Entries per run made at once: about 1 MB of output, small enough to be still in the cache when it is written
    /// out (runs of 1,024 entries, 10 MB, took the kernel four times as long to copy into the files).
    public static let entriesPerRun = 128

    /// Memory sinks of runs already written out, lent again to later runs: fresh memory for every run cost more in
    /// page faults than making the run.
    private final class SpareSinks: @unchecked Sendable {
        typealias Sinks = (catalog: ByteSink, nTriples: ByteSink, turtle: ByteSink)
        private let lock = NSLock()
        private var sinks: [Sinks] = []

        func take() -> Sinks {
            lock.lock()
            defer { lock.unlock() }
            guard let some = sinks.popLast() else { return (ByteSink(), ByteSink(), ByteSink()) }
            for sink in [some.catalog, some.nTriples, some.turtle] { sink.reset() }
            return some
        }

        /// Takes back a run's sinks once its bytes are written, and the time writing them took.
        func give(_ some: Sinks, writing nanoseconds: UInt64) {
            lock.lock()
            sinks.append(some)
            writing += nanoseconds
            lock.unlock()
        }

        /// The time spent writing runs out, of all threads together.
        var writingNanoseconds: UInt64 {
            lock.lock()
            defer { lock.unlock() }
            return writing
        }
        private var writing: UInt64 = 0
    }

    /// The three writers, made once and shared by every run (they hold constants only).
    private struct Writers: Sendable {
        let json: JSONLDWriter
        let nt: NTriplesWriter
        let ttl: TurtleWriter

        init(vocabulary: LinkedVocabulary) {
            json = JSONLDWriter(vocabulary: vocabulary)
            nt = NTriplesWriter(vocabulary: vocabulary)
            ttl = TurtleWriter(vocabulary: vocabulary)
        }
    }

    /// Writes nodes to every file: the output files themselves, or (a run of entries) memory of its own, where the
    /// catalogue's JSON-LD is written once and the scheme and whole-graph dumps are left out.
    private struct Emitter {
        static let nodes = 0, jsonLD = 1, nTriplesStage = 2, turtleStage = 3, files = 4
        /// What the clock charges; the runs' own clocks are added up, so these are seconds of all threads together.
        static let stages = ["nodes", "JSON-LD", "N-Triples", "Turtle", "writing runs out"]

        let writers: Writers
        let scheme: ByteSink?, catalog: ByteSink, graph: ByteSink?, nTriples: ByteSink, turtle: ByteSink
        /// A node's JSON-LD, written once and copied into its dump and into `graph.jsonld`.
        let encoded = ByteSink()
        var schemeEmpty = true, catalogEmpty = true, graphEmpty = true
        var tripleCount = 0, nodeCount = 0
        var clock: StageClock

        init(
            _ writers: Writers, scheme: ByteSink?, catalog: ByteSink, graph: ByteSink?, nTriples: ByteSink,
            turtle: ByteSink, measuring: Bool
        ) {
            self.writers = writers
            (self.scheme, self.catalog, self.graph, self.nTriples, self.turtle) = (scheme, catalog, graph, nTriples, turtle)
            clock = StageClock(stages: Self.stages, enabled: measuring)
        }

        /// Writes `node` to every file: its JSON-LD to the scheme dump or (`inCatalog`) the catalogue dump, and to
        /// the whole graph's.
        mutating func emit(_ node: LinkedNode, inCatalog: Bool) {
            clock.lap(Self.nodes)
            if inCatalog && graph == nil {
                // A run's node: its JSON-LD goes to the catalogue dump only, written there straight.
                writers.json.append(node, to: catalog, first: catalogEmpty)
                catalogEmpty = false
            } else {
                emitJSONLD(node, inCatalog: inCatalog)
            }
            clock.lap(Self.jsonLD)
            writers.nt.write(node, to: nTriples)
            clock.lap(Self.nTriplesStage)
            writers.ttl.write(node, to: turtle)
            clock.lap(Self.turtleStage)
            tripleCount += node.tripleCount
            nodeCount += 1
        }

        /// The JSON-LD of `node`, written once and copied to its dump and the whole graph's.
        private mutating func emitJSONLD(_ node: LinkedNode, inCatalog: Bool) {
            encoded.reset()
            writers.json.write(node, to: encoded)
            if inCatalog {
                writers.json.append(encoded, to: catalog, first: catalogEmpty)
                catalogEmpty = false
            } else if let scheme {
                writers.json.append(encoded, to: scheme, first: schemeEmpty)
                schemeEmpty = false
            }
            if let graph {
                writers.json.append(encoded, to: graph, first: graphEmpty)
                graphEmpty = false
            }
        }

        /// Puts what a run of entries made in memory after what is written, as if its nodes had been emitted here:
        /// into a memory sink at once, into a file at its place, by the writes returned (to be performed while the
        /// run's sinks are left as they are).
        mutating func append(_ run: Emitter) -> [ByteSink.PendingWrite] {
            var writing = StageClock(stages: Self.stages, enabled: clock.enabled)
            defer {
                writing.lap(Self.files)
                clock.add(run.clock)
                clock.add(writing)
            }
            guard run.nodeCount > 0 else { return [] }
            var writes: [ByteSink.PendingWrite] = []
            writes.reserveCapacity(4)
            func later(_ write: ByteSink.PendingWrite?) { if let write { writes.append(write) } }
            later(writers.json.appendRunLater(run.catalog, to: catalog, first: catalogEmpty))
            catalogEmpty = false
            if let graph {
                later(writers.json.appendRunLater(run.catalog, to: graph, first: graphEmpty))
                graphEmpty = false
            }
            later(nTriples.appendLater(contentsOf: run.nTriples))
            later(turtle.appendLater(contentsOf: run.turtle))
            tripleCount += run.tripleCount
            nodeCount += run.nodeCount
            return writes
        }
    }
}
