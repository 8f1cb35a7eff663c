/// The stable identifier of an entry, derived from its normalised URL (see `URLNormalizer`).
public struct EntryID: StringIdentifier {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// The identifier of a concept: kebab-case, stable, the slug of its IRI.
public struct ConceptID: StringIdentifier {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Whether `raw` is a valid concept id: lowercase ASCII letters and digits in groups joined by single hyphens.
    public static func isValid(_ raw: String) -> Bool {
        guard !raw.isEmpty, raw.count <= 64 else { return false }
        var previousWasHyphen = true  // forbids a leading hyphen
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9": previousWasHyphen = false
            case "-":
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default: return false
            }
        }
        return !previousWasHyphen
    }
}
