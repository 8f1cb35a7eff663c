import SafetyGraphCore

// MARK: - EntryFields

/// What a list item or table row says about its resource, before it becomes an `Entry` (id, kind, section and
/// source are added by the extractor).
struct EntryFields: Sendable, Equatable {
    var title = ""
    /// The main link as written; set it with `setMainLink`.
    private(set) var url = ""
    /// `url` normalised.
    private(set) var normalizedURL: String?
    /// Normalised forms of `otherURLs`, for duplicate checks.
    private var otherURLKeys: Set<String> = []
    var otherURLs: [String] = []
    var authors: [String] = []
    var year: Int?
    var organization: String?
    /// Description fragments in reading order; joined with a space.
    var descriptionParts: [String] = []
    var keywords: [String] = []

    /// Appends a link to `otherURLs` unless it is the main link or already there (compared normalised).
    mutating func setMainLink(_ link: LinkToken) {
        url = link.url.trimmingWhitespace()
        normalizedURL = link.normalizedURL
    }

    mutating func addOtherURL(_ raw: String, normalized known: String? = nil) {
        let url = raw.trimmingWhitespace()
        guard let normalized = known ?? URLNormalizer.normalize(url), normalized != normalizedURL,
              otherURLKeys.insert(normalized).inserted else { return }
        otherURLs.append(url)
    }

    mutating func addKeyword(_ raw: String) {
        let keyword = TextNormalizer.trimmingSeparators(TextNormalizer.removingEmoji(raw), extra: ".'\"‘’“”")
        guard !keyword.isEmpty, keyword.count <= 80 else { return }
        if keywords.contains(where: { $0.lowercased() == keyword.lowercased() }) { return }
        keywords.append(keyword)
    }

    /// The joined description, or nil when there is none.
    var description: String? {
        let joined = descriptionParts.joined(separator: " ")
        let trimmed = TextNormalizer.trimmingSeparators(TextNormalizer.collapsedDroppingLeadingSeparators(joined, extra: ".)"))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Applies a citation: people become authors (when none are known yet), otherwise the single name is the
    /// organisation. The year fills in when still unknown.
    mutating func apply(_ citation: Citation, authorCitationKind: Bool) {
        if citation.isPeople(authorCitationKind: authorCitationKind) && !citation.isOrganizationOnly {
            if authors.isEmpty { authors = citation.names }
        } else if organization == nil, !citation.names.isEmpty {
            organization = citation.names.joined(separator: " & ")
        }
        if year == nil { year = citation.year }
    }
}
