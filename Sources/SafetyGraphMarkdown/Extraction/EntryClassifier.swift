import SafetyGraphCore

// MARK: - EntryClassifier

/// Derives an entry's kind (from its section, through the kind rules) and its GitHub repository.
struct EntryClassifier: Sendable {
    /// Each comparison key a kind rule names, with the kind of the first rule (in rule order) that names it: one
    /// look-up per section key, rather than one hash of the key for every rule's set.
    private let kindOfKey: [String: EntryKind]
    private let authorCitationKinds: Set<EntryKind>

    init(rules: IngestRules) {
        var kindOfKey: [String: EntryKind] = [:]
        for rule in rules.kindRules {
            for key in rule.sections.map(TextNormalizer.comparisonKey) where kindOfKey[key] == nil {
                kindOfKey[key] = rule.kind
            }
        }
        self.kindOfKey = kindOfKey
        authorCitationKinds = Set(rules.authorCitationKinds)
    }

    /// The kind the section path alone gives, from its comparison keys (`SectionTracker.keys`): the deepest
    /// component that a kind rule names wins; nil when none does.
    func sectionKind(forSectionKeys keys: [String]) -> EntryKind? {
        for key in keys.reversed() {
            if let kind = kindOfKey[key] { return kind }
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
        guard let normalized = known ?? URLNormalizer.normalize(url), normalized.hasASCIIPrefix("https://github.com/")
        else {
            return nil
        }
        // Take owner and repo from the URL as written, to keep their case.
        let trimmed = url.trimmingWhitespace()
        if let known = asciiRepository(inTrimmed: trimmed) { return known }
        return repositoryByCharacters(inTrimmed: trimmed)
    }

    /// `githubRepository`'s reading of `owner/repo` from the trimmed URL as written, character by character.
    static func repositoryByCharacters(inTrimmed trimmed: String) -> String? {
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

    /// `repositoryByCharacters` on the bytes of ASCII text (nil for any other text), where every character is one
    /// byte (a CR LF pair is one character, but neither of its bytes is `/`, `?` or `#`) and lowercasing is A–Z only:
    /// no substrings, splits or strings are made beyond the result.
    static func asciiRepository(inTrimmed trimmed: String) -> String?? {
        guard trimmed.isASCIIText else { return nil }
        guard let host = trimmed.firstByteOffset(of: "github.com/", caseInsensitive: true) else { return .some(nil) }
        var copy = trimmed
        return copy.withUTF8 { bytes -> String?? in
            // The first three non-empty `/`-separated parts of the path, which ends at `?` or `#`.
            var parts: [Range<Int>] = []
            var i = host + 11
            var partStart = i
            while i <= bytes.count && parts.count < 3 {
                let b = i < bytes.count ? bytes[i] : UInt8(ascii: "?")
                if b == UInt8(ascii: "/") || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") {
                    if i > partStart { parts.append(partStart..<i) }
                    if b != UInt8(ascii: "/") { break }
                    partStart = i + 1
                }
                i += 1
            }
            func text(_ r: Range<Int>, lowered: Bool = false) -> String {
                let slice = UnsafeBufferPointer(rebasing: bytes[r])
                return lowered ? String(decoding: slice.map(asciiLowercased), as: UTF8.self)
                    : String(decoding: slice, as: UTF8.self)
            }
            guard parts.count >= 2, !reservedGitHubOwners.contains(text(parts[0], lowered: true)) else { return .some(nil) }
            if parts.count > 2, !bytes[parts[2]].elementsEqual("tree".utf8) { return .some(nil) }
            var repo = parts[1]
            if repo.count >= 4, bytes[repo.upperBound - 4] == UInt8(ascii: "."),
                asciiLowercased(bytes[repo.upperBound - 3]) == UInt8(ascii: "g"),
                asciiLowercased(bytes[repo.upperBound - 2]) == UInt8(ascii: "i"),
                asciiLowercased(bytes[repo.upperBound - 1]) == UInt8(ascii: "t")
            {
                repo = repo.lowerBound..<(repo.upperBound - 4)
            }
            guard !repo.isEmpty else { return .some(nil) }
            return .some(text(parts[0]) + "/" + text(repo))
        }
    }
}
