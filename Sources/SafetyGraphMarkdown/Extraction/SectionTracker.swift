import SafetyGraphCore

// MARK: - SectionTracker

/// Follows the headings above the current position: the section path (`Tools › Adversarial Attacks`) and whether
/// it lies in a navigation section (table of contents, about, contributing, citation…).
struct SectionTracker {
    private var stack: [(level: Int, name: String, key: String, isNavigation: Bool)] = []
    /// The current section path: heading names from the top, empty names skipped.
    private(set) var path: [String] = []
    /// The comparison keys (`TextNormalizer.comparisonKey`) of `path`'s names, in the same order.
    private(set) var keys: [String] = []
    private let navigationKeys: Set<String>

    init(rules: IngestRules) {
        navigationKeys = Set(rules.navigationSections.map(TextNormalizer.comparisonKey))
    }

    /// A heading's section name and comparison key, from its raw text.
    static func heading(_ text: String) -> (name: String, key: String) {
        let name = TextNormalizer.sectionName(text)
        return (name, TextNormalizer.comparisonKey(name))
    }

    /// Enters a heading of `level` (1–6) whose name and key `heading(_:)` gave from its raw text.
    mutating func enter(level: Int, heading: (name: String, key: String)) {
        while let last = stack.last, last.level >= level { stack.removeLast() }
        let (name, key) = heading
        stack.append((level, name, key, navigationKeys.contains(key)))
        // Kept up to date here, once per heading, rather than rebuilt for every entry below it.
        let named = stack.filter { !$0.name.isEmpty }
        path = named.map(\.name)
        keys = named.map(\.key)
    }

    /// Whether the current position is in (or under) a navigation section.
    var isNavigation: Bool {
        stack.contains { $0.isNavigation }
    }
}
