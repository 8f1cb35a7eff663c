import Foundation
import Testing
@testable import SafetyGraphMarkdown

/// The byte shortcuts of the entry readers give what their character paths give: emoji removal, the first colon of
/// a sub-item's text, and the person-name test, on corpus text and on text built to sit where characters and bytes
/// part (combining marks, prepended scalars, CR LF, non-ASCII letters and emoji).
@Suite struct ExtractionFastPathTests {
    /// Corpus lines and their comma-separated pieces (what the name test is asked about), a sample of each file.
    static let corpusPieces: [String] = {
        var pieces: [String] = []
        for name in Corpus.files {
            guard let text = try? String(contentsOfFile: Corpus.path(name), encoding: .utf8) else { continue }
            for (index, line) in text.split(separator: "\n").enumerated() where index % 3 == 0 {
                pieces.append(String(line))
                for piece in line.split(separator: ",") { pieces.append(piece.trimmingWhitespace()) }
            }
        }
        return pieces
    }()

    /// Short texts from pieces that matter to the three paths, every pair and triple of them.
    static let builtTexts: [String] = {
        let parts = ["", "a", "Ann", "van", "De", "O'Neil", "Smith-Jones", "J.", " ", "  ", ",", ":", "\u{301}", "\u{0600}",
            "\r\n", "\r", "\n", "\t", "é", "Émile", "😀", "\u{FE0F}", "\u{200D}", "x:y", "Key Words", "tags", "©", "’", "ß"]
        var texts: [String] = []
        for a in parts { for b in parts { texts.append(a + b); for c in ["", " ", ":", "Lee"] { texts.append(a + b + c) } } }
        texts.append(String(repeating: "Ann ", count: 7))
        texts.append(String(repeating: "A", count: 81))
        texts.append(String(repeating: "A", count: 80))
        texts.append("Ann\r\nLee " + String(repeating: "B", count: 80))
        return texts
    }()

    @Test func removingEmojiShortcutAgreesWithTheScalarPath() throws {
        try #require(!Self.corpusPieces.isEmpty, "the corpora in ../shared/corpora are needed")
        for text in Self.builtTexts + Self.corpusPieces {
            #expect(TextNormalizer.removingEmoji(text) == TextNormalizer.removingEmojiByScalars(text), "\(text.debugDescription)")
        }
    }

    @Test func firstASCIIIndexAgreesWithTheCharacterSearch() throws {
        try #require(!Self.corpusPieces.isEmpty, "the corpora in ../shared/corpora are needed")
        var texts = Self.builtTexts + Self.corpusPieces
        texts += ["\u{0600}:", ":\u{301}", "a:\u{301}:", "\r\n:", ":\r\n", "::", "é:", "a\u{200D}:b", ":"]
        // Colons after non-ASCII text, where the search looks only at colon bytes: prepended scalars, marks, joiners,
        // regional indicators and emoji sequences next to them, several colons, none.
        for before in ["é", "\u{0600}", "\u{0600}\u{0600}", "😀", "👩\u{200D}", "🇫🇷", "🇫", "\u{1100}", "\r", "e\u{301}", "Ω"] {
            for colon in [":", ":\u{301}", ":\u{200D}", ":\u{FE0F}", "\u{0600}:", ":\u{0600}", "::", ":\u{301}:", "", "\u{037E}"] {
                for after in ["", "x", "\u{301}", "é:"] { texts.append(before + colon + after) }
            }
        }
        for text in texts {
            for scalar: Unicode.Scalar in [":", ";", "a", " ", "\t"] {
                #expect(text.firstIndex(ofASCII: scalar) == text.firstIndex(of: Character(scalar)), "\(text.debugDescription)")
            }
        }
    }

    /// The colon search relies on this: no character other than U+003A alone is equal to `:`.
    @Test func onlyTheColonScalarIsAColon() {
        var others: [UInt32] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if Character(scalar) == ":" || String(scalar) + "\u{301}" == ":\u{301}" { others.append(value) }
        }
        #expect(others.isEmpty)
    }

    @Test func personNameShortcutAgreesWithTheCharacterPath() throws {
        try #require(!Self.corpusPieces.isEmpty, "the corpora in ../shared/corpora are needed")
        let decided = fastPathDecisions(
            on: Self.builtTexts + Self.corpusPieces, fast: NameHeuristics.asciiLooksLikePersonName,
            reference: NameHeuristics.looksLikePersonNameByCharacters, combined: NameHeuristics.looksLikePersonName)
        #expect(decided > 1_000)
        #expect(NameHeuristics.looksLikePersonName("Martin van Waerebeke"))
        #expect(!NameHeuristics.looksLikePersonName("the quick brown fox"))
    }

    @Test func authorListShortcutAgreesWithTheCharacterPath() throws {
        try #require(!Self.corpusPieces.isEmpty, "the corpora in ../shared/corpora are needed")
        var lists = Self.builtTexts + Self.corpusPieces
        lists += ["Ann Lee, Bob Smith", "Ann Lee,, Bob Smith,", ",", " , ", "Ann Lee, the end", "Ann, Bob\r\n, Cy",
            "Ann Lee, Bob Smith, Cy Young, Di Lu, Ed Ng, Flo Ro, Gus Po", "Émile Zola, Ann Lee", "Ann Lee,\u{301} Bob"]
        let decided = fastPathDecisions(
            on: lists, fast: NameHeuristics.asciiPersonNames, reference: NameHeuristics.personNamesByCharacters)
        #expect(decided > 1_000)
        #expect(NameHeuristics.authorNames("Leonel Aguilar, Jan Nagler and Nino Antulov-Fantulin.") == [
            "Leonel Aguilar", "Jan Nagler", "Nino Antulov-Fantulin",
        ])
    }

    @Test func lastRangeOnBytesAgreesWithFoundation() throws {
        try #require(!Self.corpusPieces.isEmpty, "the corpora in ../shared/corpora are needed")
        var texts = Self.builtTexts + Self.corpusPieces
        texts += ["Talk (with Ann Lee)", "a (with b) (with c)", " (with ", " (with", "x (WITH y)", "(with (with ",
            "é (with Ann)", "a (with\u{301} b)", "a \u{301}(with b)", "\r\n (with \r\n", "(with )"]
        for text in texts {
            for drop in [0, 1, 3] where drop <= text.count {
                let body = text.dropFirst(drop)
                #expect(body.lastRangeOfText(" (with ") == body.range(of: " (with ", options: .backwards), "\(text.debugDescription)")
            }
        }
    }

    @Test func yearOnBytesAgreesWithTheCharacterPath() throws {
        try #require(!Self.corpusPieces.isEmpty, "the corpora in ../shared/corpora are needed")
        var texts = Self.builtTexts + Self.corpusPieces
        texts += ["2024", "a2024", "(2024)", "12024", "20245", "1899 1900", "2100", "2101 2023", "x 2023a", "\r\n2023",
            "2023\u{301}", "é2023", "Smith, J. 2020. Title", "99 2000", "2020-2021", "ab1999", "A. 1950", ""]
        var decided = 0
        for text in texts {
            let character = Citation.firstYearByCharacters(in: text)
            if let fast = Citation.asciiFirstYear(in: text) {
                #expect(fast?.0 == character?.0 && fast?.1 == character?.1, "\(text.debugDescription)")
                decided += 1
            }
            let both = Citation.firstYear(in: text)
            #expect(both?.0 == character?.0 && both?.1 == character?.1, "\(text.debugDescription)")
        }
        #expect(decided > 1_000)
    }

    /// `visibleTextByCharacters` as it was before it appended text a run at a time: a character at a time.
    static func referenceVisibleText(ofHTML html: String, droppingSummary: Bool) -> String {
        var out = ""
        var index = html.startIndex
        var inSummary = false
        while index < html.endIndex {
            let char = html[index]
            if char == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close].lowercased()
                if tag.hasPrefix("summary") { inSummary = droppingSummary }
                if tag.hasPrefix("/summary") { inSummary = false }
                if tag.hasPrefix("br") || tag.hasPrefix("p") || tag.hasPrefix("/p") || tag.hasPrefix("td") { out += " " }
                index = html.index(after: close)
                continue
            }
            if !inSummary { out.append(char) }
            index = html.index(after: index)
        }
        return TextNormalizer.collapseWhitespace(TextNormalizer.decodingEntities(out))
    }

    @Test func visibleTextInRunsAgreesWithTheCharacterAtATimeReading() {
        let pieces = ["a", "é", "<", ">", "<b>", "</B>", "<BR/>", "<p>", "<summary>", "</SUMMARY>", "<summ", "&amp;",
            "&nbsp;", " ", "\r\n", "<\u{301}", ">\u{301}", "<b\u{301}>", "😀", "\u{0600}<", "x y", ">>", "<<", "<ß>"]
        var compared = 0
        for text in concatenations(of: pieces, count: 3) {
            for dropping in [false, true] {
                #expect(
                    TextNormalizer.visibleTextByCharacters(ofHTML: text, droppingSummary: dropping)
                        == Self.referenceVisibleText(ofHTML: text, droppingSummary: dropping),
                    "\(text.debugDescription) \(dropping)")
                compared += 1
            }
        }
        #expect(compared == 2 * 24 * 24 * 24)
    }

    @Test func suffixOnBytesAgreesWithHasSuffix() throws {
        try #require(!Self.corpusPieces.isEmpty, "the corpora in ../shared/corpora are needed")
        var texts = Self.builtTexts + Self.corpusPieces
        texts += [".", ")", "a.", "a)", "\u{0600}.", "\u{0600})", "é.", ".\u{301}", "\r\n.", "..", "(with A).", "x\u{200D}."]
        for text in texts {
            for drop in [0, 1] where drop <= text.count {
                let body = text.dropFirst(drop)
                for scalar: Unicode.Scalar in [".", ")", "a"] {
                    #expect(body.hasASCIISuffix(scalar) == body.hasSuffix(String(scalar)), "\(text.debugDescription)")
                }
            }
        }
    }

    /// `cleanTitle` as it was before it looked at the first byte: every quote pair tried on every title.
    static func referenceCleanTitle(_ raw: String) -> String {
        var title = TextNormalizer.trimmingEmoji(raw)
        if title.isEmpty { title = TextNormalizer.collapseWhitespace(raw) }
        for (open, close) in [("\"", "\""), ("“", "”"), ("'", "'")]
        where title.hasPrefix(open) && title.hasSuffix(close) && title.count >= 2 {
            title = String(title.dropFirst().dropLast()).trimmingWhitespace()
        }
        return title
    }

    @Test func cleanTitleShortcutAgreesWithTheFullReading() throws {
        try #require(!Self.corpusPieces.isEmpty, "the corpora in ../shared/corpora are needed")
        var texts = Self.builtTexts + Self.corpusPieces
        for inner in ["", "a", "Title", " T ", "\"", "'", "“x”"] {
            for (open, close) in [("\"", "\""), ("“", "”"), ("'", "'"), ("\"\u{301}", "\""), ("😀 \"", "\""), ("“", "\"")] {
                texts.append(open + inner + close)
                texts.append("'" + open + inner + close + "'")
            }
        }
        for text in texts {
            #expect(ItemReader.cleanTitle(text) == Self.referenceCleanTitle(text), "\(text.debugDescription)")
        }
    }

    @Test func parenthesisOnBytesAgreesWithTheCharacterPath() throws {
        try #require(!Self.corpusPieces.isEmpty, "the corpora in ../shared/corpora are needed")
        var texts = Self.builtTexts + Self.corpusPieces
        texts += ["()", "(a)", "((a) b) c", "(a", ")(", "(a))", "(\u{301}a)", "(a)\u{301}", "(é)", "\u{0600}(a)", "(\r\n)", ""]
        let decided = fastPathDecisions(
            on: texts, fast: { ItemReader.asciiMatchingParenthesis(in: $0) },
            reference: { ItemReader.matchingParenthesisByCharacters(in: $0) },
            combined: { ItemReader.matchingParenthesis(in: $0) })
        #expect(decided > 1_000)
    }

    /// `trailingSpeakers` as it was before it cut the final dot with an index and tested endings on bytes.
    static func referenceTrailingSpeakers(_ text: String) -> (names: [String], rest: String)? {
        var body = Substring(text.trimmingWhitespace())
        if body.hasSuffix(".") { body = body.dropLast() }
        guard body.hasSuffix(")"), let open = body.range(of: " (with ", options: .backwards) else { return nil }
        let inside = body[open.upperBound..<body.index(before: body.endIndex)]
        let names = Citation.splitNames(String(inside).replacingText(" & ", with: ", "))
        guard !names.isEmpty, names.allSatisfy(NameHeuristics.looksLikePersonName) else { return nil }
        return (names, String(body[..<open.lowerBound]) + ".")
    }

    @Test func trailingSpeakersAgreesWithThePreviousReading() throws {
        try #require(!Self.corpusPieces.isEmpty, "the corpora in ../shared/corpora are needed")
        var texts = Self.builtTexts + Self.corpusPieces
        for ending in ["", ".", "..", " .", ".\u{301}", "\u{0600}.", "é."] {
            for body in ["Talk (with Ann Lee)", "Talk (with Ann Lee & Bob Smith)", "Talk (with the team)", "(with Ann)",
                "Talk (with Ann Lee) (with Bob Smith)", "Talk (with Émile Zola)", "Talk (with Ann Lee\u{301})"] {
                texts.append(body + ending)
            }
        }
        for text in texts {
            let now = ItemReader.trailingSpeakers(text)
            let before = Self.referenceTrailingSpeakers(text)
            #expect(now?.names == before?.names && now?.rest == before?.rest, "\(text.debugDescription)")
        }
    }

    /// Texts where the citation helpers' bytes and characters could part: years, initials, commas, next to CR LF,
    /// combining marks, prepended scalars, emoji, non-ASCII letters and digits, controls and whitespace.
    static let citationTexts: [String] = {
        let parts = ["", " ", "\t", "\r\n", "\r", "\n", "\u{0B}", "\u{1F}", "\u{0}", ",", ", ", ".", "-", "&", "2024", "2024a",
            "1899", "2101", "202", "20245", "A.", "K.R.", "H.-H.", "IBM", "S", "ab", "\u{301}", "\u{0600}", "é", "É", "😀",
            "\u{FE0F}", "\u{00A0}", "٢٠٢٤", "Ⅻ", "ǅ", "Smith", " et al."]
        var texts: [String] = []
        for a in parts { for b in parts { texts.append(a + b); for c in ["", ",", " 2020", "A.", "\u{301}"] { texts.append(a + b + c) } } }
        return texts
    }()

    @Test func citationHelpersOnBytesAgreeWithTheCharacterPaths() throws {
        try #require(!Self.corpusPieces.isEmpty, "the corpora in ../shared/corpora are needed")
        var randomTexts: [String] = []
        var generator = SplitMix64(seed: 7)
        let alphabet = Array(" ,.-&aAzZ09\t\r\n\u{0}\u{7F}é\u{301}\u{0600}😀2024K.R.")
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 12)
            randomTexts.append(String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
        }
        var decided = (year: 0, initials: 0)
        for text in Self.citationTexts + Self.builtTexts + Self.corpusPieces + randomTexts {
            let year = Citation.yearValueByCharacters(text)
            if let fast = Citation.asciiYearValue(text) {
                #expect(fast == year, "\(text.debugDescription)")
                decided.year += 1
            }
            #expect(Citation.yearValue(text) == year, "\(text.debugDescription)")
            let initials = Citation.isInitialsByCharacters(text)
            if let fast = Citation.asciiIsInitials(text) {
                #expect(fast == initials, "\(text.debugDescription)")
                decided.initials += 1
            }
            #expect(Citation.isInitials(text) == initials, "\(text.debugDescription)")
            #expect(Citation.commaPieces(text) == text.split(separator: ",").map { $0.trimmingWhitespace() },
                "\(text.debugDescription)")
        }
        #expect(decided.year > 1_000 && decided.initials > 1_000)
        #expect(Citation.yearValue(" 2024a ") == 2024 && Citation.yearValue("2101") == nil)
        #expect(Citation.isInitials("K.R.") && Citation.isInitials("S") && !Citation.isInitials("IBM"))
    }

    @Test func genericLinkTestOnBytesAgreesWithTheCharacterPath() throws {
        try #require(!Self.corpusPieces.isEmpty, "the corpora in ../shared/corpora are needed")
        var texts = Self.citationTexts + Self.builtTexts + Self.corpusPieces
        for word in ItemReader.genericLinkWords {
            for form in [word, word.uppercased(), "[\(word)]", "(\(word)).", " - \(word)! ", "\(word)s", "\(word)\u{301}",
                "\r\n\(word)\r\n", "\u{00A0}\(word)", "[\(word)", "\(word)]", "–\(word)"] {
                texts.append(form)
            }
        }
        texts += ["[", "]", "[]", "[x]", " [x] ", "http://x", "HTTPS://X", "www.", "WWW.a", "wwwx", "2024", "1, 2", "1,2 ",
            "12a", "Luss et al., 2019", "van Wynsberghe, A. 2021", "Title 2020", "(2020)", "٢٠٢٤", "1\r\n2", ".", "...", "-"]
        var generator = SplitMix64(seed: 3)
        let alphabet = Array(" [](),.!-:/|>;09aZpPdDfF\t\r\nw\u{301}é")
        for _ in 0..<5_000 {
            let length = Int(generator.next() % 10)
            texts.append(String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }))
        }
        var decided = 0
        for text in texts {
            let trimmed = text.trimmingWhitespace()
            for preHasProse in [false, true] {
                let character = ItemReader.isGenericByCharacters(trimmed, preHasProse: preHasProse)
                #expect(ItemReader.isGeneric(text, preHasProse: preHasProse) == character, "\(text.debugDescription)")
            }
            if let fast = ItemReader.asciiIsGeneric(trimmed) {
                #expect(fast == ItemReader.isGenericByCharacters(trimmed, preHasProse: false), "\(text.debugDescription)")
                decided += 1
            }
        }
        #expect(decided > 1_000)
    }

    /// A quoted title found from the first byte and on the bytes of ASCII text is the one the characters give:
    /// straight and curly quotes, combining marks and prepended scalars next to them, CR LF, empty titles.
    @Test func quotedTitleOnBytesAgreesWithTheCharacterPath() throws {
        try #require(!Self.corpusPieces.isEmpty, "the corpora in ../shared/corpora are needed")
        let pieces = ["\"", "“", "”", "a", " ", "\r\n", "\u{301}", "\u{0600}", "é", "–", ", 2023-07", "😀"]
        let texts = concatenations(of: pieces, count: 4) + Self.builtTexts + Self.corpusPieces
        func pair(_ found: (title: String, rest: String)?) -> [String]? { found.map { [$0.title, $0.rest] } }
        let decided = fastPathDecisions(
            on: texts, fast: { ItemReader.asciiQuotedTitle($0).map(pair) },
            reference: { pair(ItemReader.quotedTitleByCharacters($0)) }, combined: { pair(ItemReader.quotedTitle($0)) })
        #expect(decided > 10_000)
        #expect(texts.filter { (ItemReader.asciiQuotedTitle($0) ?? nil) != nil }.count > 10)  // titles found on bytes
    }

    /// Whether a link's text holds a non-whitespace character, answered from a visible ASCII first byte, is what
    /// its characters say: spaces, controls, CR LF, no-break and other Unicode spaces, combining marks after them.
    @Test func nonWhitespaceFromTheFirstByteAgreesWithTheCharacters() {
        var pieces = ["", "a", " ", "\t", "\r\n", "\u{A0}", "\u{2028}", "\u{3000}", "\u{301}", "\u{200B}", "é", "😀", "\u{1F}"]
        pieces += (0x00...0x7F).map { String(UnicodeScalar(UInt8($0))) }
        var compared = 0
        for text in concatenations(of: pieces, count: 2) + Self.builtTexts {
            #expect(InlineCollector.holdsNonWhitespace(text) == text.contains { !$0.isWhitespace }, "\(text.debugDescription)")
            compared += 1
        }
        #expect(compared > 20_000)
    }

    /// Emoji and whitespace trimmed by slicing the text's scalars give what copying them into an array did: emoji,
    /// joiners, skin tones, flags, keycaps and Unicode spaces at either end or both, inside kept.
    @Test func trimmingEmojiBySlicingAgreesWithTheScalarCopy() throws {
        try #require(!Self.corpusPieces.isEmpty, "the corpora in ../shared/corpora are needed")
        func reference(_ text: String) -> String {
            let scalars = Array(text.unicodeScalars)
            var start = 0
            var end = scalars.count
            func trimmed(_ s: Unicode.Scalar) -> Bool { TextNormalizer.isEmojiScalar(s) || s.properties.isWhitespace }
            while start < end, trimmed(scalars[start]) { start += 1 }
            while end > start, trimmed(scalars[end - 1]) { end -= 1 }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            return TextNormalizer.collapseWhitespace(String(view))
        }
        let pieces = ["", "a", "é", " ", "\u{A0}", "\u{3000}", "😀", "\u{FE0F}", "\u{200D}", "🏻", "🇫🇷", "1\u{20E3}", "©", "\u{301}", "\r\n"]
        var compared = 0
        for text in concatenations(of: pieces, count: 3) + Self.builtTexts + Self.corpusPieces {
            #expect(TextNormalizer.trimmingEmoji(text) == reference(text), "\(text.debugDescription)")
            compared += 1
        }
        #expect(compared > 3_000)
    }

    /// Texts that the last bytes show end in neither `)` nor `).` have no trailing speakers, whatever comes before:
    /// speakers, dots, spaces, marks and prepended scalars before the end, corpus lines.
    @Test func endingWithoutParenthesisMeansNoSpeakers() throws {
        try #require(!Self.corpusPieces.isEmpty, "the corpora in ../shared/corpora are needed")
        let pieces = ["", "a", ".", ")", " ", " (with Ann Lee", " (with Ann Lee)", "\u{301}", "\u{0600}", "é", "\r\n", "\t", "\u{A0}"]
        var decided = 0
        for text in concatenations(of: pieces, count: 4) + Self.corpusPieces where ItemReader.endsWithoutParenthesis(text) {
            #expect(ItemReader.trailingSpeakersInFull(text) == nil, "\(text.debugDescription)")
            decided += 1
        }
        #expect(decided > 5_000)
        #expect(ItemReader.trailingSpeakers("Talk (with Ann Lee).")?.names == ["Ann Lee"])
    }

    /// The entry-link answer kept with a link token follows its text and `imageOnly` when they change.
    @Test func keptEntryLinkAnswerFollowsTheToken() {
        var link = LinkToken(url: "https://example.org", text: "Paper", imageOnly: false, line: 1, column: 1)
        #expect(link.isEntryLink)
        for text in ["Back to top", "⬆ back TO Top", "Paper", "", "é back to top", "Paper"] {
            link.text = text
            #expect(link.isEntryLink == LinkToken.isEntryLink(text: text, imageOnly: link.imageOnly, normalizedURL: link.normalizedURL))
        }
        link.imageOnly = true
        #expect(!link.isEntryLink)
        link.imageOnly = false
        #expect(link.isEntryLink)
        link.text = "back to top"
        #expect(!link.isEntryLink)
        #expect(!LinkToken(url: "javascript:x", text: "Paper", imageOnly: false, line: 1, column: 1).isEntryLink)
    }
}
