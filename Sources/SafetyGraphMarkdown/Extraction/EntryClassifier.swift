import SafetyGraphCore

// MARK: - EntryClassifier

/// Derives an entry's kind (from its section, through the kind rules) and its GitHub repository.
struct EntryClassifier: Sendable {
    /// Kind rules as comparison keys, in rule order.
    private let kindKeys: [(kind: EntryKind, keys: Set<String>)]
    private let authorCitationKinds: Set<EntryKind>

    init(rules: IngestRules) {
        kindKeys = rules.kindRules.map { rule in (rule.kind, Set(rule.sections.map(TextNormalizer.comparisonKey))) }
        authorCitationKinds = Set(rules.authorCitationKinds)
    }

    /// The kind the section path alone gives, from its comparison keys (`SectionTracker.keys`): the deepest
    /// component that a kind rule names wins; nil when none does.
    func sectionKind(forSectionKeys keys: [String]) -> EntryKind? {
        for key in keys.reversed() {
            if let rule = kindKeys.first(where: { $0.keys.contains(key) }) { return rule.kind }
        }
        return nil
    }

    /// The kind of an entry whose section gives `sectionKind` (`sectionKind(forSectionKeys:)`) and whose main link
    /// is `url`: the section's kind when it has one; else a GitHub repository is a `tool` and anything else a
    /// `resource`.
    func kind(sectionKind: EntryKind?, url: String, normalized: String? = nil) -> EntryKind {
        if let sectionKind { return sectionKind }
        return Self.githubRepository(of: url, normalized: normalized) != nil ? .tool : .resource
    }

    /// Whether a single-name citation in an entry of this kind names a person (else an organisation).
    func citationNamesPeople(kind: EntryKind) -> Bool { authorCitationKinds.contains(kind) }

    /// Path prefixes on github.com that are not user or organisation names.
    static let reservedGitHubOwners: Set<String> = [
        "topics", "orgs", "features", "about", "pricing", "sponsors", "marketplace", "collections", "trending",
        "explore", "settings", "login", "join", "site", "security", "enterprise", "customer-stories", "readme", "apps",
        "advisories", "search", "events", "contact", "notifications", "new", "organizations", "team", "resources",
        "solutions", "signup", "codespaces", "issues", "pulls", "discussions", "users",
    ]

    /// `owner/repo` (as written) when `url` is `https://github.com/owner/repo`, optionally followed by `/tree/…`;
    /// nil for topics, organisations, features, gists, github.io pages and files or issues inside a repository.
    static func githubRepository(of url: String, normalized known: String? = nil) -> String? {
        guard let normalized = known ?? URLNormalizer.normalize(url), normalized.hasPrefix("https://github.com/") else {
            return nil
        }
        // Take owner and repo from the URL as written, to keep their case.
        let trimmed = url.trimmingWhitespace()
        let hostRange = trimmed.isASCIIText
            ? trimmed.asciiRange(of: "github.com/", caseInsensitive: true)
            : trimmed.range(of: "github.com/", options: .caseInsensitive)
        guard let hostRange else { return nil }
        let path = trimmed[hostRange.upperBound...].prefix { $0 != "?" && $0 != "#" }
        let parts = path.split(separator: "/")
        guard parts.count >= 2, !reservedGitHubOwners.contains(parts[0].lowercased()) else { return nil }
        if parts.count > 2, parts[2] != "tree" { return nil }
        var repo = String(parts[1])
        if repo.lowercased().hasSuffix(".git") { repo.removeLast(4) }
        guard !repo.isEmpty else { return nil }
        return "\(parts[0])/\(repo)"
    }
}
