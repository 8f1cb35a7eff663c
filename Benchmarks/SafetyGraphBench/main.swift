// The in-process benchmark driver of `make bench`: runs each pipeline stage once over the given lists and prints
// a JSON object of wall times, throughputs and the process's peak RSS after each stage, then the latency of
// `query` and `related` over many calls. It can also dump the terms and the text the tagger sees, so that the
// peers (grep, flashtext, pyahocorasick) work on exactly the same input.
//
// Usage: safetygraph-bench --ontology DIR [--dump-terms FILE] [--dump-text FILE] [--calls N] LIST.md...

import Foundation
import SafetyGraphCore
import SafetyGraphMarkdown

struct Options {
    var ontology = "Ontology"
    var lists: [String] = []
    var dumpTerms: String?
    var dumpText: String?
    var calls = 2_000

    init(_ arguments: [String]) {
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            func value() -> String {
                i += 1
                guard i < arguments.count else { fail("\(a) needs a value") }
                return arguments[i]
            }
            switch a {
            case "--ontology": ontology = value()
            case "--dump-terms": dumpTerms = value()
            case "--dump-text": dumpText = value()
            case "--calls": calls = Int(value()) ?? calls
            default: lists.append(a)
            }
            i += 1
        }
        if lists.isEmpty { fail("give at least one list") }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("safetygraph-bench: \(message)\n".utf8))
    exit(64)
}

/// Peak resident set size of this process so far, in MiB (VmHWM).
func peakRSS() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return (kb / 1024 * 10).rounded() / 10
    }
    return 0
}

func seconds(_ d: Duration) -> Double {
    let (s, atto) = d.components
    return Double(s) + Double(atto) / 1e18
}

func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

var report: [String: Any] = [:]
var stages: [[String: Any]] = []
let clock = ContinuousClock()

/// Runs `body` `runs` times and records the median time (the stages the peers are compared with run three times,
/// as the peers do); every run's time is kept in `runs`.
@MainActor func stage<T>(
    _ name: String, units: Double? = nil, unitName: String = "", runs: Int = 1, _ body: () throws -> T
) rethrows -> T {
    var times: [Double] = []
    var value: T? = nil
    for _ in 0..<max(1, runs) {
        value = nil  // the previous run's result is freed before the next run, not during it
        let start = clock.now
        value = try body()
        times.append(seconds(clock.now - start))
    }
    times.sort()
    let t = times[times.count / 2]
    var row: [String: Any] = [
        "stage": name, "seconds": round4(t), "runs": times.map(round4), "peak_rss_mib": peakRSS(),
    ]
    if let units, t > 0 {
        row["throughput"] = (units / t * 100).rounded() / 100
        row["throughput_unit"] = "\(unitName)/s"
    }
    stages.append(row)
    return value!
}

let options = Options(Array(CommandLine.arguments.dropFirst()))

let ontology: Ontology = stage("load ontology") {
    do { return try OntologyLoader.load(folder: options.ontology).ontology } catch { fail("\(error)") }
}

let bytes = options.lists.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
let megabytes = Double(bytes) / 1_000_000
let entries: [Entry] = stage("ingest (read, parse, merge)", units: megabytes, unitName: "MB", runs: 3) {
    let ingester = MarkdownIngester(rules: ontology.ingest)
    var lists: [[Entry]] = []
    for path in options.lists {
        do { lists.append(try ingester.ingest(fileAt: path).entries) } catch { fail("\(error)") }
    }
    return EntryMerger.merge(lists).entries
}

let tagger = Tagger(ontology: ontology)
let tagged: [TaggedEntry] = stage("tag", units: Double(entries.count), unitName: "entries", runs: 3) {
    tagger.tag(entries).entries
}

let graph: KnowledgeGraph = stage("link (graph + related top-5 of every entry)", units: Double(entries.count), unitName: "entries") {
    let graph = KnowledgeGraph(scheme: ontology.scheme, entries: tagged)
    _ = graph.allRelated(limit: 5)
    return graph
}

// MARK: - Latency of query and related, inside one process

var generator = SystemRandomNumberGenerator()
@MainActor func latency(_ name: String, _ calls: Int, _ body: (Int) -> Void) -> [String: Any] {
    var samples: [Double] = []
    samples.reserveCapacity(calls)
    for i in 0..<calls {
        let start = clock.now
        body(i)
        samples.append(seconds(clock.now - start) * 1000)
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let p99 = samples[min(samples.count - 1, Int(Double(samples.count) * 0.99))]
    return ["what": name, "calls": calls, "median_ms": round4(median), "p99_ms": round4(p99)]
}

let conceptIDs = ontology.scheme.concepts.map(\.id)
let entryIDs = graph.entries.map(\.id)
// Deterministic pseudo-random picks, so runs are comparable.
var picks = (0..<options.calls).map { _ in Int.random(in: 0..<1_000_000, using: &generator) }
var sink = 0
let queryLatency = latency("query <concept> (closure)", options.calls) { i in
    let q = TagQuery(all: [conceptIDs[picks[i] % conceptIDs.count]])
    sink &+= (try? graph.entryIDs(matching: q).count) ?? 0
}
let queryAnd = latency("query <facet> AND <concept>", options.calls) { i in
    let facet = ontology.scheme.topConcepts[picks[i] % ontology.scheme.topConcepts.count].id
    let q = TagQuery(all: [facet, conceptIDs[(picks[i] / 7) % conceptIDs.count]])
    sink &+= (try? graph.entryIDs(matching: q).count) ?? 0
}
let relatedLatency = latency("related <entry> (top 10)", options.calls) { i in
    sink &+= graph.related(to: entryIDs[picks[i] % max(1, entryIDs.count)], limit: 10).count
}

// MARK: - Dumps for the peers

if let path = options.dumpTerms {
    var terms: [String] = []
    for c in ontology.scheme.concepts { terms += c.matchLabels }
    terms += ontology.tagging.ignorePhrases
    try? (Array(Set(terms)).sorted().joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
}
if let path = options.dumpText {
    // One entry per line: the fields the tagger reads, newlines flattened.
    let lines = entries.map { e -> String in
        ([e.title, e.description ?? ""] + e.keywords + e.sectionPaths.flatMap { $0 })
            .joined(separator: " . ")
            .replacingOccurrences(of: "\n", with: " ")
    }
    try? lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
}

report["input_mb"] = round4(megabytes)
report["entries"] = entries.count
report["tags"] = tagged.reduce(0) { $0 + $1.tags.count }
report["stages"] = stages
report["latency"] = [queryLatency, queryAnd, relatedLatency]
report["checksum"] = sink
let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
print(String(decoding: data, as: UTF8.self))
