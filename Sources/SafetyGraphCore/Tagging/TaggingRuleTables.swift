/// Section rules, organisation rules and overrides, resolved against the scheme and keyed for fast look-up.
///
/// Built once by the `Tagger`. Concept ids that the scheme does not know are dropped here and reported as
/// warnings (the ontology loader rejects them first; this keeps the tagger safe on hand-built ontologies).
struct TaggingRuleTables: Sendable {
    struct SectionRuleEntry: Sendable {
        /// Folded heading names (`TextNormalizer.ruleKey`), one per path component.
        var components: [String]
        var concepts: [Int32]
        /// The rule's key as written, for provenance: an index into `terms`.
        var term: Int32
    }

    struct OrganizationRuleEntry: Sendable {
        var concepts: [Int32]
        var term: Int32
    }

    struct OverrideEntry: Sendable {
        var url: String
        var add: [Int32]
        var remove: [Int32]
        var location: SourceLocation
        /// The URL as written, for provenance: an index into `terms`.
        var term: Int32
    }

    /// Rule keys as written (section names, organisations, override URLs), referred to by index.
    var terms: [String] = []

    var sections: [SectionRuleEntry] = []
    /// Section rules by their first folded component.
    var sectionsByFirst: [String: [Int]] = [:]
    var organizations: [String: [OrganizationRuleEntry]] = [:]
    /// Overrides by normalised URL (several overrides of one URL all apply).
    var overrides: [String: [OverrideEntry]] = [:]
    /// `URLFingerprint` of every override URL: an entry whose fingerprint is not here has no override.
    var overrideFingerprints: Set<UInt64> = []
    var diagnostics: [Diagnostic] = []

    init(rules: TaggingRules, conceptIndex: [ConceptID: Int32]) {
        func term(_ text: String) -> Int32 {
            terms.append(text)
            return Int32(terms.count - 1)
        }
        func resolve(_ ids: [ConceptID], at location: SourceLocation, in what: String) -> [Int32] {
            var out: [Int32] = []
            for id in ids {
                if let index = conceptIndex[id] {
                    if !out.contains(index) { out.append(index) }
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .warning, code: "rule-unknown-concept",
                            "\(what) names concept '\(id)', which does not exist; ignored", at: location))
                }
            }
            return out
        }

        for rule in rules.sectionRules {
            let components = Self.pathComponents(rule.section)
            let concepts = resolve(rule.concepts, at: rule.location, in: "section rule '\(rule.section)'")
            guard let first = components.first, !concepts.isEmpty else { continue }
            sectionsByFirst[first, default: []].append(sections.count)
            sections.append(SectionRuleEntry(components: components, concepts: concepts, term: term(rule.section)))
        }
        for rule in rules.organizationRules {
            let key = TextNormalizer.ruleKey(rule.organization)
            let concepts = resolve(rule.concepts, at: rule.location, in: "organisation rule '\(rule.organization)'")
            guard !key.isEmpty, !concepts.isEmpty else { continue }
            organizations[key, default: []].append(OrganizationRuleEntry(concepts: concepts, term: term(rule.organization)))
        }
        for override in rules.overrides {
            let add = resolve(override.add, at: override.location, in: "override for '\(override.url)'")
            let remove = resolve(override.remove, at: override.location, in: "override for '\(override.url)'")
            overrides[Self.urlKey(override.url), default: []].append(
                OverrideEntry(
                    url: override.url, add: add, remove: remove, location: override.location, term: term(override.url)))
            overrideFingerprints.insert(URLFingerprint.of(override.url))
        }
    }

    /// The key an entry or override URL is compared by.
    static func urlKey(_ url: String) -> String {
        URLNormalizer.normalize(url) ?? url.trimmingWhitespace()
    }

    /// The overrides of an entry URL, normalising it only when its fingerprint says an override may exist.
    ///
    /// Inlined, so the caller's URL is fingerprinted where it lies (not copied, not retained).
    @inline(__always)
    func overrides(for url: String) -> (key: String, overrides: [OverrideEntry])? {
        guard !overrides.isEmpty, overrideFingerprints.contains(URLFingerprint.of(url)) else { return nil }
        return normalizedOverrides(for: url)
    }

    /// The overrides of an entry URL whose fingerprint an override shares.
    private func normalizedOverrides(for url: String) -> (key: String, overrides: [OverrideEntry])? {
        let key = Self.urlKey(url)
        return overrides[key].map { (key, $0) }
    }

    /// Splits a section rule into folded components at `›` or `>`; empty components (emoji only) are skipped.
    static func pathComponents(_ section: String) -> [String] {
        section.split(whereSeparator: { $0 == "›" || $0 == ">" })
            .map { TextNormalizer.ruleKey(String($0)) }
            .filter { !$0.isEmpty }
    }

    // MARK: - Applying

    /// Calls `emit` with every section rule that matches a contiguous run of components of one of the paths.
    func matchSections(_ foldedPaths: [[String]], emit: (SectionRuleEntry) -> Void) {
        guard !sections.isEmpty else { return }
        var fired: [Int] = []
        for path in foldedPaths {
            for (start, component) in path.enumerated() {
                guard let candidates = sectionsByFirst[component] else { continue }
                for r in candidates where !fired.contains(r) {
                    let rule = sections[r]
                    guard start + rule.components.count <= path.count else { continue }
                    if path[start..<(start + rule.components.count)].elementsEqual(rule.components) {
                        fired.append(r)
                    }
                }
            }
        }
        for r in fired.sorted() { emit(sections[r]) }
    }
}
