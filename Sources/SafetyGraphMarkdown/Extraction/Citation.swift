import SafetyGraphCore

// MARK: - Citation

/// A citation as lists write it, read from an already-extracted plain-text fragment: `(Bach et al., 2024)`,
/// `(Belani, Vukovic & Car, 2019)`, `(MathWorks, 2023)`, `(ISTQB)`, the APA lead `Oprea, A. et al. (2023).`, or a
/// link text such as `Luss et al., 2019`.
struct Citation: Sendable, Equatable {
    /// The names as written, `et al.` removed.
    var names: [String]
    var year: Int?
    /// True when the form itself says these are people: `et al.`, `&`, `and`, or several names before a year.
    var namesArePeople: Bool
    /// Set when the entry names its people elsewhere (`… with Lucas García`): the citation is then the publisher,
    /// even when it joins two names with `&`.
    var isOrganizationOnly = false

    /// Whether the names are people (authors) rather than one organisation, given the entry's kind.
    func isPeople(authorCitationKind: Bool) -> Bool { !isOrganizationOnly && (namesArePeople || authorCitationKind) }

    // MARK: - Parsing

    /// Reads the inside of a parenthesised citation (without the parentheses). Nil when it is empty.
    /// Without a year, the text is one name (`(ISTQB)`, `(Data, Responsible)`) unless it says `et al.`.
    static func parse(_ inner: String) -> Citation? {
        var text = TextNormalizer.collapseWhitespace(inner)
        guard !text.isEmpty, text.count <= 300 else { return nil }
        var year: Int?
        let parts = commaPieces(text)
        if let last = parts.last, let found = yearValue(last), parts.count >= 2 {
            year = found
            text = parts.dropLast().joined(separator: ", ")
        } else if parts.count == 1, let found = trailingYear(text) {
            // `CSIS. 2024`, `van Wynsberghe, A. 2021` (no comma before the year)
            year = found.year
            text = found.rest
        }
        let (withoutEtAl, hadEtAl) = removingEtAl(text)
        text = TextNormalizer.trimmingSeparators(withoutEtAl, extra: ".")
        guard !text.isEmpty else { return nil }
        let hasConjunction = text.containsText("&") || text.containsText(" and ")
        if year == nil && !hadEtAl && !hasConjunction {
            return Citation(names: [text], year: nil, namesArePeople: false)
        }
        let names = splitNames(text)
        guard !names.isEmpty else { return nil }
        return Citation(names: names, year: year, namesArePeople: hadEtAl || hasConjunction || names.count > 1)
    }

    /// Reads an APA-style author lead before a title: `Barocas, S., Hardt, M., & Narayanan, A. (2023). ` or
    /// `Araujo, R. 2024. `. Nil when there is no year in it.
    static func parseLead(_ lead: String) -> Citation? {
        let text = TextNormalizer.collapseWhitespace(lead)
        guard !text.isEmpty, text.count <= 2000 else { return nil }
        // The first plausible year ends the names.
        guard let (year, range) = firstYear(in: text) else { return nil }
        var names = String(text[..<range.lowerBound])
        while let last = names.last, "( ,".contains(last) { names.removeLast() }
        let (withoutEtAl, hadEtAl) = removingEtAl(names)
        let cleaned = TextNormalizer.trimmingSeparators(withoutEtAl)
        let list = cleaned.isEmpty ? [] : splitAPANames(cleaned).map(droppingSentenceDot)
        return Citation(names: list, year: year, namesArePeople: hadEtAl || list.count > 1)
    }

    // MARK: - Helpers

    /// `2024` or `2024a` as a year between 1900 and 2100.
    static func yearValue(_ text: String) -> Int? {
        if let known = asciiYearValue(text) { return known }
        return yearValueByCharacters(text)
    }

    /// `yearValue` for any text, character by character.
    static func yearValueByCharacters(_ text: String) -> Int? {
        var digits = Substring(text.trimmingWhitespace())
        if let last = digits.last, last.isLetter, last.isLowercase, digits.count == 5 { digits.removeLast() }
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits),
              (1900...2100).contains(value) else { return nil }
        return value
    }

    /// `yearValueByCharacters` on the bytes of ASCII text (outer nil for other text): there every character is one
    /// byte (CR LF aside, which is whitespace at the ends and neither digit nor letter inside), digits are 0–9 and
    /// the lowercase letters a–z, and trimming whitespace trims the bytes 09–0D and 20.
    static func asciiYearValue(_ text: String) -> Int?? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
            var lower = 0
            var upper = bytes.count
            while lower < upper, isSpace(bytes[lower]) { lower += 1 }
            while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
            if upper - lower == 5, bytes[upper - 1] >= UInt8(ascii: "a"), bytes[upper - 1] <= UInt8(ascii: "z") { upper -= 1 }
            guard upper - lower == 4 else { return .some(nil) }
            var value = 0
            for b in bytes[lower..<upper] {
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return .some(nil) }
                value = value * 10 + Int(b - UInt8(ascii: "0"))
            }
            return .some((1900...2100).contains(value) ? value : nil)
        } ?? nil
    }

    /// `text.split(separator: ",")`, each piece with its whitespace trimmed: cut on comma bytes when the text is
    /// ASCII (where a comma byte is a comma character: no mark can join it, and the one two-byte character, CR LF,
    /// holds none), on characters otherwise.
    static func commaPieces(_ text: String) -> [String] {
        let cut = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var pieces: [String] = []
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != UInt8(ascii: ",") { end += 1 }
                if end > start {
                    pieces.append(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).trimmingWhitespace())
                }
                start = end + 1
            }
            return pieces
        }
        if let known = cut ?? nil { return known }
        return text.split(separator: ",").map { $0.trimmingWhitespace() }
    }

    /// The first 4-digit year (1900–2100) standing as a word of its own in `text`, with its range.
    static func firstYear(in text: String) -> (Int, Range<String.Index>)? {
        if let known = asciiFirstYear(in: text) { return known }
        return firstYearByCharacters(in: text)
    }

    /// `firstYearByCharacters` on the bytes of ASCII text (outer nil for other text). There the digits and letters
    /// are one-byte characters; the one character of two bytes, CR LF, is neither, as its LF byte is not.
    static func asciiFirstYear(in text: String) -> (Int, Range<String.Index>)?? {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> (Int, Int)?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
            var i = 0
            while i < bytes.count {
                guard isDigit(bytes[i]) else {
                    i += 1
                    continue
                }
                var end = i
                var value = 0
                while end < bytes.count && isDigit(bytes[end]) {
                    if end - i < 5 { value = value * 10 + Int(bytes[end] - UInt8(ascii: "0")) }
                    end += 1
                }
                // The byte before a run is never a digit (runs are read whole); it must not be a letter either.
                let letterBefore = i > 0 && (bytes[i - 1] | 0x20) >= UInt8(ascii: "a") && (bytes[i - 1] | 0x20) <= UInt8(ascii: "z")
                if end - i == 4, (1900...2100).contains(value), !letterBefore { return .some((value, i)) }
                i = end
            }
            return .some(nil)
        }
        guard let decided = found ?? nil else { return nil }
        guard let (value, offset) = decided else { return .some(nil) }
        let lower = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return .some((value, lower..<text.utf8.index(lower, offsetBy: 4)))
    }

    /// `firstYear` for any text, character by character.
    static func firstYearByCharacters(in text: String) -> (Int, Range<String.Index>)? {
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isASCII, text[index].isNumber else {
                index = text.index(after: index)
                continue
            }
            let run = text[index...].prefix { $0.isASCII && $0.isNumber }
            let before = index == text.startIndex ? nil : text[text.index(before: index)]
            let after = run.endIndex < text.endIndex ? text[run.endIndex] : nil
            if run.count == 4, let value = Int(run), (1900...2100).contains(value),
               !(before?.isLetter ?? false), !(before?.isNumber ?? false), !(after?.isNumber ?? false) {
                return (value, index..<run.endIndex)
            }
            index = run.endIndex
        }
        return nil
    }

    private static func trailingYear(_ text: String) -> (year: Int, rest: String)? {
        guard let space = text.lastIndex(of: " ") else { return nil }
        guard let year = yearValue(String(text[text.index(after: space)...])) else { return nil }
        return (year, String(text[..<space]))
    }

    /// Removes `et al.`, `et al`, `et all.` and `and et all.`; says whether it was there.
    static func removingEtAl(_ text: String) -> (String, Bool) {
        // Every marker holds `et al` (ASCII letters, any case): without it there is nothing to look for.
        guard text.containsASCII("et al", caseInsensitive: true) else { return (text, false) }
        let markers: [StaticString] = [
            " and et all.", " and et all", " et all.", " et al.", " et all", " et al", ", et al.", ", et al",
        ]
        for marker in markers {
            if let range = text.rangeOfText(marker, caseInsensitive: true) {
                var result = text
                result.removeSubrange(range)
                return (result, true)
            }
        }
        return (text, false)
    }

    /// `Belani, Vukovic & Car` → three names; `Mahoney, T., Varshney, K.R.` → two (initials join their surname).
    static func splitNames(_ text: String) -> [String] {
        splitAPANames(text.replacingText(" and ", with: ", "))
            .map { TextNormalizer.trimmingSeparators($0) }
            .filter { !$0.isEmpty }
    }

    /// APA names: `Barocas, S., Hardt, M., & Narayanan, A.` → `Barocas, S.`, `Hardt, M.`, `Narayanan, A.`
    /// (initials join the surname before them); `C.-J. Wu, R. Raghavendra` stay two names.
    static func splitAPANames(_ text: String) -> [String] {
        var names: [String] = []
        let parts = commaPieces(text.replacingText("&", with: ",").replacingText(" and ", with: ", "))
        for raw in parts {
            var part = raw
            if part.lowercasedHasPrefix("and ") { part = String(part.dropFirst(4)) }
            part = part.trimmingWhitespace()
            if part.isEmpty { continue }
            if isInitials(part), let last = names.popLast() {
                names.append("\(last), \(part)")
            } else {
                names.append(part)
            }
        }
        return names
    }

    /// `Cunningham, Scott.` → `Cunningham, Scott`, but `Oprea, A.` keeps the dot of its initial.
    static func droppingSentenceDot(_ name: String) -> String {
        guard name.hasSuffix("."), !name.hasSuffix("..") else { return name }
        let lastWord = name.dropLast().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }).last ?? ""
        return lastWord.count > 1 ? String(name.dropLast()) : name
    }

    /// `S.`, `A. R.`, `K.R.`, `H.-H.`: only capital letters, dots, hyphens and spaces, at least one letter.
    static func isInitials(_ text: String) -> Bool {
        if let known = asciiIsInitials(text) { return known }
        return isInitialsByCharacters(text)
    }

    /// `isInitialsByCharacters` on the bytes of ASCII text (nil for other text): letters are A–Z and a–z, capitals
    /// A–Z, and the one two-byte character, CR LF, is neither a letter nor a dot, hyphen or space, as its bytes are not.
    static func asciiIsInitials(_ text: String) -> Bool? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var letters = 0
            var hasDot = false
            for b in bytes {
                if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") {
                    letters += 1
                } else if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") {
                    return false  // a lowercase letter: not all capitals
                } else if b == UInt8(ascii: ".") {
                    hasDot = true
                } else if b != UInt8(ascii: "-") && b != UInt8(ascii: " ") {
                    return false
                }
            }
            return letters >= 1 && letters <= 4 && (letters == 1 || hasDot)
        } ?? nil
    }

    /// `isInitials` for any text, character by character.
    static func isInitialsByCharacters(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        guard !letters.isEmpty, letters.count <= 4, letters.allSatisfy(\.isUppercase) else { return false }
        guard letters.count == 1 || text.contains(".") else { return false }  // `IBM` is a name, `K.R.` initials
        return text.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || $0 == " " }
    }
}
