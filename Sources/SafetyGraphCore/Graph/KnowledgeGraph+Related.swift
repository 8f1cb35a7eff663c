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
        var scratch = RelatedScratch(entryCount: entries.count)
        return related(Int(a), limit: limit, &scratch)
    }

    /// The related entries of every entry, sorted by entry id (for exporters).
    public func allRelated(limit: Int = KnowledgeGraph.defaultRelatedLimit) -> [RelatedList] {
        guard limit > 0 else { return entries.map { RelatedList(entry: $0.id, related: []) } }
        var scratch = RelatedScratch(entryCount: entries.count)
        return entries.indices.map { RelatedList(entry: entries[$0].id, related: related($0, limit: limit, &scratch)) }
    }

    // MARK: - Search

    func related(_ a: Int, limit: Int, _ s: inout RelatedScratch) -> [RelatedEntry] {
        let mine = entryClosure[a]
        guard !mine.isEmpty else { return [] }
        // Rarest (highest weight) first; equal weights by concept index.
        let order = mine.sorted { (closurePostings[Int($0)].count, $0) < (closurePostings[Int($1)].count, $1) }
        var remaining = order.reduce(0.0) { $0 + weights[Int($1)] }
        var budget = relatedScanBudget
        s.top.removeAll(keepingCapacity: true)
        s.mark[a] = true
        s.touched.append(Int32(a))

        for c in order {
            let weight = weights[Int(c)]
            if weight <= 0 || budget <= 0 { break }
            // The epsilon absorbs rounding in the running sum, so a tie at the threshold is still scanned.
            if s.top.count == limit, let worst = s.top.last, remaining + 1e-9 < worst.score { break }
            let posting = closurePostings[Int(c)]
            let scan = min(posting.count, budget)
            budget -= scan
            for k in 0..<scan {
                let b = Int(posting[k])
                if s.mark[b] { continue }
                s.mark[b] = true
                s.touched.append(Int32(b))
                s.offer((score(a, b), Int32(b)), limit: limit)
            }
            remaining -= weight
        }
        for t in s.touched { s.mark[Int(t)] = false }
        s.touched.removeAll(keepingCapacity: true)

        return s.top.map { candidate in
            RelatedEntry(
                entry: entries[Int(candidate.entry)].id, score: (candidate.score * 1e6).rounded() / 1e6,
                sharedConcepts: sharedMostSpecific(a, Int(candidate.entry)))
        }
    }

    /// The exact relatedness of two entries: summed in concept order, so `score(a, b) == score(b, a)` bit for bit.
    func score(_ a: Int, _ b: Int) -> Double {
        let x = entryClosure[a]
        let y = entryClosure[b]
        var i = 0
        var j = 0
        var total = 0.0
        while i < x.count && j < y.count {
            if x[i] < y[j] { i += 1 } else if x[i] > y[j] { j += 1 } else {
                total += weights[Int(x[i])]
                i += 1
                j += 1
            }
        }
        return total
    }

    /// Shared closure concepts of `a` and `b` without those broader than another shared one.
    func sharedMostSpecific(_ a: Int, _ b: Int) -> [ConceptID] {
        let shared = entryClosure[a].intersection(entryClosure[b])
        return shared.filter { c in
            !shared.contains { d in d != c && ancestors[Int(d)].binarySearchContains(c) }
        }.map { scheme.concepts[Int($0)].id }
    }
}

/// Buffers of one related-entries search, reused across the entries of `allRelated`.
struct RelatedScratch {
    /// Entries already scored in the current search.
    var mark: [Bool]
    var touched: [Int32] = []
    /// The best candidates so far, best first.
    var top: [(score: Double, entry: Int32)] = []

    init(entryCount: Int) {
        mark = Array(repeating: false, count: entryCount)
    }

    /// Inserts a candidate if it belongs in the top `limit` (score descending, then entry index = id order).
    mutating func offer(_ candidate: (score: Double, entry: Int32), limit: Int) {
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
