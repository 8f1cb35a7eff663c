import Foundation

/// The tagged entries and the concept scheme, linked and indexed for queries and exporters.
///
/// Entries are held sorted by id (one per id: a later duplicate id is dropped). Built once, it answers:
/// look-up by id or by URL, entries per concept (own tags, or with everything narrower — the closure), counts,
/// edges for exporters (see `KnowledgeGraph+Edges`), related entries (`KnowledgeGraph+Related`) and tag queries
/// and topics (`Query/`). Tags naming a concept the scheme does not have are kept on the entry but not indexed.
public struct KnowledgeGraph: Sendable {
    /// The concept scheme the entries are tagged against.
    public let scheme: ConceptScheme
    /// All entries, sorted by id, ids unique.
    public let entries: [TaggedEntry]
    /// Most posting entries that `related(to:)` scans to find candidates (see `KnowledgeGraph+Related`).
    public let relatedScanBudget: Int
    /// How many tags the entries have in all, and how many entries have none: counted while the postings are
    /// built, when every entry's tags are at hand (counting them afterwards reads 100,000 entries again, one
    /// cache miss each).
    public let tagCount: Int
    public let untaggedCount: Int

    /// Entry position by id.
    var entryIndex: [EntryID: Int32] { lookUp.entryIndex }
    /// The look-up indexes by id and by URL (`LookUpIndexes`), made on first use: `build` never looks an entry
    /// up (the queries, `related` and the whole graph's DOT do), and making them for 100,000 entries (hashing every
    /// id, fingerprinting every URL) took one core 35 ms at the end of the graph's construction.
    private let lookUpMemo = LookUpMemo()
    private var lookUp: LookUpIndexes { lookUpMemo.indexes { Self.lookUpIndexes(entries) } }
    /// Concept id → index in `scheme.concepts` (sorted by id, so index order is id order).
    let conceptIndex: [ConceptID: Int32]
    /// Per concept: ancestor indices (broader*), sorted, in one flat array (no array retained per look-up).
    let ancestorLists: CompactLists
    /// Per concept: entries whose stored tags include it, sorted.
    let ownPostings: CompactLists
    /// Per concept: entries tagged with it or anything narrower, sorted.
    let closurePostings: CompactLists
    /// Per entry: its stored tags and all their ancestors, sorted concept indices.
    let entryClosure: CompactLists
    /// Per entry: the number of its closure among the distinct closures (entries with the same closure score
    /// the same against any entry, so a related search scores each closure once).
    let closureClass: [Int32]
    let closureClassCount: Int
    /// Per concept: rarity weight `log(N / closure count)` (0 for unused concepts).
    let weights: [Double]
    /// `allRelated` results, computed once.
    let relatedMemo = RelatedMemo()

    /// Links `entries` to `scheme` and builds the indexes; `relatedScanBudget` bounds the work of one
    /// related-entries look-up (default 4,096 posting entries).
    public init(scheme: ConceptScheme, entries: [TaggedEntry], relatedScanBudget: Int = 4_096) {
        self.init(scheme: scheme, entries: entries, relatedScanBudget: relatedScanBudget, postingsInHalvesFrom: 8_192)
    }

    /// `init(scheme:entries:relatedScanBudget:)`, whose postings are made in two halves at once from
    /// `postingsInHalvesFrom` entries on (a parameter so that tests can hold the halves to one pass on small graphs).
    init(scheme: ConceptScheme, entries: [TaggedEntry], relatedScanBudget: Int, postingsInHalvesFrom: Int) {
        self.scheme = scheme
        self.relatedScanBudget = max(relatedScanBudget, 1)

        // Entries: sorted by id, stable, first of each id kept. The tagger's output already is, and is then
        // shared rather than copied (checked on all cores).
        let sortedAndUnique = entries.withUnsafeBufferPointer { buffer in
            let shared = UncheckedSendable(buffer)
            return concurrentAllSatisfy(buffer.count - 1) { shared.value[$0].entry.id < shared.value[$0 + 1].entry.id }
        }
        var unique: [TaggedEntry]
        if sortedAndUnique {
            unique = entries
        } else {
            let order = entries.indices.sorted { (entries[$0].id, $0) < (entries[$1].id, $1) }
            unique = []
            unique.reserveCapacity(entries.count)
            for i in order where unique.last?.id != entries[i].id { unique.append(entries[i]) }
        }
        self.entries = unique

        // The concept postings depend on the entries alone: for a large catalogue they are made in two halves at
        // once, on two cores (a small one is not worth waking another thread for). The look-up indexes wait for
        // their first use (`lookUp`).
        let concepts = scheme.concepts
        var conceptIndex: [ConceptID: Int32] = [:]
        for (i, c) in concepts.enumerated() where conceptIndex[c.id] == nil { conceptIndex[c.id] = Int32(i) }
        self.conceptIndex = conceptIndex
        let ancestors = concepts.map { c in scheme.ancestors(of: c.id).compactMap { conceptIndex[$0] }.sorted() }
        self.ancestorLists = CompactLists(ancestors)
        let postings: Postings
        if unique.count >= max(postingsInHalvesFrom, 2) {
            let middle = unique.count / 2
            let (all, index) = (unique, conceptIndex)
            let halves = concurrentMap(2) { half in
                Self.postings(all, half == 0 ? 0..<middle : middle..<all.count, index, ancestors)
            }
            postings = Postings.joined(halves[0], halves[1])
        } else {
            postings = Self.postings(unique, unique.indices, conceptIndex, ancestors)
        }
        self.closureClass = postings.closureClass
        self.closureClassCount = postings.closureClassCount
        self.ownPostings = CompactLists(postings.own)
        self.closurePostings = CompactLists(postings.closure)
        self.entryClosure = postings.entryClosure
        (self.tagCount, self.untaggedCount) = (postings.tagCount, postings.untaggedCount)
        let closure = postings.closure
        let n = Double(unique.count)
        self.weights = closure.map { $0.isEmpty ? 0 : log(n / Double($0.count)) }
    }

    private struct LookUpIndexes: Sendable {
        var entryIndex: [EntryID: Int32] = [:]
        /// First entry by `URLFingerprint` of its main URL, the others chained through `urlNext`: normalising every
        /// URL up front costs more than the whole index, so a look-up normalises only the few sharing a fingerprint.
        var urlHeads: [UInt64: Int32] = [:]
        var urlNext: [Int32]
    }

    /// Holds the look-up indexes once made; safe to ask from several threads (the first makes them).
    private final class LookUpMemo: @unchecked Sendable {  // `made` is guarded by `lock`
        private let lock = NSLock()
        private var made: LookUpIndexes?

        func indexes(_ make: () -> LookUpIndexes) -> LookUpIndexes {
            lock.lock()
            defer { lock.unlock() }
            if let made { return made }
            let new = make()
            made = new
            return new
        }
    }

    /// Entry position by id, and entries chained by the fingerprint of their main URL.
    private static func lookUpIndexes(_ unique: [TaggedEntry]) -> LookUpIndexes {
        var indexes = LookUpIndexes(urlNext: [Int32](repeating: -1, count: unique.count))
        indexes.entryIndex.reserveCapacity(unique.count)
        indexes.urlHeads.reserveCapacity(unique.count)
        for i in unique.indices.reversed() {
            indexes.entryIndex[unique[i].entry.id] = Int32(i)
            let fingerprint = URLFingerprint.of(unique[i].entry.url)
            indexes.urlNext[i] = indexes.urlHeads[fingerprint] ?? -1
            indexes.urlHeads[fingerprint] = Int32(i)
        }
        return indexes
    }

    private struct Postings: Sendable {
        var own: [[Int32]]
        var closure: [[Int32]]
        var entryClosure = CompactLists()
        var closureClass: [Int32] = []
        /// Each closure class's set of concepts, by class number (numbered in order of first appearance).
        var classSets: [[Int32]] = []
        var closureClassCount: Int { classSets.count }
        var tagCount = 0
        var untaggedCount = 0

        /// The postings of two consecutive ranges of entries as one pass over both makes them: lists end to end
        /// (the second range's positions all follow the first's), and the second's closure classes numbered on
        /// after the first's, in their order of first appearance, a set the first already has keeping its number.
        static func joined(_ first: Postings, _ second: Postings) -> Postings {
            var result = first
            for c in result.own.indices {
                result.own[c] += second.own[c]
                result.closure[c] += second.closure[c]
            }
            result.entryClosure.append(contentsOf: second.entryClosure)
            var number: [[Int32]: Int32] = [:]
            number.reserveCapacity(first.classSets.count + second.classSets.count)
            for (k, set) in first.classSets.enumerated() { number[set] = Int32(k) }
            var renumbered: [Int32] = []
            renumbered.reserveCapacity(second.classSets.count)
            for set in second.classSets {
                if let known = number[set] {
                    renumbered.append(known)
                } else {
                    number[set] = Int32(result.classSets.count)
                    renumbered.append(Int32(result.classSets.count))
                    result.classSets.append(set)
                }
            }
            result.closureClass += second.closureClass.map { renumbered[Int($0)] }
            result.tagCount += second.tagCount
            result.untaggedCount += second.untaggedCount
            return result
        }
    }

    /// Per concept its entries (own tags, and with everything narrower); per entry its closure and closure class;
    /// for the entries at `range` of `unique` (positions are positions in `unique`).
    private static func postings(
        _ unique: [TaggedEntry], _ range: Range<Int>, _ conceptIndex: [ConceptID: Int32], _ ancestors: [[Int32]]
    ) -> Postings {
        var result = Postings(
            own: Array(repeating: [Int32](), count: ancestors.count),
            closure: Array(repeating: [Int32](), count: ancestors.count))
        var closureClasses: [[Int32]: Int32] = [:]
        result.closureClass.reserveCapacity(range.count)
        var set: [Int32] = []
        for i in range {  // by position: a copy of each entry would retain every field
            set.removeAll(keepingCapacity: true)
            result.tagCount += unique[i].tags.count
            if unique[i].tags.isEmpty { result.untaggedCount += 1 }
            for tag in unique[i].tags {
                guard let c = conceptIndex[tag.concept] else { continue }
                if result.own[Int(c)].last != Int32(i) { result.own[Int(c)].append(Int32(i)) }
                set.append(c)
                set += ancestors[Int(c)]
            }
            set.sortAndUnique()
            for c in set { result.closure[Int(c)].append(Int32(i)) }
            result.entryClosure.append(set)
            if let known = closureClasses[set] {
                result.closureClass.append(known)
            } else {
                result.closureClass.append(Int32(closureClasses.count))
                closureClasses[set] = Int32(closureClasses.count)
                result.classSets.append(set)
            }
        }
        return result
    }

    // MARK: - Look-up

    /// The entry with this id.
    public func entry(_ id: EntryID) -> TaggedEntry? {
        entryIndex[id].map { entries[Int($0)] }
    }

    /// The entry whose main URL normalises like `url` (see `URLNormalizer`).
    public func entry(url: String) -> TaggedEntry? {
        let key = TaggingRuleTables.urlKey(url)
        let lookUp = self.lookUp
        var i = lookUp.urlHeads[URLFingerprint.of(url)] ?? -1
        while i >= 0 {
            if TaggingRuleTables.urlKey(entries[Int(i)].entry.url) == key { return entries[Int(i)] }
            i = lookUp.urlNext[Int(i)]
        }
        return nil
    }

    /// Entries tagged with `concept` — or, with `includeNarrower`, with it or anything narrower — sorted by id.
    /// Empty for an unknown concept.
    public func entries(taggedWith concept: ConceptID, includeNarrower: Bool = true) -> [TaggedEntry] {
        postings(of: concept, includeNarrower: includeNarrower).map { entries[Int($0)] }
    }

    /// The positions in `entries` of `entries(taggedWith:includeNarrower:)`, ascending: the same entries, for a
    /// caller that looks at a few of many without copying every one.
    public func entryIndices(taggedWith concept: ConceptID, includeNarrower: Bool = true) -> [Int32] {
        postings(of: concept, includeNarrower: includeNarrower)
    }

    /// The number of distinct entries `entries(taggedWith:includeNarrower:)` returns.
    public func count(of concept: ConceptID, includeNarrower: Bool = true) -> Int {
        postings(of: concept, includeNarrower: includeNarrower).count
    }

    /// Own and total (with narrower) entry counts of every concept, sorted by concept id.
    public var conceptCounts: [ConceptCount] {
        scheme.concepts.indices.map { i in
            ConceptCount(concept: scheme.concepts[i].id, own: ownPostings.count(of: i), total: closurePostings.count(of: i))
        }
    }

    func postings(of concept: ConceptID, includeNarrower: Bool) -> [Int32] {
        guard let c = conceptIndex[concept] else { return [] }
        return Array(includeNarrower ? closurePostings[Int(c)] : ownPostings[Int(c)])
    }
}
