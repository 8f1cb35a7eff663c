import SafetyGraphCore

/// The title side of an item: cleaning a title, telling generic link texts and citations from titles, quoted titles
/// with their metadata, years, and titles written before a generic link.
extension ItemReader {

    /// A title as stored: backticks already gone (code spans are plain text), emoji at the ends and the
    /// surrounding quotes removed, whitespace collapsed.
    static func cleanTitle(_ raw: String) -> String {
        var title = TextNormalizer.trimmingEmoji(raw)
        // A title that is nothing but emoji is still the only name the author gave: keep it rather than the entry.
        if title.isEmpty { title = TextNormalizer.collapseWhitespace(raw) }
        // Only a title whose first byte starts one of the quotes can have one in front (`“` is E2 80 9C).
        guard let first = title.utf8.first, first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") || first == 0xE2
        else { return title }
        for (open, close) in [("\"", "\""), ("“", "”"), ("'", "'")]
        where title.hasPrefix(open) && title.hasSuffix(close) && title.count >= 2 {
            title = String(title.dropFirst().dropLast()).trimmingWhitespace()
        }
        return title
    }

    static func isBracketed(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace()
        // The ends first: counting characters walks the whole text, and most link texts are not bracketed.
        return trimmed.hasPrefix("[") && trimmed.hasSuffix("]") && trimmed.count >= 2
    }

    /// Whether a link's text names the link's kind (`[paper]`, `Article`, `here`, a bare URL, a year) rather than
    /// the resource; then the title is looked for elsewhere in the item.
    static func isGeneric(_ text: String, preHasProse: Bool) -> Bool {
        let trimmed = text.trimmingWhitespace()
        if let known = asciiIsGeneric(trimmed) { return known || (preHasProse && isCitationLike(trimmed)) }
        return isGenericByCharacters(trimmed, preHasProse: preHasProse)
    }

    /// The longest of `genericLinkWords`, in bytes: a longer word is not one of them.
    private static let longestGenericLinkWord = genericLinkWords.map(\.utf8.count).max() ?? 0

    /// The part of `isGenericByCharacters` before the citation test, on the bytes of ASCII text (nil for other text),
    /// where the text is `trimmingWhitespace()` already. There every character is one byte (the one two-byte
    /// character, CR LF, is whitespace, trimmed like its bytes, and neither a digit nor any of the bytes compared),
    /// lowercasing is A–Z only and changes no trimmed byte, and the trimmed bytes are `trimmingSeparators`' own; so
    /// the word is found without lowercasing or copying the text, and made a string only when it is short enough
    /// to be one of `genericLinkWords`.
    static func asciiIsGeneric(_ trimmed: String) -> Bool? {
        trimmed.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            if bytes.isEmpty || (bytes.count >= 2 && bytes[0] == UInt8(ascii: "[") && bytes[bytes.count - 1] == UInt8(ascii: "]")) {
                return true
            }
            func isTrimmed(_ b: UInt8) -> Bool {
                switch b {
                case 0x09...0x0D, 0x20, UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: ">"), UInt8(ascii: ","),
                    UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"),
                    UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."), UInt8(ascii: "!"):
                    return true
                default:
                    return false
                }
            }
            var lower = 0
            var upper = bytes.count
            while lower < upper, isTrimmed(bytes[lower]) { lower += 1 }
            while upper > lower, isTrimmed(bytes[upper - 1]) { upper -= 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[lower..<upper])
            if word.count <= longestGenericLinkWord, genericLinkWords.contains(asciiLowercasedString(word)) {
                return true
            }
            func starts(_ prefix: StaticString) -> Bool {
                prefix.withUTF8Buffer { p in p.count <= word.count && p.indices.allSatisfy { asciiLowercased(word[$0]) == p[$0] } }
            }
            if starts("http://") || starts("https://") || starts("www.") { return true }
            return word.allSatisfy {
                ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ",")
            }
        } ?? nil
    }

    /// ASCII bytes with A–Z lowered, as a string: written into a buffer on the stack and made a string from it, not
    /// `String(decoding:)` of a lazy map (generic code, with dynamic casts, for every link of every item).
    static func asciiLowercasedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !bytes.isEmpty else { return "" }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out in
            for i in 0..<bytes.count { out[i] = asciiLowercased(bytes[i]) }
            return String(decoding: UnsafeBufferPointer(out), as: UTF8.self)
        }
    }

    /// `isGeneric` for any text (already `trimmingWhitespace()`), character by character.
    static func isGenericByCharacters(_ trimmed: String, preHasProse: Bool) -> Bool {
        if trimmed.isEmpty || isBracketed(trimmed) { return true }
        let word = TextNormalizer.trimmingSeparators(trimmed.lowercased(), extra: "[]().!")
        if genericLinkWords.contains(word) { return true }
        if word.hasASCIIPrefix("http://") || word.hasASCIIPrefix("https://") || word.hasASCIIPrefix("www.") { return true }
        if word.allSatisfy({ $0.isNumber || $0 == " " || $0 == "," }) { return true }
        return preHasProse && isCitationLike(trimmed)
    }

    /// `Luss et al., 2019`, `van Wynsberghe, A. 2021`: short, a comma or `et al.`, and a year.
    static func isCitationLike(_ text: String) -> Bool {
        guard text.count <= 100, Citation.firstYear(in: text) != nil else { return false }
        if text.isASCIIText {
            return text.asciiRange(of: ",") != nil || text.asciiRange(of: " et al", caseInsensitive: true) != nil
        }
        return text.contains(",") || text.lowercased().contains(" et al")
    }

    /// `"Title", 2023-07, …` (straight or curly quotes) at the start of `text`.
    static func quotedTitle(_ text: String) -> (title: String, rest: String)? {
        if let known = asciiQuotedTitle(text) { return known }
        return quotedTitleByCharacters(text)
    }

    /// `quotedTitleByCharacters` from the first byte and on the bytes of ASCII text (outer nil otherwise). A first
    /// character that is a quote starts with the quote's bytes (`"` is 22, `“` is E2 80 9C; no other scalar is
    /// canonically equivalent to either), so any text starting with another byte has none: most texts before a
    /// link, answered without making a character. In ASCII every character is one byte (CR LF, the one two-byte
    /// character, holds no quote) and no curly quote occurs, so the closing quote is the next `"` byte.
    static func asciiQuotedTitle(_ text: String) -> (title: String, rest: String)?? {
        let utf8 = text.utf8
        guard let first = utf8.first else { return .some(nil) }
        guard first == UInt8(ascii: "\"") || first == 0xE2 else { return .some(nil) }
        guard first == UInt8(ascii: "\""), text.isASCIIText else { return nil }
        let open = utf8.index(after: utf8.startIndex)
        guard let close = utf8[open...].firstIndex(of: UInt8(ascii: "\"")) else { return .some(nil) }
        let title = text[open..<close].trimmingWhitespace()
        guard !title.isEmpty else { return .some(nil) }
        return .some((title, String(text[utf8.index(after: close)...])))
    }

    /// `quotedTitle` for any text, character by character.
    static func quotedTitleByCharacters(_ text: String) -> (title: String, rest: String)? {
        guard let first = text.first, first == "\"" || first == "“" else { return nil }
        let body = text.dropFirst()
        guard let close = body.firstIndex(where: { $0 == "\"" || $0 == "”" }) else { return nil }
        let title = body[..<close].trimmingWhitespace()
        guard !title.isEmpty else { return nil }
        return (title, String(body[body.index(after: close)...]))
    }

    /// For a quoted-title item: takes the `2023-07` date as the year and returns the rest (venue…) as text.
    static func readQuotedMeta(_ preText: String, into fields: inout EntryFields) -> String {
        let rest = quotedTitle(TextNormalizer.droppingLeadingEmoji(preText))?.rest ?? ""
        var kept: [String] = []
        for part in rest.split(separator: ",") {
            let piece = part.trimmingWhitespace()
            if piece.isEmpty { continue }
            if fields.year == nil, let year = dateYear(piece) {
                fields.year = year
                continue
            }
            kept.append(piece)
        }
        return kept.joined(separator: ", ")
    }

    /// `2023-07` or `2023-07-14` → 2023.
    static func dateYear(_ text: String) -> Int? {
        let pieces = text.split(separator: "-")
        guard (2...3).contains(pieces.count), pieces.dropFirst().allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) })
        else { return nil }
        return Citation.yearValue(String(pieces[0]))
    }

    /// When the main link's text is generic: the title is the bold text (APA items), else the title sentence of an
    /// APA lead, else the text before the link. Returns the remaining text that describes the entry.
    static func readTitleBeforeGenericLink(
        _ preTokens: [InlineToken], rest: String, tagIndices: Set<Int>, into fields: inout EntryFields
    ) -> String {
        if let strongIndex = preTokens.firstIndex(where: { if case .strong = $0 { true } else { false } }),
           case .strong(let bold) = preTokens[strongIndex], !TextNormalizer.trimmingSeparators(bold).isEmpty {
            fields.title = TextNormalizer.trimmingSeparators(bold, extra: ".")
            let lead = InlineToken.plainText(preTokens[..<strongIndex])
            if let citation = Citation.parseLead(lead) {
                if fields.authors.isEmpty, !citation.names.isEmpty { fields.authors = citation.names }
                if fields.year == nil { fields.year = citation.year }
            }
            let after = (strongIndex + 1)..<preTokens.count
            let meta = InlineToken.plainText(after.filter { !tagIndices.contains($0) }.map { preTokens[$0] })
            if fields.year == nil { fields.year = Citation.firstYear(in: meta)?.0 }
            return meta
        }
        if let apa = splitAPALead(rest) {
            if fields.authors.isEmpty { fields.authors = apa.citation.names }
            if fields.year == nil { fields.year = apa.citation.year }
            fields.title = apa.title
            return apa.meta
        }
        fields.title = TextNormalizer.trimmingSeparators(rest, extra: "(.")
        return ""
    }

    /// `Leveson, N. G. (2016). Engineering a safer world: Systems thinking. MIT press.` →
    /// authors and year, title `Engineering a safer world: Systems thinking`, meta `MIT press.`
    static func splitAPALead(_ text: String) -> (citation: Citation, title: String, meta: String)? {
        guard let (_, yearRange) = Citation.firstYear(in: text), yearRange.lowerBound > text.startIndex,
              text[text.index(before: yearRange.lowerBound)] == "(",
              let close = text[yearRange.upperBound...].firstIndex(of: ")") else { return nil }
        let lead = String(text[..<text.index(before: yearRange.lowerBound)])
        guard lead.contains(","), lead.count <= 300, var citation = Citation.parseLead(String(text[...close])) else {
            return nil
        }
        citation.namesArePeople = true
        var after = text[text.index(after: close)...].drop { $0 == "." || $0 == " " }
        var title = Substring(after)
        var meta = Substring("")
        if let stop = after.range(of: ". ") {
            title = after[..<stop.lowerBound]
            meta = after[stop.upperBound...]
        }
        after = title
        let cleaned = TextNormalizer.trimmingSeparators(String(after), extra: ".")
        guard !cleaned.isEmpty else { return nil }
        return (citation, cleaned, String(meta))
    }
}
