/// Buffers reused from one text to the next, so matching does not allocate once they have grown.
struct MatchScratch {
    var tokens = TokenBuffer()
    /// Per token: the key id of the token, or -1.
    var keyIDs: [Int32] = []
    /// Per token `j`: the key id of tokens `j` and `j + 1` read as one word, or -1.
    var pairKeyIDs: [Int32] = []
    /// Trie states where the longest match found so far ends.
    var endStates: [Int32] = []
    /// Pattern indices of the current match.
    var hits: [Int32] = []

    init() {}
}

extension LabelAutomaton {
    // MARK: - Matching

    /// Finds the leftmost-longest, non-overlapping pattern matches in `text` and calls `emit` with the index of
    /// each matched label (ignore phrases are matched but not emitted). When several labels of one concept match
    /// the same words (`adversarial example` and `adversarial examples`), the one written like the text wins,
    /// else the first (preferred before alternative before hidden).
    func match(_ text: String, scratch: inout MatchScratch, emit: (Int32) -> Void) {
        TextNormalizer.tokenize(text, into: &scratch.tokens)
        let n = scratch.tokens.count
        guard n > 0 else { return }
        lookUpTokens(&scratch)

        var i = 0
        while i < n {
            if scratch.keyIDs[i] < 0 && scratch.pairKeyIDs[i] < 0 {
                i += 1
                continue
            }
            var best = -1
            scratch.endStates.removeAll(keepingCapacity: true)
            step(from: 0, at: i, start: i, &scratch, best: &best)
            if best > i {
                resolve(from: i, to: best, &scratch, emit: emit)
                i = best
            } else {
                i += 1
            }
        }
    }

    /// Looks every token (and every joinable pair of tokens) up once.
    private func lookUpTokens(_ scratch: inout MatchScratch) {
        let n = scratch.tokens.count
        scratch.keyIDs.removeAll(keepingCapacity: true)
        scratch.pairKeyIDs.removeAll(keepingCapacity: true)
        let starts = scratch.tokens.starts
        let flags = scratch.tokens.flags
        scratch.tokens.bytes.withUnsafeBufferPointer { bytes in
            for j in 0..<n {
                let a = Int(starts[j])
                let b = Int(starts[j + 1])
                scratch.keyIDs.append(keys.find(UnsafeBufferPointer(rebasing: bytes[a..<b])))
                if j + 1 < n && flags[j + 1] & TokenBuffer.Flag.joinableBefore != 0 {
                    let c = Int(starts[j + 2])
                    scratch.pairKeyIDs.append(keys.find(UnsafeBufferPointer(rebasing: bytes[a..<c])))
                } else {
                    scratch.pairKeyIDs.append(-1)
                }
            }
        }
    }

    /// Consumes token `j` (or tokens `j`, `j + 1` read as one word) from `state`, recording pattern ends.
    private func step(from state: Int32, at j: Int, start: Int, _ s: inout MatchScratch, best: inout Int) {
        let flags = s.tokens.flags[j]
        var state = state
        if j > start && flags & TokenBuffer.Flag.hardBefore != 0 {
            state = transitions.next(state, Self.hardWord)
            if state < 0 { return }
        }
        let key = s.keyIDs[j]
        if key >= 0 {
            advance(state, key, acronym: flags & TokenBuffer.Flag.acronymShape != 0, end: j + 1, start, &s, &best)
        }
        let pair = s.pairKeyIDs[j]
        if pair >= 0 {
            let next = s.tokens.flags[j + 1]
            let acronym = flags & TokenBuffer.Flag.noLower != 0 && next & TokenBuffer.Flag.acronymShape != 0
            advance(state, pair, acronym: acronym, end: j + 2, start, &s, &best)
        }
    }

    @inline(__always)
    private func advance(
        _ state: Int32, _ key: Int32, acronym: Bool, end: Int, _ start: Int, _ s: inout MatchScratch,
        _ best: inout Int
    ) {
        let k = Int(key)
        for o in Int(normalOwnerStart[k])..<Int(normalOwnerStart[k + 1]) {
            follow(state, normalOwners[o], end: end, start, &s, &best)
        }
        if acronym {
            for o in Int(acronymOwnerStart[k])..<Int(acronymOwnerStart[k + 1]) {
                follow(state, acronymOwners[o], end: end, start, &s, &best)
            }
        }
    }

    @inline(__always)
    private func follow(_ state: Int32, _ word: Int32, end: Int, _ start: Int, _ s: inout MatchScratch, _ best: inout Int) {
        let next = transitions.next(state, word)
        guard next >= 0 else { return }
        if hasOutput(next) {
            if end > best {
                best = end
                s.endStates.removeAll(keepingCapacity: true)
                s.endStates.append(next)
            } else if end == best && !s.endStates.contains(next) {
                s.endStates.append(next)
            }
        }
        if end < s.tokens.count { step(from: next, at: end, start: start, &s, best: &best) }
    }

    /// Emits the labels of the match `from..<to`, unless an ignore phrase ends there too.
    private func resolve(from: Int, to: Int, _ s: inout MatchScratch, emit: (Int32) -> Void) {
        s.hits.removeAll(keepingCapacity: true)
        for state in s.endStates {
            for o in Int(outputStart[Int(state)])..<Int(outputStart[Int(state) + 1]) {
                let p = outputs[o]
                if patterns[Int(p)].concept < 0 { return }  // an ignore phrase hides every label it contains
                s.hits.append(p)
            }
        }
        s.hits.sort()
        let span = s.tokens.bytes[Int(s.tokens.starts[from])..<Int(s.tokens.starts[to])]
        var k = 0
        while k < s.hits.count {
            // Hits are sorted by pattern index, and patterns of one concept are contiguous.
            let concept = patterns[Int(s.hits[k])].concept
            var chosen = s.hits[k]
            var exact = false
            var previous: Int32 = -1
            while k < s.hits.count && patterns[Int(s.hits[k])].concept == concept {
                let p = s.hits[k]
                if p != previous && !exact && patterns[Int(p)].folded.elementsEqual(span) {
                    chosen = p
                    exact = true
                }
                previous = p
                k += 1
            }
            emit(chosen)
        }
    }
}
