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
        if let known = asciiLooksLikePersonName(text) { return known }
        return looksLikePersonNameByCharacters(text)
    }

    /// `looksLikePersonName` for any text, character by character.
    static func looksLikePersonNameByCharacters(_ text: String) -> Bool {
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
        // (No text has more characters than UTF-8 bytes: only a long line is counted by characters.)
        guard !text.isEmpty, text.utf8.count <= 4000 || text.count <= 4000 else { return nil }
        let list = text.replacingText(" and ", with: ", ").replacingText(" & ", with: ", ")
        let found: [String]?
        if let known = asciiPersonNames(list) { found = known } else { found = personNamesByCharacters(list) }
        guard let names = found, !names.isEmpty else { return nil }
        // One capitalised word alone ("Overview.") is not an author line.
        if names.count == 1, names[0].split(separator: " ").count < 2 { return nil }
        return names
    }

    /// The comma-separated pieces of `list`, trimmed, empty ones left out, when every piece looks like a person's
    /// name; nil when one does not.
    static func personNamesByCharacters(_ list: String) -> [String]? {
        let names = list.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        return names.allSatisfy(looksLikePersonName) ? names : nil
    }

    /// `personNamesByCharacters` for ASCII text (outer nil for other text), where a comma byte is a comma character:
    /// the pieces are cut on bytes one at a time and tested as they come, so prose (whose first piece fails) is not
    /// split whole.
    static func asciiPersonNames(_ list: String) -> [String]?? {
        guard list.isASCIIText else { return nil }
        var copy = list
        return copy.withUTF8 { bytes -> [String]?? in
            var names: [String] = []
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: ",") { end += 1 }
                if end > start {
                    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                        .trimmingWhitespace()
                    if !name.isEmpty {
                        guard looksLikePersonName(name) else { return .some(nil) }
                        names.append(name)
                    }
                }
                start = end + 1
            }
            return .some(names)
        }
    }

    /// `looksLikePersonNameByCharacters` on the bytes of ASCII text (nil for other text): there every character is
    /// one byte, letters are A–Z and a–z, capitals A–Z. A CR LF pair is one character, but it is neither a space nor
    /// a letter, so the word holding it fails either way (and the text with it, whatever its length). Stops at the
    /// seventh word or the first word that fails, without splitting the rest.
    static func asciiLooksLikePersonName(_ text: String) -> Bool? {
        var copy = text
        return copy.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var words = 0
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x20 {
                    i += 1
                    continue
                }
                var end = i
                while end < bytes.count && bytes[end] != 0x20 { end += 1 }
                words += 1
                if words > 6 { return false }
                let word = UnsafeBufferPointer(rebasing: bytes[i..<end])
                if !isParticle(word) {
                    let first = word[0]
                    guard first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") else { return false }
                    for b in word {
                        let letter = (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
                        guard letter || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") || b == UInt8(ascii: "'") else {
                            return false
                        }
                    }
                }
                i = end
            }
            return words >= 1 && bytes.count <= 80
        }
    }

    /// Whether an ASCII word, lowercased, is one of `particles`.
    private static func isParticle(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count <= 5 else { return false }  // no particle is longer
        return particles.contains(String(decoding: word.lazy.map(asciiLowercased), as: UTF8.self))
    }
}
