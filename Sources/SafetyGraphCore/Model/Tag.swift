/// Which kind of rule produced a tag.
public enum TagRule: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    /// A concept label (pref, alt or hidden) matched in the entry's text.
    case label
    /// A section rule: the entry sits under a section mapped to the concept.
    case section
    /// An organisation rule: the entry's organisation is mapped to the concept.
    case organization
    /// A manual override in `Ontology/overrides.yaml`.
    case override

    /// The rule's place in declaration order (the order `<` gives), for tables indexed by rule.
    public var ordinal: Int {
        switch self {
        case .label: 0
        case .section: 1
        case .organization: 2
        case .override: 3
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.ordinal < b.ordinal }
}

/// Which field of an entry a term was found in.
public enum EntryField: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case title, description, keywords, section, organization, url

    /// The field's place in declaration order (the order `<` gives), for tables indexed by field.
    public var ordinal: Int {
        switch self {
        case .title: 0
        case .description: 1
        case .keywords: 2
        case .section: 3
        case .organization: 4
        case .url: 5
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.ordinal < b.ordinal }
}

/// Why a tag was given: the rule, the term that fired, and where.
public struct TagProvenance: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var rule: TagRule
    /// The matched label or the rule's key (a section name, an organisation name, the override's URL).
    public var term: String
    /// The entry field the term was found in; nil for overrides.
    public var field: EntryField?

    public init(rule: TagRule, term: String, field: EntryField? = nil) {
        self.rule = rule
        self.term = term
        self.field = field
    }

    public var description: String {
        switch rule {
        case .override: return "override for \(term)"
        default: return "\(rule.rawValue) '\(term)' in \(field?.rawValue ?? "entry")"
        }
    }

    public static func < (a: Self, b: Self) -> Bool {
        if a.rule != b.rule { return a.rule < b.rule }
        if a.field != b.field {
            guard let fa = a.field else { return false }
            guard let fb = b.field else { return true }
            return fa < fb
        }
        return a.term < b.term
    }
}

/// A concept given to an entry, with every reason it was given (sorted, at least one).
public struct Tag: Sendable, Hashable, Codable, Comparable {
    public var concept: ConceptID
    public var provenance: [TagProvenance]

    public init(concept: ConceptID, provenance: [TagProvenance]) {
        self.concept = concept
        self.provenance = provenance
    }

    public static func < (a: Self, b: Self) -> Bool { a.concept < b.concept }
}

/// An entry with its stored tags: only the most specific concepts (no tag is broader than another tag).
public struct TaggedEntry: Sendable, Hashable, Codable, Identifiable {
    public var entry: Entry
    /// Sorted by concept id.
    public var tags: [Tag]

    public init(entry: Entry, tags: [Tag]) {
        self.entry = entry
        self.tags = tags
    }

    public var id: EntryID { entry.id }
    public var conceptIDs: [ConceptID] { tags.map(\.concept) }
}
