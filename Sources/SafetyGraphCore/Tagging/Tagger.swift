import Dispatch
import Foundation

/// Tags entries with the concepts of an ontology, recording why each tag was given.
///
/// Everything is built once in `init`: one `LabelAutomaton` for all labels and ignore phrases, and the keyed
/// section, organisation and override tables. Tagging an entry then runs the automaton once over each matched
/// field — title, description, each keyword, each section-path component (never authors, organisation or URLs) —
/// and applies the rules:
///
/// 1. label matches, section rules, organisation rules and the additions of overrides each give tags, every
///    reason kept as a `TagProvenance` (rule, term as written in the ontology, field);
/// 2. the removals of overrides win over everything: a removed concept goes, and so does every tag narrower than
///    it (a narrower tag would bring the removed concept back through the hierarchy closure);
/// 3. only the most specific tags are stored: a tag whose concept is an ancestor of another tag's concept is
///    dropped with its reasons. An override that adds a broader concept is treated the same way — it stays only
///    when no narrower tag exists — so the stored form never depends on where a tag came from.
public struct Tagger: Sendable {
    /// The ontology the tagger was built from.
    public let ontology: Ontology
    /// Concept ids in scheme order (sorted by id); rules and patterns refer to them by index.
    let conceptIDs: [ConceptID]
    /// Per concept: the indices of its ancestors (broader*), sorted.
    let ancestors: [[Int32]]
    let automaton: LabelAutomaton
    let rules: TaggingRuleTables
    /// Every term a provenance can name: pattern texts (by pattern index), then the rule tables' terms.
    let terms: [String]

    public init(ontology: Ontology) {
        self.ontology = ontology
        let concepts = ontology.scheme.concepts
        conceptIDs = concepts.map(\.id)
        var index: [ConceptID: Int32] = [:]
        for (i, id) in conceptIDs.enumerated() where index[id] == nil { index[id] = Int32(i) }
        ancestors = concepts.map { concept in
            ontology.scheme.ancestors(of: concept.id).compactMap { index[$0] }.sorted()
        }
        var patterns: [(text: String, concept: Int32)] = []
        for (i, concept) in concepts.enumerated() {
            for label in concept.matchLabels { patterns.append((label, Int32(i))) }
        }
        for phrase in ontology.tagging.ignorePhrases { patterns.append((phrase, -1)) }
        automaton = LabelAutomaton(patterns: patterns)
        rules = TaggingRuleTables(rules: ontology.tagging, conceptIndex: index)
        terms = patterns.map(\.text) + rules.terms
    }

    // MARK: - Public API

    /// Tags one entry.
    public func tag(_ entry: Entry) -> TaggedEntry {
        var scratch = TaggingScratch()
        return tag(entry, &scratch)
    }

    /// Tags many entries, sorted by entry id, with warnings for rules that name unknown concepts and for
    /// overrides whose URL matches no entry (`override-unknown-entry`).
    ///
    /// Large batches are tagged in chunks on all cores; every entry's tags depend on that entry alone, so the
    /// result is the same as tagging one by one.
    ///
    /// The entries are taken `consuming`: when the caller hands over its only reference, each entry moves into
    /// its `TaggedEntry` instead of being copied (a copy retains a dozen strings and arrays, and the original
    /// then has to be released as well). A shared array is copied once, as any mutation would.
    public func tag(_ entries: consuming [Entry]) -> (entries: [TaggedEntry], diagnostics: [Diagnostic]) {
        var entries = entries
        let n = entries.count
        let sections = sectionResults(entries)
        var overrideKeys = [String?](repeating: nil, count: n)
        // Not made empty this way: see `EntryMerger.merge` (a write into the shared empty-array storage).
        var tagged = n == 0 ? [] : [TaggedEntry](unsafeUninitializedCapacity: n) { buffer, initialized in
            overrideKeys.withUnsafeMutableBufferPointer { keys in
                entries.withUnsafeMutableBufferPointer { source in
                    let out = UncheckedSendable(buffer)
                    let keyOut = UncheckedSendable(keys)
                    let input = UncheckedSendable(source)
                    let chunk = Self.chunkSize
                    let chunks = (n + chunk - 1) / chunk
                    let work: @Sendable (Int) -> Void = { c in
                        var scratch = TaggingScratch()
                        for i in (c * chunk)..<min(n, (c + 1) * chunk) {
                            let k = Int(sections.index[i])
                            let found = k >= 0 ? sections.found[k] : nil
                            // Moved out, and the slot left holding an empty entry (nothing to retain or free).
                            let slot = input.value.baseAddress! + i
                            let entry = slot.move()
                            slot.initialize(to: Self.vacated)
                            (out.value.baseAddress! + i).initialize(to: tag(entry, &scratch, sections: found))
                            keyOut.value[i] = scratch.overrideKey
                        }
                    }
                    if chunks > 1 && ProcessInfo.processInfo.activeProcessorCount > 1 {
                        DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
                    } else {
                        for c in 0..<chunks { work(c) }
                    }
                }
            }
            initialized = n
        }
        releaseInBackground(consume entries, count: n)
        let matchedOverrides = Set(overrideKeys.compactMap { $0 })

        // In place: moving entries is much cheaper than copying them. Equal ids (which the ingester merges
        // away) keep a deterministic order, as the sort itself is deterministic. Merged entries come sorted and
        // unique, which is checked on all cores first (the sort's own pass over them ran on one).
        let increasing = tagged.withUnsafeBufferPointer { buffer in
            let shared = UncheckedSendable(buffer)
            return concurrentAllSatisfy(n - 1) { i in shared.value[i].entry.id < shared.value[i + 1].entry.id }
        }
        if !increasing { tagged.sort { $0.entry.id < $1.entry.id } }
        var diagnostics = rules.diagnostics
        for (key, overrides) in rules.overrides where !matchedOverrides.contains(key) {
            for override in overrides {
                diagnostics.append(
                    Diagnostic(
                        .warning, code: "override-unknown-entry",
                        "override for '\(override.url)' matches no entry", at: override.location))
            }
        }
        return (tagged, diagnostics.sorted())
    }

    /// Entries per unit of parallel work: large enough to amortise a scratch and its section cache.
    static let chunkSize = 2_048

    /// What a slot of the consumed input holds once its entry has moved out: empty strings and arrays only.
    static let vacated = Entry(id: EntryID(rawValue: ""), title: "", url: "")

    // MARK: - Tagging one entry

    /// `sections`, when given, is what `matchSections` finds for the entry's section paths.
    ///
    /// The entry is taken `consuming`: the caller's copy moves into the `TaggedEntry` instead of being copied a
    /// second time (copying an entry retains a dozen strings and arrays).
    func tag(_ entry: consuming Entry, _ s: inout TaggingScratch, sections: [FoundTag]? = nil) -> TaggedEntry {
        s.found.removeAll(keepingCapacity: true)
        s.overrideKey = nil
        // Fields are lent where they lie (no `if let` copy of the description): each copy was a retain and a
        // release of a string.
        matchLabels(entry.title, field: .title, &s)
        if entry.description != nil { matchLabels(entry.description!, field: .description, &s) }
        for keyword in entry.keywords { matchLabels(keyword, field: .keywords, &s) }
        if let sections {
            s.found += sections
        } else if !entry.sectionPaths.isEmpty {
            matchSections(entry.sectionPaths, &s)
        }

        if let organization = entry.organization, !rules.organizations.isEmpty,
            let matches = rules.organizations[TextNormalizer.ruleKey(organization)]
        {
            for rule in matches {
                for c in rule.concepts {
                    s.found.append(FoundTag(concept: c, rule: .organization, field: .organization, term: termIndex(rule.term)))
                }
            }
        }
        var removed: [Int32] = []
        if let (key, overrides) = rules.overrides(for: entry.url) {
            s.overrideKey = key
            for override in overrides {
                for c in override.add { s.found.append(FoundTag(concept: c, rule: .override, field: nil, term: termIndex(override.term))) }
                removed += override.remove
            }
        }
        let tags = reduce(&s, removed: removed)
        return TaggedEntry(entry: entry, tags: tags)
    }

    @inline(__always)
    private func termIndex(_ ruleTerm: Int32) -> Int32 { Int32(automaton.patterns.count) + ruleTerm }

    /// The closure holds only the scratch and the field: holding `self` or the automaton's concept array would
    /// copy it (retains) for every text.
    private func matchLabels(_ text: borrowing String, field: EntryField, _ s: inout TaggingScratch) {
        automaton.match(text, scratch: &s.match) { p, concept in
            s.found.append(FoundTag(concept: concept, rule: .label, field: field, term: p))
        }
    }

    /// What `matchSections` finds for each distinct set of section paths of a batch, worked out once before the
    /// entries are tagged (entries of one section share their paths, and a batch has few sections): per entry the
    /// index of its result, or -1 without paths.
    ///
    /// Most entries have one path, and the extractor hands every entry of a section the same path array, so that
    /// array's storage is looked up first: it spares hashing every heading of the path for each entry. An address
    /// stands for one path only while its array lives, which the entries of the batch do throughout.
    private func sectionResults(_ entries: [Entry]) -> (index: [Int32], found: [[FoundTag]]) {
        var index = [Int32](repeating: -1, count: entries.count)
        var found: [[FoundTag]] = []
        var byStorage: [UInt: Int32] = [:]
        var byValue: [[[String]]: Int32] = [:]
        var scratch = TaggingScratch()
        for i in entries.indices where !entries[i].sectionPaths.isEmpty {
            let paths = entries[i].sectionPaths
            let storage = paths.count == 1 ? paths[0].withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } : 0
            if storage != 0, let known = byStorage[storage] {
                index[i] = known
                continue
            }
            let k: Int32
            if let known = byValue[paths] {
                k = known
            } else {
                scratch.found.removeAll(keepingCapacity: true)
                matchSections(paths, &scratch)
                k = Int32(found.count)
                found.append(scratch.found)
                byValue[paths] = k
            }
            if storage != 0 { byStorage[storage] = k }
            index[i] = k
        }
        return (index, found)
    }

    /// Labels in section-path components and section rules.
    private func matchSections(_ paths: [[String]], _ s: inout TaggingScratch) {
        var seen: Set<String> = []
        for path in paths {
            for component in path where seen.insert(component).inserted {
                // Components recur far more than whole sets of paths (every entry of a list shares its top heading).
                if let known = s.componentCache[component] {
                    s.found += known
                    continue
                }
                let start = s.found.count
                matchLabels(component, field: .section, &s)
                if s.componentCache.count >= 4_096 { s.componentCache.removeAll(keepingCapacity: true) }
                s.componentCache[component] = Array(s.found[start...])
            }
        }
        if !rules.sections.isEmpty {
            let folded = paths.map { $0.map(TextNormalizer.ruleKey).filter { !$0.isEmpty } }
            rules.matchSections(folded) { rule in
                for c in rule.concepts {
                    s.found.append(FoundTag(concept: c, rule: .section, field: .section, term: termIndex(rule.term)))
                }
            }
        }
    }

    /// Groups the reasons by concept, applies removals, and keeps only the most specific concepts.
    private func reduce(_ s: inout TaggingScratch, removed: [Int32]) -> [Tag] {
        guard !s.found.isEmpty else { return [] }
        s.found.sort()
        s.concepts.removeAll(keepingCapacity: true)
        for item in s.found where s.concepts.last != item.concept { s.concepts.append(item.concept) }

        // Locals, not `self.`: in debug builds a closure or loop over `self` copies the whole tagger.
        let ancestors = self.ancestors
        let terms = self.terms
        var tags: [Tag] = []
        tags.reserveCapacity(s.concepts.count)
        var k = 0
        while k < s.found.count {
            let concept = s.found[k].concept
            var end = k
            while end < s.found.count && s.found[end].concept == concept { end += 1 }
            defer { k = end }
            if Self.isRemoved(concept, removed, ancestors)
                || Self.hasNarrowerTag(concept, s.concepts, removed, ancestors)
            {
                continue
            }
            var reasons: [TagProvenance] = []
            reasons.reserveCapacity(end - k)
            for i in k..<end where i == k || s.found[i] != s.found[i - 1] {
                let f = s.found[i]
                reasons.append(TagProvenance(rule: f.rule, term: terms[Int(f.term)], field: f.field))
            }
            if reasons.count > 1 {
                reasons.sort(by: Self.provenanceOrder)
                // Different patterns can carry the same text (a label repeated in two lists of one concept).
                var unique = 1
                for i in 1..<reasons.count where reasons[i] != reasons[unique - 1] {
                    reasons[unique] = reasons[i]
                    unique += 1
                }
                reasons.removeLast(reasons.count - unique)
            }
            tags.append(Tag(concept: conceptIDs[Int(concept)], provenance: reasons))
        }
        return tags
    }
}

extension Tagger {
    /// Whether an override removes `c`: it names `c` or one of its ancestors.
    static func isRemoved(_ c: Int32, _ removed: [Int32], _ ancestors: [[Int32]]) -> Bool {
        var i = 0
        while i < removed.count {
            if removed[i] == c || ancestors[Int(c)].binarySearchContains(removed[i]) { return true }
            i += 1
        }
        return false
    }

    /// Whether another (not removed) concept of the entry is narrower than `c`.
    static func hasNarrowerTag(_ c: Int32, _ concepts: [Int32], _ removed: [Int32], _ ancestors: [[Int32]]) -> Bool {
        var i = 0
        while i < concepts.count {
            let d = concepts[i]
            if d != c && ancestors[Int(d)].binarySearchContains(c) && !isRemoved(d, removed, ancestors) { return true }
            i += 1
        }
        return false
    }

    /// `TagProvenance`'s order (rule, field with none last, term), by switch rather than through `allCases`.
    static func provenanceOrder(_ a: TagProvenance, _ b: TagProvenance) -> Bool {
        let ra = FoundTag.code(a.rule)
        let rb = FoundTag.code(b.rule)
        if ra != rb { return ra < rb }
        let fa = a.field.map(FoundTag.code) ?? .max
        let fb = b.field.map(FoundTag.code) ?? .max
        if fa != fb { return fa < fb }
        return a.term < b.term
    }
}

/// One reason for one concept, before it becomes a `TagProvenance`: one integer, cheap to sort and compare.
///
/// Packed as concept (bits 40–63), rule (37–39), field (34–36; 7 = none) and term index (0–31), so sorting
/// groups reasons by concept. The final order of reasons is `TagProvenance`'s, applied after unpacking.
struct FoundTag: Equatable, Comparable {
    let packed: UInt64

    init(concept: Int32, rule: TagRule, field: EntryField?, term: Int32) {
        packed = UInt64(UInt32(bitPattern: concept) & 0xFF_FFFF) << 40 | UInt64(Self.code(rule)) << 37
            | UInt64(field.map(Self.code) ?? 7) << 34 | UInt64(UInt32(bitPattern: term))
    }

    var concept: Int32 { Int32(truncatingIfNeeded: packed >> 40) }
    var term: Int32 { Int32(truncatingIfNeeded: packed & 0xFFFF_FFFF) }
    var rule: TagRule { Self.rules[Int((packed >> 37) & 7)] }
    var field: EntryField? {
        let code = Int((packed >> 34) & 7)
        return code < Self.fields.count ? Self.fields[code] : nil
    }

    static func < (a: Self, b: Self) -> Bool { a.packed < b.packed }

    private static let rules: [TagRule] = [.label, .section, .organization, .override]
    private static let fields: [EntryField] = [.title, .description, .keywords, .section, .organization, .url]

    static func code(_ rule: TagRule) -> UInt8 { UInt8(rule.ordinal) }

    static func code(_ field: EntryField) -> UInt8 { UInt8(field.ordinal) }
}

/// Buffers and caches reused across the entries of one tagging run.
struct TaggingScratch {
    var match = MatchScratch()
    var found: [FoundTag] = []
    var concepts: [Int32] = []
    /// Labels found in one section-path component, by the component.
    var componentCache: [String: [FoundTag]] = [:]
    /// The normalised URL of the last entry when an override applied to it.
    var overrideKey: String?
}

extension RandomAccessCollection where Element == Int32, Index == Int {
    /// Whether the sorted collection contains `value` (an array, or a slice of a flat buffer of sorted lists).
    func binarySearchContains(_ value: Int32) -> Bool {
        var low = startIndex
        var high = endIndex
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < endIndex && self[low] == value
    }
}
