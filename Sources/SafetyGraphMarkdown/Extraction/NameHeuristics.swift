import SafetyGraphCore

// MARK: - NameHeuristics

/// Tells person names from prose, for author lines such as `Leonel Aguilar, Jan Nagler, Nino Antulov-Fantulin.`
enum NameHeuristics {
    /// Lower-case words that occur inside names (`Martin van Waerebeke`, `Christopher De Sa`).
    static let particles: Set<String> = [
        "van", "von", "de", "der", "den", "da", "di", "del", "della", "la", "le", "du", "dos", "das", "bin", "al", "e",
        "y", "ter", "ten", "zu",
    ]

    /// One to six words, each capitalised (or an initial, or a name particle).
    static func looksLikePersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...6).contains(words.count), text.count <= 80 else { return false }
        return words.allSatisfy { word in
            guard let first = word.first else { return false }
            if particles.contains(word.lowercased()) { return true }
            return first.isUppercase && word.allSatisfy { $0.isLetter || ".-'’".contains($0) }
        }
    }

    /// The names of an author line (`A, B, C.` or `A, B and C`), or nil when the line is not a list of names.
    static func authorNames(_ line: String) -> [String]? {
        var text = TextNormalizer.collapseWhitespace(line)
        let (withoutEtAl, _) = Citation.removingEtAl(text)
        text = withoutEtAl
        while let last = text.last, last == "." || last == "," || last == " " { text.removeLast() }
        guard !text.isEmpty, text.count <= 4000 else { return nil }
        let names = text.replacingText(" and ", with: ", ").replacingText(" & ", with: ", ")
            .split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !names.isEmpty, names.allSatisfy(looksLikePersonName) else { return nil }
        // One capitalised word alone ("Overview.") is not an author line.
        if names.count == 1, names[0].split(separator: " ").count < 2 { return nil }
        return names
    }
}
