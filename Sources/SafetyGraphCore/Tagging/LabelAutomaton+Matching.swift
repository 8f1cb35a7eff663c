/// Buffers reused from one text to the next, so matching does not allocate once they have grown.
struct MatchScratch {
    var tokens = TokenBuffer()
    /// Per token: the key id of the token, or -1. Only the first `tokens.count` are the current text's: the
    /// array keeps the length of the longest text so far (see `lookUpTokens`).
    var keyIDs: [Int32] = []
    /// Per token `j`: the key id of tokens `j` and `j + 1` read as one word, or -1 (as long as `keyIDs`).
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
    ///
    /// `emit` is given the pattern and its concept (`patternConcepts`), so the caller's closure need not hold
    /// the automaton or a copy of its arrays (each a retain per text). The text is borrowed and read in place.
    func match(_ text: borrowing String, scratch: inout MatchScratch, emit: (_ pattern: Int32, _ concept: Int32) -> Void) {
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
            // Usually already empty (most starts match nothing), and clearing an empty array still costs a call.
            if !scratch.endStates.isEmpty { scratch.endStates.removeAll(keepingCapacity: true) }
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
    ///
    /// The id arrays are written in place, and the token buffer is read through buffer pointers: this runs for
    /// every token of every text, and per-token appends (each with its uniqueness and capacity checks) cost about
    /// as much as the hashing. The arrays are only lengthened, never cleared and refilled with -1 (two calls per
    /// text): every id below the token count is written for each text, -1 included, and none beyond it is read.
    func lookUpTokens(_ scratch: inout MatchScratch) {
        let n = scratch.tokens.count
        // Locals: a closure over `self` would copy the whole automaton in debug builds.
        let keys = self.keys
        let limit = keys.maxKeyLength
        var keyIDs = scratch.keyIDs
        var pairKeyIDs = scratch.pairKeyIDs
        scratch.keyIDs = []
        scratch.pairKeyIDs = []
        if keyIDs.count < n {
            keyIDs.append(contentsOf: repeatElement(-1, count: n - keyIDs.count))
            pairKeyIDs.append(contentsOf: repeatElement(-1, count: n - pairKeyIDs.count))
        }
        let tokens = scratch.tokens
        // The buffer's shape, checked once: n + 1 offsets, the last within the bytes (the tokenizer appends them in
        // rising order, so every token and pair range below lies in the bytes).
        precondition(tokens.starts.count == n + 1 && Int(tokens.starts[n]) <= tokens.bytes.count)
        keyIDs.withUnsafeMutableBufferPointer { keyOut in
            pairKeyIDs.withUnsafeMutableBufferPointer { pairOut in
                tokens.starts.withUnsafeBufferPointer { starts in
                    tokens.flags.withUnsafeBufferPointer { flags in
                        tokens.bytes.withUnsafeBufferPointer { bytes in
                            var j = 0
                            while j < n {
                                let a = Int(starts[j])
                                let b = Int(starts[j + 1])
                                keyOut[j] = -1
                                pairOut[j] = -1
                                if b - a <= limit {
                                    let token = UnsafeBufferPointer(rebasing: bytes[a..<b])
                                    let raw = ByteKeyTable.fnv1a(token, from: ByteKeyTable.fnvBasis)
                                    keyOut[j] = keys.find(token, hash: ByteKeyTable.mix(raw))
                                    if j + 1 < n && flags[j + 1] & TokenBuffer.Flag.joinableBefore != 0
                                        && Int(starts[j + 2]) - a <= limit
                                    {
                                        let c = Int(starts[j + 2])
                                        // The pair's hash continues from the first token's.
                                        let pairRaw = ByteKeyTable.fnv1a(UnsafeBufferPointer(rebasing: bytes[b..<c]), from: raw)
                                        pairOut[j] = keys.find(
                                            UnsafeBufferPointer(rebasing: bytes[a..<c]), hash: ByteKeyTable.mix(pairRaw))
                                    }
                                }
                                j += 1
                            }
                        }
                    }
                }
            }
        }
        scratch.keyIDs = keyIDs
        scratch.pairKeyIDs = pairKeyIDs
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
    private func resolve(from: Int, to: Int, _ s: inout MatchScratch, emit: (Int32, Int32) -> Void) {
        let concepts = patternConcepts
        s.hits.removeAll(keepingCapacity: true)
        for state in s.endStates {
            var o = Int(outputStart[Int(state)])
            let end = Int(outputStart[Int(state) + 1])
            while o < end {
                let p = outputs[o]
                if concepts[Int(p)] < 0 { return }  // an ignore phrase hides every label it contains
                s.hits.append(p)
                o += 1
            }
        }
        if s.hits.count == 1 {
            emit(s.hits[0], concepts[Int(s.hits[0])])
            return
        }
        s.hits.sort()
        var k = 0
        while k < s.hits.count {
            // Hits are sorted by pattern index, and patterns of one concept are contiguous.
            let concept = concepts[Int(s.hits[k])]
            var end = k + 1
            while end < s.hits.count && concepts[Int(s.hits[end])] == concept { end += 1 }
            var chosen = s.hits[k]
            if end - k > 1 {
                for i in k..<end where isWrittenLike(s.hits[i], from: from, to: to, s.tokens) {
                    chosen = s.hits[i]
                    break
                }
            }
            emit(chosen, concept)
            k = end
        }
    }

    /// Whether pattern `p` has exactly the folded words of tokens `from..<to`.
    private func isWrittenLike(_ p: Int32, from: Int, to: Int, _ tokens: TokenBuffer) -> Bool {
        let folded = patterns[Int(p)].folded
        let start = Int(tokens.starts[from])
        guard Int(tokens.starts[to]) - start == folded.count else { return false }
        var i = 0
        while i < folded.count {
            if tokens.bytes[start + i] != folded[i] { return false }
            i += 1
        }
        return true
    }
}
