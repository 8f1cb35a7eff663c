import SafetyGraphCore

/// The visible text of HTML fragments (`<details>` digests inside items): tags dropped, entities decoded.
extension TextNormalizer {
    /// Visible text of an HTML fragment: tags removed, common entities decoded. With `droppingSummary`, the
    /// label inside `<summary>…</summary>` (e.g. "Digest", "Show Details") is dropped too.
    static func visibleText(ofHTML html: String, droppingSummary: Bool = false) -> String {
        visibleTextOnBytes(ofHTML: html, droppingSummary: droppingSummary)
            ?? visibleTextByCharacters(ofHTML: html, droppingSummary: droppingSummary)
    }

    /// `visibleText(ofHTML:)` for any text, a character at a time.
    static func visibleTextByCharacters(ofHTML html: String, droppingSummary: Bool) -> String {
        var out = ""
        var index = html.startIndex
        var inSummary = false
        // Text between tags is appended a run at a time (the characters from `runStart` up to the next tag), not
        // character by character; once a `<` has no `>` after it, no later `<` has one either.
        var runStart = index
        var closeSeen = true
        while index < html.endIndex {
            let char = html[index]
            if char == "<", closeSeen, let close = html[index...].firstIndex(of: ">") {
                if !inSummary { out += html[runStart..<index] }
                let tag = html[html.index(after: index)..<close].lowercased()
                if tag.hasPrefix("summary") { inSummary = droppingSummary }
                if tag.hasPrefix("/summary") { inSummary = false }
                if tag.hasPrefix("br") || tag.hasPrefix("p") || tag.hasPrefix("/p") || tag.hasPrefix("td") { out += " " }
                index = html.index(after: close)
                runStart = index
                continue
            }
            if char == "<" { closeSeen = false }
            index = html.index(after: index)
        }
        if !inSummary { out += html[runStart..<html.endIndex] }
        return collapseWhitespace(decodingEntities(out))
    }

    /// `visibleText(ofHTML:)` on the bytes of the text, or nil where they might not say what its characters say.
    /// The character path acts on `<` and `>` characters only; a `<` or `>` byte is such a character when no
    /// neighbouring scalar joins it (a prepended scalar before it, a combining mark or joiner after it), which the
    /// neighbours, asked only when one is not ASCII, tell; else nil. Tag names are compared on their bytes with A–Z
    /// lowered: no other scalar lowercases to a letter of `summary`, `br`, `p` or `td` (only `İ` and `K` lower to
    /// ASCII), and a matched name followed in the tag by a non-ASCII scalar (which might join its last letter)
    /// gives nil. Once no `>` follows a `<`, none follows any later one either: the rest is text, without searching
    /// again from every `<`.
    static func visibleTextOnBytes(ofHTML html: String, droppingSummary: Bool) -> String? {
        var copy = html
        return copy.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var inSummary = false
            var closeSeen = true  // false once a `<` had no `>` after it
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "<") && closeSeen {
                    var close = i + 1
                    while close < bytes.count && bytes[close] != UInt8(ascii: ">") { close += 1 }
                    if close < bytes.count {
                        guard isCharacter(at: i, in: bytes), isCharacter(at: close, in: bytes) else { return nil }
                        let tag = UnsafeBufferPointer(rebasing: bytes[(i + 1)..<close])
                        var undecided = false
                        func starts(_ prefix: StaticString) -> Bool {
                            prefix.withUTF8Buffer { p in
                                guard p.count <= tag.count, p.indices.allSatisfy({ asciiLowercased(tag[$0]) == p[$0] })
                                else { return false }
                                if p.count < tag.count && tag[p.count] >= 0x80 { undecided = true }
                                return true
                            }
                        }
                        let summary = starts("summary"), endSummary = starts("/summary")
                        let space = starts("br") || starts("p") || starts("/p") || starts("td")
                        if undecided { return nil }
                        if summary { inSummary = droppingSummary }
                        if endSummary { inSummary = false }
                        if space { out.append(0x20) }
                        i = close + 1
                        continue
                    }
                    closeSeen = false
                }
                if !inSummary { out.append(bytes[i]) }
                i += 1
            }
            return collapseWhitespace(decodingEntities(String(decoding: out, as: UTF8.self)))
        }
    }

    /// Whether the ASCII byte at `index` is a character of its own: an ASCII scalar joins no ASCII neighbour but
    /// CR before LF, so only non-ASCII neighbours are asked, by counting the characters of the byte and its
    /// neighbouring scalars (grapheme breaks next to a `<` or `>` depend on the two scalars at the break alone).
    static func isCharacter(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let before = index > 0 && bytes[index - 1] >= 0x80
        let after = index + 1 < bytes.count && bytes[index + 1] >= 0x80
        if !before && !after { return true }
        var start = index
        if before {
            start -= 1
            while bytes[start] & 0xC0 == 0x80 { start -= 1 }  // valid UTF-8: a lead byte comes first
        }
        var end = index + 1
        if after {
            end += 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        }
        let window = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return window.count == 1 + (before ? 1 : 0) + (after ? 1 : 0)
    }

    /// Decodes the handful of HTML entities that occur in lists.
    static func decodingEntities(_ text: String) -> String {
        // (Foundation finds no entity then either.) A word-at-a-time byte search: digests are kilobytes long.
        guard text.containsASCII("&") else { return text }
        var result = text
        let entities: [(StaticString, StaticString)] = [
            ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"),
            ("&amp;", "&"),
        ]
        for (entity, value) in entities { result = result.replacingText(entity, with: value) }
        return result
    }
}
