/// Finds the concept ids closest to a mistyped one, for "did you mean" hints.
///
/// A candidate is an id within edit distance max(2, length / 3) of the input, an id that contains the input or is
/// contained in it, or an id whose preferred label folds to the input (`Red teaming` → `red-teaming`). Ranked by
/// edit distance, then id.
enum ConceptSuggester {
    static func suggestions(for raw: String, in scheme: ConceptScheme, limit: Int = 3) -> [ConceptID] {
        let input = raw.lowercased()
        let slug = TextNormalizer.tokens(raw).joined(separator: "-")
        guard !input.isEmpty else { return [] }
        let allowed = max(2, input.count / 3)
        var ranked: [(distance: Int, id: ConceptID)] = []
        for concept in scheme.concepts {
            let id = concept.id.rawValue
            let distance = editDistance(input, id, cap: allowed + 1)
            let labelSlug = TextNormalizer.tokens(concept.prefLabel).joined(separator: "-")
            if distance <= allowed || id.contains(input) || (input.count >= 4 && input.contains(id))
                || (!slug.isEmpty && (labelSlug == slug || id == slug))
            {
                ranked.append((distance, concept.id))
            }
        }
        return ranked.sorted { ($0.distance, $0.id) < ($1.distance, $1.id) }.prefix(limit).map(\.id)
    }

    /// Levenshtein distance over characters, stopping early at `cap` (inputs are short ids).
    static func editDistance(_ a: String, _ b: String, cap: Int) -> Int {
        let x = Array(a.unicodeScalars.prefix(128))
        let y = Array(b.unicodeScalars.prefix(128))
        if abs(x.count - y.count) >= cap { return cap }
        if x.isEmpty || y.isEmpty { return min(max(x.count, y.count), cap) }
        var previous = Array(0...y.count)
        var current = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin >= cap { return cap }
            swap(&previous, &current)
        }
        return min(previous[y.count], cap)
    }
}
