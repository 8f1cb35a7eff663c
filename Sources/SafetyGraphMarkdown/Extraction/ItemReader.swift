import SafetyGraphCore

// MARK: - ItemReader

/// Reads the fields of one list item from its own inline tokens.
///
/// The formats it understands (all seen in real lists):
/// - `[Title](url) - description`, `[Title](url): description`, `[Title](url) > description`, `[Title](url) @ Org`
/// - `(Name et al., 2020) [Title](url)`, `(Org, 2023) [Title](url) with Person and Person`, `(ISTQB) [Title](url)`
/// - `"Title", 2023-07, Venue, \`tag\`, [[paper]](url) [[repo]](url)`
/// - `Title. [[paper]](url) [[code]](url)`, `Title ([Name et al., 2019](url))`
/// - `Surname, A. et al. (2023). **Title**. Venue. [Article](url) \`tag\``
/// - prose with a link inside: `A collection of [scary use cases](url), hoping …`
enum ItemReader {
    /// Link texts that name the kind of link rather than the resource (`[paper]`, `[Article]`, `here`).
    static let genericLinkWords: Set<String> = [
        "paper", "papers", "code", "repo", "repository", "github", "gitlab", "site", "page", "project", "project page",
        "website", "web", "link", "here", "this", "pdf", "slides", "video", "videos", "blog", "blog post", "article",
        "book", "source", "dataset", "data", "demo", "note", "notes", "arxiv", "homepage", "talk", "poster", "doi",
        "url", "preprint", "benchmark", "visualization", "article and materials", "materials", "tweet", "thread",
        "official", "openreview", "proceedings", "supplementary", "documentation", "docs", "read more", "more",
        "report", "full text", "abstract", "leaderboard", "press", "news", "podcast", "model", "models", "checkpoint",
    ]

    static func read(_ tokens: [InlineToken], authorCitationKind: Bool) -> EntryFields? {
        guard let mainIndex = tokens.firstIndex(where: { $0.link?.isEntryLink == true }),
              let main = tokens[mainIndex].link else { return nil }
        var fields = EntryFields()
        fields.setMainLink(main)
        for case .link(let link) in tokens where link.isEntryLink { fields.addOtherURL(link.url, normalized: link.normalizedURL) }

        // The text before the main link: leading emoji, then a citation `( … )`, then whatever remains.
        let preTokens = Array(tokens[..<mainIndex])
        let (rest, leadCitation) = splittingLeadCitation(InlineToken.plainText(preTokens))
        let quoted = quotedTitle(rest)
        let tagIndices = keywordIndices(tokens, mainIndex: mainIndex, includeBefore: quoted != nil)
        for index in tagIndices.sorted() { if case .code(let tag) = tokens[index] { fields.addKeyword(tag) } }
        let preHasProse = rest.contains { $0.isLetter || $0.isNumber }

        var meta = ""
        var proseBefore = false
        if let quoted {
            fields.title = quoted.title
            meta = readQuotedMeta(
                InlineToken.plainText(preTokens.indices.filter { !tagIndices.contains($0) }.map { preTokens[$0] }),
                into: &fields)
        } else if isGeneric(main.text, preHasProse: preHasProse) {
            meta = readTitleBeforeGenericLink(preTokens, rest: rest, tagIndices: tagIndices, into: &fields)
            if preHasProse, fields.authors.isEmpty, fields.year == nil, isCitationLike(main.text),
               var citation = Citation.parseLead(main.text) {
                citation.namesArePeople = true  // a citation written as the link text names the authors
                fields.apply(citation, authorCitationKind: authorCitationKind)
            }
            if fields.title.isEmpty, !isBracketed(main.text) { fields.title = main.text }
        } else {
            fields.title = main.text
            proseBefore = preHasProse
        }
        fields.title = cleanTitle(fields.title)

        var post = postText(tokens, after: mainIndex, skipping: tagIndices)
        let namedPeople = readTrailingAttribution(&post, into: &fields)
        if var leadCitation {
            leadCitation.isOrganizationOnly = namedPeople
            fields.apply(leadCitation, authorCitationKind: authorCitationKind)
        }
        if proseBefore {
            // The link sits inside a sentence: the whole sentence describes the entry.
            let kept = tokens.indices.filter { index in
                if tagIndices.contains(index) { return false }
                if index != mainIndex, let link = tokens[index].link, isDescriptionNoise(link.text) { return false }
                return true
            }
            fields.descriptionParts.append(splittingLeadCitation(InlineToken.plainText(kept.map { tokens[$0] })).rest)
        } else {
            fields.descriptionParts.reserveCapacity(fields.descriptionParts.count + 2)  // one allocation, not two
            fields.descriptionParts.append(meta)
            fields.descriptionParts.append(post)
        }
        return fields
    }

    // MARK: - Keywords

    /// Code spans that are tags: after the main link (or after a quoted title), and standing apart from prose on at
    /// least one side (`\`NIST\``, `, \`multi-modal\`,`), unlike `a wrapper for \`numpy\` arrays`.
    static func keywordIndices(_ tokens: [InlineToken], mainIndex: Int, includeBefore: Bool) -> Set<Int> {
        var result: Set<Int> = []
        for (index, token) in tokens.enumerated() {
            guard case .code(let text) = token, index > mainIndex || includeBefore else { continue }
            guard !text.trimmingWhitespace().isEmpty, text.count <= 60 else { continue }
            if isApart(tokens, from: index, step: -1) || isApart(tokens, from: index, step: 1) { result.insert(index) }
        }
        return result
    }

    /// Whether only whitespace and list punctuation lie between `index` and the next non-text token (or the end).
    private static func isApart(_ tokens: [InlineToken], from index: Int, step: Int) -> Bool {
        var j = index + step
        while j >= 0, j < tokens.count {
            switch tokens[j] {
            case .text(let text):
                if !text.allSatisfy({ $0.isWhitespace || ",;|()".contains($0) }) { return false }
            case .space, .html:
                break
            default:
                return true
            }
            j += step
        }
        return true
    }

    // MARK: - After the link

    /// The text after the main link, without tags and without generic secondary link texts (`[code]`, `2025`).
    private static func postText(_ tokens: [InlineToken], after mainIndex: Int, skipping tags: Set<Int>) -> String {
        // The kept tokens' text appended in place (`InlineToken.plainText` without an array of the tokens).
        var joined = ""
        for index in (mainIndex + 1)..<tokens.count where !tags.contains(index) {
            if case .link(let link) = tokens[index], isDescriptionNoise(link.text) { continue }
            tokens[index].appendPlainText(to: &joined)
        }
        return TextNormalizer.collapsedDroppingLeadingSeparators(joined, extra: ")")
    }

    /// `@ MIT` → organisation; `with Lucas García and Martin Becker` → authors. Consumed text is removed.
    /// Returns whether people were named this way.
    private static func readTrailingAttribution(_ post: inout String, into fields: inout EntryFields) -> Bool {
        if post.hasPrefix("@") {
            // `@ MIT` alone, or `@ MIT - description`: the organisation ends at the first dash separator.
            var body = Substring(post.dropFirst())
            var rest = ""
            if let dash = [" - ", " – ", " — "].compactMap({ body.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
                rest = String(body[dash.upperBound...])
                body = body[..<dash.lowerBound]
            }
            let org = TextNormalizer.trimmingSeparators(String(body))
            if !org.isEmpty, org.count <= 120 {
                if fields.organization == nil { fields.organization = org }
                post = rest.trimmingWhitespace()
            }
            return false
        }
        if let speakers = trailingSpeakers(post) {
            // `description (with Lucas García).`: the speakers close the description.
            fields.authors.append(contentsOf: speakers.names.filter { !fields.authors.contains($0) })
            post = speakers.rest
            return true
        }
        guard post.lowercasedHasPrefix("with ") else { return false }
        let names = Citation.splitNames(String(post.dropFirst(5)).replacingText(" & ", with: ", "))
        guard !names.isEmpty, names.allSatisfy(NameHeuristics.looksLikePersonName) else { return false }
        fields.authors.append(contentsOf: names.filter { !fields.authors.contains($0) })
        post = ""
        return true
    }

    /// `… (with A and B).` at the end of a description: the names, and the description without them.
    static func trailingSpeakers(_ text: String) -> (names: [String], rest: String)? {
        endsWithoutParenthesis(text) ? nil : trailingSpeakersInFull(text)
    }

    /// `trailingSpeakers` without the look at the last bytes first.
    static func trailingSpeakersInFull(_ text: String) -> (names: [String], rest: String)? {
        var body = Substring(text.trimmingWhitespace())
        // (`dropLast()` on a substring counted it whole; the index before its end is the same cut.)
        if body.hasASCIISuffix(".") { body = body[..<body.index(before: body.endIndex)] }
        guard body.hasASCIISuffix(")"), let open = body.lastRangeOfText(" (with ") else { return nil }
        let inside = body[open.upperBound..<body.index(before: body.endIndex)]
        let names = Citation.splitNames(String(inside).replacingText(" & ", with: ", "))
        guard !names.isEmpty, names.allSatisfy(NameHeuristics.looksLikePersonName) else { return nil }
        return (names, String(body[..<open.lowerBound]) + ".")
    }

    /// Whether `trailingSpeakers` can tell from the last bytes that `text` ends neither in `)` nor in `).`: a last
    /// byte (or, after a last `.`, the byte before it) that is visible ASCII and not `)` is not trimmed as
    /// whitespace, is a character of its own (no ASCII scalar joins a following one), and ends the text once the
    /// `.` is dropped. Most descriptions end so; no string is made for them.
    static func endsWithoutParenthesis(_ text: String) -> Bool {
        let bytes = text.utf8
        guard var i = bytes.indices.last else { return true }
        if bytes[i] == UInt8(ascii: ".") {
            guard i > bytes.startIndex else { return true }
            i = bytes.index(before: i)
        }
        return bytes[i] > 0x20 && bytes[i] < 0x7F && bytes[i] != UInt8(ascii: ")")
    }

    /// A secondary link whose text says nothing about the entry (`[code]`, `here`): left out of the description.
    static func isDescriptionNoise(_ text: String) -> Bool {
        let word = TextNormalizer.trimmingSeparators(text.lowercased(), extra: "[]().!")
        return isBracketed(text) || word.isEmpty || genericLinkWords.contains(word)
    }

    /// Leading emoji dropped, then a leading `( … )` citation split off when it reads as one.
    static func splittingLeadCitation(_ text: String) -> (rest: String, citation: Citation?) {
        let rest = TextNormalizer.droppingLeadingEmoji(text)
        guard rest.hasPrefix("("), let close = matchingParenthesis(in: rest),
              let citation = Citation.parse(String(rest[rest.index(after: rest.startIndex)..<close])) else {
            return (rest, nil)
        }
        return (String(rest[rest.index(after: close)...]).trimmingWhitespace(), citation)
    }

    // MARK: - Helpers

    /// The index of the `)` that closes the `(` at the start of `text`.
    static func matchingParenthesis(in text: String) -> String.Index? {
        if let known = asciiMatchingParenthesis(in: text) { return known }
        return matchingParenthesisByCharacters(in: text)
    }

    /// `matchingParenthesisByCharacters` on the bytes of ASCII text (outer nil for other text), where every
    /// parenthesis is a character of its own.
    static func asciiMatchingParenthesis(in text: String) -> String.Index?? {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var depth = 0
            for i in 0..<bytes.count {
                if bytes[i] == UInt8(ascii: "(") { depth += 1 }
                if bytes[i] == UInt8(ascii: ")") {
                    depth -= 1
                    if depth == 0 { return .some(i) }
                }
            }
            return .some(nil)
        }
        guard let decided = found ?? nil else { return nil }
        return .some(decided.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) })
    }

    /// `matchingParenthesis` for any text, character by character.
    static func matchingParenthesisByCharacters(in text: String) -> String.Index? {
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "(" { depth += 1 }
            if text[index] == ")" {
                depth -= 1
                if depth == 0 { return index }
            }
            index = text.index(after: index)
        }
        return nil
    }
}
