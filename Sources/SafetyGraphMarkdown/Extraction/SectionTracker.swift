import SafetyGraphCore

// MARK: - SectionTracker

/// Follows the headings above the current position: the section path (`Tools › Adversarial Attacks`) and whether
/// it lies in a navigation section (table of contents, about, contributing, citation…).
struct SectionTracker {
    private var stack: [(level: Int, name: String, isNavigation: Bool)] = []
    private let navigationKeys: Set<String>

    init(rules: IngestRules) {
        navigationKeys = Set(rules.navigationSections.map(TextNormalizer.comparisonKey))
    }

    /// Enters a heading of `level` (1–6) named `text` (raw heading text; cleaned here).
    mutating func enter(level: Int, text: String) {
        while let last = stack.last, last.level >= level { stack.removeLast() }
        let name = TextNormalizer.sectionName(text)
        stack.append((level, name, navigationKeys.contains(TextNormalizer.comparisonKey(name))))
    }

    /// The current section path: heading names from the top, empty names skipped.
    var path: [String] { stack.map(\.name).filter { !$0.isEmpty } }

    /// Whether the current position is in (or under) a navigation section.
    var isNavigation: Bool {
        stack.contains { $0.isNavigation }
    }
}
