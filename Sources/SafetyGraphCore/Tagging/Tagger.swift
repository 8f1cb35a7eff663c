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
    }

    // MARK: - Public API

    /// Tags one entry.
    public func tag(_ entry: Entry) -> TaggedEntry {
        var scratch = TaggingScratch()
        return tag(entry, &scratch)
    }

    /// Tags many entries, sorted by entry id, with warnings for rules that name unknown concepts and for
    /// overrides whose URL matches no entry (`override-unknown-entry`).
    public func tag(_ entries: [Entry]) -> (entries: [TaggedEntry], diagnostics: [Diagnostic]) {
        var scratch = TaggingScratch()
        var tagged: [TaggedEntry] = []
        tagged.reserveCapacity(entries.count)
        var matchedOverrides: Set<String> = []
        for entry in entries {
            tagged.append(tag(entry, &scratch))
            if !rules.overrides.isEmpty {
                let key = TaggingRuleTables.urlKey(entry.url)
                if rules.overrides[key] != nil { matchedOverrides.insert(key) }
            }
        }
        // Stable: entries with equal ids (which the ingester merges) keep their input order.
        let order = tagged.indices.sorted { (tagged[$0].id, $0) < (tagged[$1].id, $1) }
        var diagnostics = rules.diagnostics
        for (key, overrides) in rules.overrides where !matchedOverrides.contains(key) {
            for override in overrides {
                diagnostics.append(
                    Diagnostic(
                        .warning, code: "override-unknown-entry",
                        "override for '\(override.url)' matches no entry", at: override.location))
            }
        }
        return (order.map { tagged[$0] }, diagnostics.sorted())
    }

    // MARK: - Tagging one entry

    func tag(_ entry: Entry, _ s: inout TaggingScratch) -> TaggedEntry {
        s.found.removeAll(keepingCapacity: true)
        matchLabels(entry.title, field: .title, &s)
        if let description = entry.description { matchLabels(description, field: .description, &s) }
        for keyword in entry.keywords { matchLabels(keyword, field: .keywords, &s) }
        var seenComponents: Set<String> = []
        for path in entry.sectionPaths {
            for component in path where seenComponents.insert(component).inserted {
                matchLabels(component, field: .section, &s)
            }
        }

        if !entry.sectionPaths.isEmpty {
            let folded = entry.sectionPaths.map { $0.map(TextNormalizer.ruleKey).filter { !$0.isEmpty } }
            rules.matchSections(folded) { rule in
                for c in rule.concepts {
                    s.found.append((c, TagProvenance(rule: .section, term: rule.term, field: .section)))
                }
            }
        }
        if let organization = entry.organization, let matches = rules.organizations[TextNormalizer.ruleKey(organization)] {
            for rule in matches {
                for c in rule.concepts {
                    s.found.append((c, TagProvenance(rule: .organization, term: rule.term, field: .organization)))
                }
            }
        }
        var removed: [Int32] = []
        if !rules.overrides.isEmpty, let overrides = rules.overrides[TaggingRuleTables.urlKey(entry.url)] {
            for override in overrides {
                for c in override.add { s.found.append((c, TagProvenance(rule: .override, term: override.url))) }
                removed += override.remove
            }
        }
        return TaggedEntry(entry: entry, tags: reduce(&s, removed: removed))
    }

    private func matchLabels(_ text: String, field: EntryField, _ s: inout TaggingScratch) {
        let patterns = automaton.patterns
        automaton.match(text, scratch: &s.match) { p in
            let pattern = patterns[Int(p)]
            s.found.append((pattern.concept, TagProvenance(rule: .label, term: pattern.text, field: field)))
        }
    }

    /// Groups the reasons by concept, applies removals, and keeps only the most specific concepts.
    private func reduce(_ s: inout TaggingScratch, removed: [Int32]) -> [Tag] {
        guard !s.found.isEmpty else { return [] }
        s.found.sort { $0.concept < $1.concept }
        s.concepts.removeAll(keepingCapacity: true)
        for item in s.found where s.concepts.last != item.concept { s.concepts.append(item.concept) }

        func isRemoved(_ c: Int32) -> Bool {
            removed.contains { r in r == c || ancestors[Int(c)].binarySearchContains(r) }
        }
        func hasNarrowerTag(_ c: Int32) -> Bool {
            s.concepts.contains { d in d != c && !isRemoved(d) && ancestors[Int(d)].binarySearchContains(c) }
        }

        var tags: [Tag] = []
        var k = 0
        while k < s.found.count {
            let concept = s.found[k].concept
            var reasons: [TagProvenance] = []
            while k < s.found.count && s.found[k].concept == concept {
                reasons.append(s.found[k].provenance)
                k += 1
            }
            if isRemoved(concept) || hasNarrowerTag(concept) { continue }
            reasons.sort()
            var unique: [TagProvenance] = []
            for r in reasons where unique.last != r { unique.append(r) }
            tags.append(Tag(concept: conceptIDs[Int(concept)], provenance: unique))
        }
        return tags
    }
}

/// Buffers reused across the entries of one tagging run.
struct TaggingScratch {
    var match = MatchScratch()
    var found: [(concept: Int32, provenance: TagProvenance)] = []
    var concepts: [Int32] = []
}

extension Array where Element == Int32 {
    /// Whether the sorted array contains `value`.
    func binarySearchContains(_ value: Int32) -> Bool {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low] == value
    }
}
