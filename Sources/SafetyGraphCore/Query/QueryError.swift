/// Why a query cannot be answered.
public enum QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The query names concepts the scheme does not have (sorted by id), each with close suggestions.
    case unknownConcepts([UnknownConcept])

    public var description: String {
        switch self {
        case .unknownConcepts(let unknown):
            return unknown.map { u in
                let hint = u.suggestions.isEmpty
                    ? "" : " (did you mean \(u.suggestions.map { "'\($0)'" }.joined(separator: ", "))?)"
                return "error: unknown concept '\(u.id)'\(hint)"
            }.joined(separator: "\n")
        }
    }
}

/// A concept id a query named that the scheme does not have, with the closest existing ids.
public struct UnknownConcept: Sendable, Hashable, Codable {
    public var id: String
    /// At most three existing concept ids, closest first.
    public var suggestions: [ConceptID]

    public init(id: String, suggestions: [ConceptID]) {
        self.id = id
        self.suggestions = suggestions
    }
}
