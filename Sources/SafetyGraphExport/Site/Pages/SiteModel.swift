import SafetyGraphCore

/// What every page draws on, computed once from the graph: labels, counts, kinds with their page names, the
/// entries in reading order, and file names for topics.
struct SiteModel {
    /// A kind of entry with its page.
    struct Kind {
        var kind: EntryKind
        var name: String
        var plural: String
        /// `kinds/<file>.html`, unique among kinds.
        var file: String
        var entries: [TaggedEntry]
    }

    let graph: KnowledgeGraph
    let inputs: SiteInputs
    var scheme: ConceptScheme { graph.scheme }
    /// Kinds that have entries, sorted by plural name then kind.
    let kinds: [Kind]
    private let kindFiles: [EntryKind: String]
    private let counts: [ConceptID: ConceptCount]
    private let topicFiles: [ConceptID: String]
    /// Every entry in A–Z order (sort key, then id).
    let entriesByTitle: [TaggedEntry]

    init(graph: KnowledgeGraph, inputs: SiteInputs) {
        self.graph = graph
        self.inputs = inputs
        var counts: [ConceptID: ConceptCount] = [:]
        for count in graph.conceptCounts { counts[count.concept] = count }
        self.counts = counts

        var topicFiles: [ConceptID: String] = [:]
        for concept in graph.scheme.concepts { topicFiles[concept.id] = Self.topicStem(concept.id) }
        self.topicFiles = topicFiles

        let keyed = graph.entries.map { (SiteText.sortKey($0.entry.title), $0) }
        entriesByTitle = keyed.sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }.map(\.1)

        var byKind: [EntryKind: [TaggedEntry]] = [:]
        for tagged in entriesByTitle { byKind[tagged.entry.kind, default: []].append(tagged) }
        var used: Set<String> = []
        var kinds: [Kind] = []
        var kindFiles: [EntryKind: String] = [:]
        for kind in byKind.keys.sorted() {
            var file = SiteText.slug(kind.rawValue)
            var n = 2
            while used.contains(file) {
                file = SiteText.slug(kind.rawValue) + "-\(n)"
                n += 1
            }
            used.insert(file)
            kindFiles[kind] = "kinds/\(file).html"
            kinds.append(Kind(
                kind: kind, name: SiteText.kindName(kind), plural: SiteText.kindPlural(kind),
                file: "kinds/\(file).html", entries: byKind[kind] ?? []))
        }
        self.kinds = kinds.sorted { ($0.plural, $0.kind) < ($1.plural, $1.kind) }
        self.kindFiles = kindFiles
    }

    // MARK: - Concepts

    /// The concept's preferred label (its id when the scheme does not know it).
    func label(_ id: ConceptID) -> String { HTMLEscaping.cleaned(scheme[id]?.prefLabel ?? id.rawValue) }

    /// `topics/<stem>.html`, relative to the site's root.
    func topicFile(_ id: ConceptID) -> String { "topics/\(topicFiles[id] ?? Self.topicStem(id)).html" }

    /// Own and total entry counts.
    func count(_ id: ConceptID) -> ConceptCount { counts[id] ?? ConceptCount(concept: id, own: 0, total: 0) }

    /// A concept id as a file name: the id itself when it is a valid id (always, for a loaded ontology),
    /// otherwise a slug with a hash so distinct ids never share a file.
    static func topicStem(_ id: ConceptID) -> String {
        if ConceptID.isValid(id.rawValue) { return id.rawValue }
        var hash: UInt32 = 0x811c_9dc5
        for byte in id.rawValue.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return SiteText.slug(id.rawValue) + "-" + String(hash, radix: 16)
    }

    /// Every path from a facet down to `id`'s broader concept (the breadcrumbs), each facet first, sorted by
    /// labels; at most `limit` paths (a poly-hierarchy can have many).
    func broaderPaths(of id: ConceptID, limit: Int = 8) -> [[ConceptID]] {
        var paths: [[ConceptID]] = []
        var stack: [[ConceptID]] = (scheme[id]?.broader ?? []).map { [$0] }
        var steps = 0
        while let path = stack.popLast(), steps < 10_000 {
            steps += 1
            guard let top = path.last, let concept = scheme[top] else { continue }
            if concept.broader.isEmpty {
                paths.append(path.reversed())
                continue
            }
            for parent in concept.broader where !path.contains(parent) && parent != id { stack.append(path + [parent]) }
        }
        let sorted = paths.sorted { a, b in a.map(label).lexicographicallyPrecedes(b.map(label)) }
        return Array(sorted.prefix(limit))
    }

    // MARK: - Kinds

    /// `kinds/<file>.html` for a kind that has entries.
    func kindFile(_ kind: EntryKind) -> String { kindFiles[kind] ?? "kinds/\(SiteText.slug(kind.rawValue)).html" }

    // MARK: - Entries

    /// Entries with a year, newest first (then A–Z).
    func newest(_ limit: Int) -> [TaggedEntry] {
        let dated = entriesByTitle.filter { $0.entry.year != nil }
        let order = Dictionary(uniqueKeysWithValues: entriesByTitle.enumerated().map { ($1.id, $0) })
        return Array(dated.sorted {
            ($0.entry.year ?? 0, -(order[$0.id] ?? 0)) > ($1.entry.year ?? 0, -(order[$1.id] ?? 0))
        }.prefix(limit))
    }

    /// Entries tagged with the most distinct topics (counting broader ones), then A–Z.
    func mostConnected(_ limit: Int) -> [TaggedEntry] {
        let scored = entriesByTitle.enumerated().map { (index, tagged) -> (Int, Int, TaggedEntry) in
            var closure = Set(tagged.conceptIDs)
            for tag in tagged.conceptIDs { closure.formUnion(scheme.ancestors(of: tag)) }
            return (closure.count, index, tagged)
        }
        return scored.filter { $0.0 > 0 }.sorted { ($0.0, -$0.1) > ($1.0, -$1.1) }.prefix(limit).map(\.2)
    }
}
