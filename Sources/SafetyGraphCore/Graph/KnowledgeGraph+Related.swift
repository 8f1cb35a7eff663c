import Foundation

/// Related entries: shared concepts weighted by rarity, through the inverted index, never all pairs.
///
/// **Weighting.** Each entry stands for the closure of its tags (the tags and all their ancestors). Two entries
/// score the sum over the concepts they share of `w(c) = log(N / n(c))`, `N` the number of entries and `n(c)` the
/// number of entries whose closure holds `c` (IDF). The closure is used rather than the stored tags alone so that
/// siblings (`adversarial-robustness`, `distribution-shift`) still relate a little through their facet, while a
/// shared specific tag counts its own weight plus its ancestors'; ancestors are never rarer than their
/// descendants, so they weigh less by construction and no hand-tuned discount is needed. A concept every entry
/// has weighs 0. Ties are broken by entry id.
///
/// **Candidates.** The entry's closure concepts are visited rarest first and their closure posting lists scanned;
/// each new entry seen is scored exactly (a merge of two short sorted concept lists). Two bounds keep this
/// sub-quadratic: (1) *threshold* — before each list, the sum of the weights still unvisited bounds the score of
/// any entry not yet seen; once the k-th best score exceeds it, no unseen entry can enter the top k and the scan
/// stops (the result is exact); (2) *budget* — at most `relatedScanBudget` posting entries are scanned per look-up.
/// The budget only binds when the threshold has not stopped the scan within it, i.e. when the entry's remaining
/// concepts are all very common; a list cut short contributes its lowest ids, which is also the tie-break order.
/// So a look-up costs O(B log k + B · t) for budget B and closure size t, whatever the posting-list lengths.
extension KnowledgeGraph {
    /// The default number of related entries per entry.
    public static let defaultRelatedLimit = 10

    /// The `limit` entries most related to `id`, best first (score descending, then id); empty for an unknown id.
    public func related(to id: EntryID, limit: Int = KnowledgeGraph.defaultRelatedLimit) -> [RelatedEntry] {
        guard let a = entryIndex[id], limit > 0 else { return [] }
        var scratch = RelatedScratch(entryCount: entries.count, conceptCount: weights.count, classCount: closureClassCount)
        return related(Int(a), limit: limit, &scratch)
    }

    /// The related entries of every entry, sorted by entry id (for exporters).
    ///
    /// Computed once per limit and kept (the catalogue and the drawings both ask). Entries with the same closure
    /// (the same closure class) have the same search: the same lists scanned in the same order, within the same
    /// budget, the same score and the same shared concepts for every candidate. So the search runs once per class,
    /// for one more entry than asked and without leaving out the entry it runs for, its related entries are made
    /// once, and each entry of the class takes that list without itself. This is exactly what `related(to:limit:)` gives each entry (a test holds the two together): that
    /// look-up stops scanning only when no unseen entry can enter its top `limit`, so what the class's longer
    /// search sees beyond that point cannot enter it either. Classes are searched in chunks on all cores.
    public func allRelated(limit: Int = KnowledgeGraph.defaultRelatedLimit) -> [RelatedList] {
        guard limit > 0 else { return entries.map { RelatedList(entry: $0.id, related: []) } }
        if let known = relatedMemo.lists(limit: limit) { return known }
        let n = entries.count
        // Each class's first entry stands for it.
        var firsts = [Int32](repeating: -1, count: closureClassCount)
        for i in (0..<n).reversed() { firsts[Int(closureClass[i])] = Int32(i) }
        let representative = firsts
        let chunk = 256
        let candidates = Array(
            concurrentMap((closureClassCount + chunk - 1) / chunk) { c in
                var scratch = RelatedScratch(entryCount: n, conceptCount: weights.count, classCount: closureClassCount)
                return ((c * chunk)..<min(closureClassCount, (c + 1) * chunk)).map { k in
                    // The shared concepts depend on the two closures alone: the representative's are every member's.
                    let a = Int(representative[k])
                    let top = search(a, limit: limit + 1, leavingOutItself: false, &scratch)
                    return (positions: top.map(\.entry), related: relatedEntries(of: a, top))
                }
            }.joined())
        let lists = concurrentMap((n + 2_047) / 2_048) { c in
            ((c * 2_048)..<min(n, (c + 1) * 2_048)).map { a in
                let (positions, related) = candidates[Int(closureClass[a])]
                var mine: [RelatedEntry] = []
                mine.reserveCapacity(min(limit, related.count))
                for i in related.indices where positions[i] != Int32(a) && mine.count < limit { mine.append(related[i]) }
                // By position: reading the id through a copy of the entry would retain every field of it.
                return RelatedList(entry: entries[a].id, related: mine)
            }
        }
        let result = Array(lists.joined())
        relatedMemo.keep(result, limit: limit)
        return result
    }

    // MARK: - Search

    func related(_ a: Int, limit: Int, _ s: inout RelatedScratch) -> [RelatedEntry] {
        relatedEntries(of: a, search(a, limit: limit, leavingOutItself: true, &s))
    }

    /// The candidates' entries, rounded scores and shared concepts, as related entries of `a`.
    private func relatedEntries(of a: Int, _ top: [(score: Double, entry: Int32)]) -> [RelatedEntry] {
        top.map { candidate in
            RelatedEntry(
                entry: entries[Int(candidate.entry)].id, score: (candidate.score * 1e6).rounded() / 1e6,
                sharedConcepts: sharedMostSpecific(a, Int(candidate.entry)))
        }
    }

    /// The best `limit` candidates for entry `a` (score descending, then position), with `a` itself among them
    /// unless `leavingOutItself`.
    func search(_ a: Int, limit: Int, leavingOutItself: Bool, _ s: inout RelatedScratch) -> [(score: Double, entry: Int32)] {
        guard entryClosure.count(of: a) > 0 else { return [] }
        let postingCounts = closurePostings.offsets
        // Rarest (highest weight) first; equal weights by concept index.
        let order = entryClosure[a].sorted { x, y in
            let cx = postingCounts[Int(x) + 1] - postingCounts[Int(x)]
            let cy = postingCounts[Int(y) + 1] - postingCounts[Int(y)]
            return cx != cy ? cx < cy : x < y
        }
        // The buffers leave the scratch for the search, so the loops below work on plain, uniquely held locals.
        var top = s.top
        var mark = s.mark
        var touched = s.touched
        var mine = s.conceptWeights
        var classScore = s.classScore
        var scoredClasses = s.scoredClasses
        s.top = []
        s.mark = []
        s.touched = []
        s.conceptWeights = []
        s.classScore = []
        s.scoredClasses = []
        top.removeAll(keepingCapacity: true)
        touched.removeAll(keepingCapacity: true)
        scoredClasses.removeAll(keepingCapacity: true)

        let weights = self.weights
        var remaining = 0.0
        for c in order {
            mine[Int(c)] = weights[Int(c)]
            remaining += weights[Int(c)]
        }
        // The highest score any entry can have against a: sharing all of a's concepts, summed in concept order as
        // every score is (a sum of fewer of these non-negative weights never rounds above it).
        var best = 0.0
        for c in entryClosure[a] { best += weights[Int(c)] }
        var budget = relatedScanBudget
        if leavingOutItself {
            mark[a] = true
            touched.append(Int32(a))
        }

        // The scan, on raw buffers: it is most of the time of `allRelated` (every index below comes from the
        // graph's own posting and closure lists, built in `init`, so it is in range).
        closurePostings.values.withUnsafeBufferPointer { postings in
            entryClosure.offsets.withUnsafeBufferPointer { closureOffsets in
                entryClosure.values.withUnsafeBufferPointer { closureValues in
                    mark.withUnsafeMutableBufferPointer { mark in
                        mine.withUnsafeBufferPointer { mine in
                        closureClass.withUnsafeBufferPointer { closureClass in
                        classScore.withUnsafeMutableBufferPointer { classScore in
                            lists: for c in order {
                                let weight = weights[Int(c)]
                                if weight <= 0 || budget <= 0 { break }
                                // The epsilon absorbs rounding in the running sum, so a tie at the threshold is
                                // still scanned.
                                if top.count == limit, let worst = top.last, remaining + 1e-9 < worst.score { break }
                                let start = postingCounts[Int(c)]
                                let scan = min(postingCounts[Int(c) + 1] - start, budget)
                                budget -= scan
                                for k in start..<(start + scan) {
                                    let b = Int(postings[k])
                                    if mark[b] { continue }
                                    mark[b] = true
                                    touched.append(Int32(b))
                                    // The exact score: b's closure against a's weights, in concept order (as
                                    // `score(_:_:)`), once per distinct closure (negative: not yet scored).
                                    let cls = Int(closureClass[b])
                                    var score = classScore[cls]
                                    if score < 0 {
                                        score = 0
                                        for i in closureOffsets[b]..<closureOffsets[b + 1] {
                                            score += mine[Int(closureValues[i])]
                                        }
                                        classScore[cls] = score
                                        scoredClasses.append(Int32(cls))
                                    }
                                    RelatedScratch.offer((score, Int32(b)), limit: limit, into: &top)
                                    // Full of entries that share all of a's concepts: nothing later in this list
                                    // can enter (no higher score; an equal one has a larger index), and the
                                    // threshold below would skip every later list. The result is the same.
                                    if top.count == limit, let worst = top.last, worst.score >= best,
                                        remaining - weight + 1e-9 < worst.score
                                    {
                                        break lists
                                    }
                                }
                                remaining -= weight
                            }
                        }
                        }
                        }
                    }
                }
            }
        }
        for t in touched { mark[Int(t)] = false }
        for c in scoredClasses { classScore[Int(c)] = -1 }
        for c in order { mine[Int(c)] = 0 }
        let result = top
        s.top = top
        s.mark = mark
        s.touched = touched
        s.conceptWeights = mine
        s.classScore = classScore
        s.scoredClasses = scoredClasses
        return result
    }

    /// The exact relatedness of two entries: summed in concept order, so `score(a, b) == score(b, a)` bit for bit.
    func score(_ a: Int, _ b: Int) -> Double {
        entryClosure.values.withUnsafeBufferPointer { concepts in
            weights.withUnsafeBufferPointer { weights in
                var i = entryClosure.offsets[a]
                let iEnd = entryClosure.offsets[a + 1]
                var j = entryClosure.offsets[b]
                let jEnd = entryClosure.offsets[b + 1]
                var total = 0.0
                while i < iEnd && j < jEnd {
                    let x = concepts[i]
                    let y = concepts[j]
                    if x < y { i += 1 } else if x > y { j += 1 } else {
                        total += weights[Int(x)]
                        i += 1
                        j += 1
                    }
                }
                return total
            }
        }
    }

    /// Shared closure concepts of `a` and `b` without those broader than another shared one.
    ///
    /// On the flat lists' buffers, the shared concepts in a buffer on the stack: it runs for every related entry
    /// of every entry, and arrays made and retained per call were most of its time.
    func sharedMostSpecific(_ a: Int, _ b: Int) -> [ConceptID] {
        entryClosure.offsets.withUnsafeBufferPointer { offsets in
            entryClosure.values.withUnsafeBufferPointer { closure in
                ancestorLists.offsets.withUnsafeBufferPointer { ancestorOffsets in
                    ancestorLists.values.withUnsafeBufferPointer { ancestors in
                        scheme.concepts.withUnsafeBufferPointer { concepts in
                            var i = offsets[a], j = offsets[b]
                            let iEnd = offsets[a + 1], jEnd = offsets[b + 1]
                            return withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(0, min(iEnd - i, jEnd - j))) {
                                shared in
                                var n = 0
                                while i < iEnd && j < jEnd {
                                    let x = closure[i], y = closure[j]
                                    if x < y { i += 1 } else if x > y { j += 1 } else {
                                        shared[n] = x
                                        n += 1
                                        i += 1
                                        j += 1
                                    }
                                }
                                /// Whether `c` is among `d`'s ancestors (a sorted list).
                                func isAncestor(_ c: Int32, of d: Int32) -> Bool {
                                    ancestors[ancestorOffsets[Int(d)]..<ancestorOffsets[Int(d) + 1]].binarySearchContains(c)
                                }
                                var out: [ConceptID] = []
                                out.reserveCapacity(n)
                                for k in 0..<n {
                                    let c = shared[k]
                                    var broaderThanAnother = false
                                    for m in 0..<n where m != k && isAncestor(c, of: shared[m]) {
                                        broaderThanAnother = true
                                        break
                                    }
                                    if !broaderThanAnother { out.append(concepts[Int(c)].id) }
                                }
                                return out
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Buffers of one related-entries search, reused across the entries of `allRelated`.
struct RelatedScratch {
    /// Entries already scored in the current search.
    var mark: [Bool]
    var touched: [Int32] = []
    /// The best candidates so far, best first.
    var top: [(score: Double, entry: Int32)] = []

    /// Per concept: its weight when the searched entry has it, else 0.
    var conceptWeights: [Double]
    /// Per closure class (`KnowledgeGraph.closureClass`): its score in the current search, or -1 before it is
    /// known; and the classes scored, to reset.
    var classScore: [Double]
    var scoredClasses: [Int32] = []

    init(entryCount: Int, conceptCount: Int, classCount: Int) {
        mark = Array(repeating: false, count: entryCount)
        conceptWeights = Array(repeating: 0, count: conceptCount)
        classScore = Array(repeating: -1, count: classCount)
    }

    /// Inserts a candidate into `top` if it belongs in the top `limit` (score descending, then entry index, which
    /// is id order).
    static func offer(_ candidate: (score: Double, entry: Int32), limit: Int, into top: inout [(score: Double, entry: Int32)]) {
        guard candidate.score > 0 else { return }
        func better(_ x: (score: Double, entry: Int32), _ y: (score: Double, entry: Int32)) -> Bool {
            x.score > y.score || (x.score == y.score && x.entry < y.entry)
        }
        if top.count == limit, let last = top.last, !better(candidate, last) { return }
        var i = top.count
        while i > 0 && better(candidate, top[i - 1]) { i -= 1 }
        top.insert(candidate, at: i)
        if top.count > limit { top.removeLast() }
    }
}

/// The related lists of a graph, kept once computed (per limit). Shared by the copies of a `KnowledgeGraph`
/// value, which never changes after `init`.
final class RelatedMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var byLimit: [Int: [RelatedList]] = [:]

    func lists(limit: Int) -> [RelatedList]? {
        lock.lock()
        defer { lock.unlock() }
        return byLimit[limit]
    }

    func keep(_ lists: [RelatedList], limit: Int) {
        lock.lock()
        defer { lock.unlock() }
        byLimit[limit] = lists
    }
}
