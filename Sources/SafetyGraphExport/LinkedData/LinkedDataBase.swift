import SafetyGraphCore

/// The base every IRI of the linked-data export is built under, and the IRIs built from it.
///
/// Slash IRIs by default: `{base}scheme`, `{base}concepts/{id}`, `{base}entries/{id}`, `{base}sections/{path}`.
/// Ids are stable (concept ids from the ontology, entry ids from normalised URLs), so the IRIs survive re-runs
/// and re-ordered lists. Our own small vocabulary lives at `{base}vocab#` (with a `#` base: `{base}vocab/`, as
/// an IRI may hold only one `#`).
public struct LinkedDataBase: Sendable, Hashable, CustomStringConvertible {
    /// A placeholder under a domain reserved for examples: override it with `--base-iri` before publishing.
    public static let placeholder = "https://example.org/safetygraph/"

    /// Why a base IRI was refused.
    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case notAbsoluteWebIRI(String)
        case notValidIRI(String, suggestion: String)
        case badEnding(String)
        case hasQuery(String)

        public var description: String {
            switch self {
            case .notAbsoluteWebIRI(let s): return "the base IRI '\(s)' is not an absolute http(s) IRI with a host"
            case .notValidIRI(let s, let suggestion):
                return "the base IRI '\(s)' holds characters an IRI may not hold (percent-encoded: '\(suggestion)')"
            case .badEnding(let s): return "the base IRI '\(s)' must end with '/' or '#'"
            case .hasQuery(let s): return "the base IRI '\(s)' must not hold a query ('?')"
            }
        }
    }

    /// The base as given: an absolute http(s) IRI ending with `/` or `#`.
    public let iri: String
    /// The namespace of our own terms (`Tagging`, `rule`, …).
    public let vocabulary: String

    /// Checks `iri`: absolute http(s) with a host, already a valid IRI, no query, ending with `/` or `#`.
    public init(_ iri: String) throws(Problem) {
        guard let valid = IRIEncoding.webIRI(iri), let colon = iri.firstIndex(of: ":"),
            iri[colon...].count > 3, !iri[iri.index(colon, offsetBy: 3)...].hasPrefix("/")
        else { throw .notAbsoluteWebIRI(iri) }
        guard valid == iri else { throw .notValidIRI(iri, suggestion: valid) }
        guard iri.hasSuffix("/") || iri.hasSuffix("#") else { throw .badEnding(iri) }
        guard !iri.contains("?") else { throw .hasQuery(iri) }
        if iri.hasSuffix("#") {
            guard iri.filter({ $0 == "#" }).count == 1 else { throw .notAbsoluteWebIRI(iri) }
        }
        self.iri = iri
        self.vocabulary = iri + (iri.hasSuffix("#") ? "vocab/" : "vocab#")
    }

    /// The placeholder base (always valid).
    public static var `default`: LinkedDataBase {
        // The literal passes every check above; the fallback only keeps the compiler from asking for `try!`.
        (try? LinkedDataBase(placeholder)) ?? LinkedDataBase(unchecked: placeholder)
    }

    private init(unchecked iri: String) {
        self.iri = iri
        self.vocabulary = iri + "vocab#"
    }

    public var description: String { iri }

    // MARK: - IRIs of our resources

    public var scheme: String { iri + "scheme" }
    public var conceptNamespace: String { iri + "concepts/" }
    public var entryNamespace: String { iri + "entries/" }
    public var sectionNamespace: String { iri + "sections/" }

    public func concept(_ id: ConceptID) -> String { conceptNamespace + IRIEncoding.segment(id.rawValue) }
    public func entry(_ id: EntryID) -> String { entryNamespace + IRIEncoding.segment(id.rawValue) }

    /// The n-th author (1-based) of an entry: scoped to the entry, so two people of the same name in different
    /// entries are never claimed to be one person.
    public func author(_ n: Int, of entry: EntryID) -> String { Self.author(n, ofEntryIRI: self.entry(entry)) }

    /// The publishing organisation of an entry (scoped to the entry, for the same reason as authors).
    public func publisher(of entry: EntryID) -> String { Self.publisher(ofEntryIRI: self.entry(entry)) }

    /// One reason (the n-th provenance record, 1-based, in sorted order) an entry carries a concept.
    public func tagging(_ n: Int, of concept: ConceptID, on entry: EntryID) -> String {
        Self.tagging(n, conceptSegment: IRIEncoding.segment(concept.rawValue), onEntryIRI: self.entry(entry))
    }

    // The same IRIs from an entry's IRI (and a concept's segment) made once: an export asks for them per node.
    // Each is made in one buffer of the right size (`+` regrew the string at every piece), its pieces copied inline
    // and its number written as digits (a piece's own loop and `String(n)` were most of a tagging IRI's cost).
    static func author(_ n: Int, ofEntryIRI entry: String) -> String {
        IRIJoiner.string(entry, "/authors/", number: n)
    }
    static func publisher(ofEntryIRI entry: String) -> String { IRIJoiner.string(entry, "/publisher") }
    static func tagging(_ n: Int, conceptSegment: String, onEntryIRI entry: String) -> String {
        IRIJoiner.string(entry, "/tags/", conceptSegment, "/", number: n)
    }

    /// A section heading path, each component percent-encoded as one segment (distinct paths, distinct IRIs).
    public func section(_ path: [String]) -> String {
        sectionNamespace + path.map(IRIEncoding.segment).joined(separator: "/")
    }

    /// A term of our vocabulary.
    public func term(_ name: String) -> String { vocabulary + name }
}
