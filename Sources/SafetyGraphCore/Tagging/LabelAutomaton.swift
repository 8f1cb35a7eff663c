/// One multi-pattern matcher for every label of every concept and every ignore phrase, built once.
///
/// Patterns are tokenized like text (`TextNormalizer`) and stored in a trie over *label words*. A text token is
/// looked up once in a hash table of every inflected form of every label word (`LabelVariants`), which yields the
/// label words it can stand for; two adjacent tokens separated only by whitespace or a hyphen are also looked up
/// as one word (`fine tuning` finds the label word `finetuning`), and multi-word labels are also inserted with
/// adjacent words joined (`red teaming` also as `redteaming`). Acronym labels (two or more uppercase letters, no
/// lowercase) live in a separate word space that only tokens without lowercase letters (bar a plural `s`) reach.
///
/// Matching is leftmost-longest and non-overlapping: from each token, the trie is walked as far as the text
/// allows and the longest pattern ending wins; the scan resumes after it. An ignore phrase is a pattern whose
/// match produces no tag, so the labels inside it never fire. Each step is a hash look-up, so a text of `n`
/// tokens costs O(n · L) look-ups for patterns of at most `L` tokens, independent of the number of patterns.
struct LabelAutomaton: Sendable {
    /// A label or an ignore phrase.
    struct Pattern: Sendable, Hashable {
        /// As written in the ontology.
        var text: String
        /// Index of the concept in the tagger's concept table; -1 for an ignore phrase.
        var concept: Int32
        /// Folded tokens back to back: the text of a match is compared with it to name the exact label.
        var folded: [UInt8]
    }

    /// The pseudo-word for a hard separator inside a pattern (`Functionality (SOTIF)`), so text may cross a hard
    /// separator exactly where the pattern has one.
    static let hardWord = Int32.max - 1

    /// Patterns in the order given (the tagger gives concepts by id, then pref, alt and hidden labels).
    let patterns: [Pattern]
    /// `patterns[i].concept`, apart, so the matcher reads an integer instead of copying a pattern.
    let patternConcepts: [Int32]
    let keys: ByteKeyTable
    /// Per key id: the label words (normal word space) that the key is a form of, as CSR ranges.
    let normalOwnerStart: [Int32]
    let normalOwners: [Int32]
    /// Per key id: the label words (acronym word space) that the key is a form of.
    let acronymOwnerStart: [Int32]
    let acronymOwners: [Int32]
    let transitions: TransitionTable
    /// Per trie state: the patterns that end there (CSR ranges over `outputs`, sorted).
    let outputStart: [Int32]
    let outputs: [Int32]

    /// Builds the automaton from `(text, concept)` pairs; patterns that have no word at all are kept (so indices
    /// stay aligned) but can never match.
    init(patterns input: [(text: String, concept: Int32)]) {
        var builder = LabelAutomatonBuilder()
        var patterns: [Pattern] = []
        patterns.reserveCapacity(input.count)
        for (index, item) in input.enumerated() {
            let folded = builder.add(item.text, pattern: Int32(index))
            patterns.append(Pattern(text: item.text, concept: item.concept, folded: folded))
        }
        let built = builder.finish()
        self.patterns = patterns
        self.patternConcepts = patterns.map(\.concept)
        self.keys = built.keys
        self.normalOwnerStart = built.normalOwnerStart
        self.normalOwners = built.normalOwners
        self.acronymOwnerStart = built.acronymOwnerStart
        self.acronymOwners = built.acronymOwners
        self.transitions = built.transitions
        self.outputStart = built.outputStart
        self.outputs = built.outputs
    }

    /// Whether a label is an acronym label: at least two uppercase letters and no lowercase letter.
    static func isAcronym(_ label: String) -> Bool {
        var upper = 0
        for scalar in label.unicodeScalars {
            let p = scalar.properties
            if p.isLowercase { return false }
            if p.isUppercase { upper += 1 }
        }
        return upper >= 2
    }

    @inline(__always)
    func hasOutput(_ state: Int32) -> Bool { outputStart[Int(state)] < outputStart[Int(state) + 1] }
}

// MARK: - Building

/// Accumulates words, word forms and trie paths; `finish()` packs them into flat arrays.
struct LabelAutomatonBuilder {
    private struct WordKey: Hashable {
        var bytes: [UInt8]
        var acronym: Bool
    }

    private var wordIDs: [WordKey: Int32] = [:]
    private var keys = ByteKeyTable(capacity: 1024)
    private var normalOwners: [[Int32]] = []
    private var acronymOwners: [[Int32]] = []
    private var transitions = TransitionTable(capacity: 1024)
    private var stateOutputs: [[Int32]] = [[]]
    private var tokens = TokenBuffer()

    /// Largest number of joinable gaps for which every combination of joined words is inserted; longer labels
    /// get each single join only, which bounds a label's paths at 2⁴ instead of 2ⁿ.
    private static let fullJoinLimit = 4

    /// Adds one pattern; returns its folded tokens back to back.
    mutating func add(_ text: String, pattern: Int32) -> [UInt8] {
        TextNormalizer.tokenize(text, into: &tokens)
        let n = tokens.count
        guard n > 0 else { return [] }
        let acronym = LabelAutomaton.isAcronym(text)
        let words: [[UInt8]] = (0..<n).map { Array(tokens.bytes[Int(tokens.starts[$0])..<Int(tokens.starts[$0 + 1])]) }
        let hardBefore = (0..<n).map { $0 > 0 && tokens.flags[$0] & TokenBuffer.Flag.hardBefore != 0 }
        let joinable = (0..<n).filter { $0 > 0 && tokens.flags[$0] & TokenBuffer.Flag.joinableBefore != 0 }

        var joinSets: [Set<Int>] = [[]]
        if joinable.count <= Self.fullJoinLimit {
            for mask in 1..<(1 << joinable.count) {
                joinSets.append(Set(joinable.indices.filter { mask & (1 << $0) != 0 }.map { joinable[$0] }))
            }
        } else {
            joinSets += joinable.map { [$0] }
        }
        for joins in joinSets {
            var path: [Int32] = []
            var current: [UInt8] = []
            for k in 0..<n {
                if k > 0 && !joins.contains(k) {
                    path.append(word(current, acronym: acronym))
                    if hardBefore[k] { path.append(LabelAutomaton.hardWord) }
                    current = []
                }
                current += words[k]
            }
            path.append(word(current, acronym: acronym))
            insert(path, pattern: pattern)
        }
        return tokens.bytes
    }

    /// The id of a label word, registering it and its inflected forms when new.
    private mutating func word(_ bytes: [UInt8], acronym: Bool) -> Int32 {
        let key = WordKey(bytes: bytes, acronym: acronym)
        if let id = wordIDs[key] { return id }
        let id = Int32(wordIDs.count)
        wordIDs[key] = id
        for form in LabelVariants.forms(of: bytes, acronym: acronym) {
            let k = Int(keys.insert(form))
            guard k >= 0 else { continue }
            while normalOwners.count <= k {
                normalOwners.append([])
                acronymOwners.append([])
            }
            if acronym {
                if !acronymOwners[k].contains(id) { acronymOwners[k].append(id) }
            } else if !normalOwners[k].contains(id) {
                normalOwners[k].append(id)
            }
        }
        return id
    }

    private mutating func insert(_ path: [Int32], pattern: Int32) {
        var state: Int32 = 0
        for word in path {
            let next = transitions.next(state, word)
            if next >= 0 {
                state = next
            } else {
                let created = Int32(stateOutputs.count)
                stateOutputs.append([])
                transitions.set(state, word, to: created)
                state = created
            }
        }
        if !stateOutputs[Int(state)].contains(pattern) { stateOutputs[Int(state)].append(pattern) }
    }

    struct Built {
        var keys: ByteKeyTable
        var normalOwnerStart: [Int32], normalOwners: [Int32]
        var acronymOwnerStart: [Int32], acronymOwners: [Int32]
        var transitions: TransitionTable
        var outputStart: [Int32], outputs: [Int32]
    }

    func finish() -> Built {
        func pack(_ lists: [[Int32]], count: Int) -> ([Int32], [Int32]) {
            var start: [Int32] = [0]
            var flat: [Int32] = []
            for i in 0..<count {
                if i < lists.count { flat += lists[i].sorted() }
                start.append(Int32(flat.count))
            }
            return (start, flat)
        }
        let (ns, no) = pack(normalOwners, count: keys.count)
        let (acs, aco) = pack(acronymOwners, count: keys.count)
        let (os, oo) = pack(stateOutputs, count: stateOutputs.count)
        return Built(
            keys: keys, normalOwnerStart: ns, normalOwners: no, acronymOwnerStart: acs, acronymOwners: aco,
            transitions: transitions, outputStart: os, outputs: oo)
    }
}
