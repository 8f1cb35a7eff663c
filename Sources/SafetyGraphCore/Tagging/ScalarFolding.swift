import Foundation

/// How the tokenizer treats one character of text.
enum ScalarKind: UInt8, Sendable {
    /// Part of a word (letters, digits, spacing marks); its folded bytes are appended to the token.
    case word
    /// Ignored inside a word (combining marks, format characters such as a soft hyphen or a zero-width joiner).
    case drop
    /// Whitespace or a hyphen: separates words, and the words on either side may also be read joined
    /// (`fine-tuning` = `fine tuning` = `finetuning`).
    case joinable
    /// Separates words; a multi-word label may span it but the words are never joined (`&`, `/`, symbols, emoji).
    case soft
    /// Ends a phrase: no label spans it (`,` `;` `:` `(` `)` quotes, line breaks).
    case hard
    /// `'` or `’`: dropped between two word characters (`model's` → `models`), a soft separator elsewhere.
    case apostrophe
    /// `.`: a soft separator (`U.S.`, `node.js`), but a hard one when it ends a sentence.
    case period
}

/// Letter case of a word character, for the case-sensitive matching of acronym labels.
enum ScalarCase: UInt8, Sendable {
    case none, upper, lower
}

/// Case- and diacritic-folding of Unicode scalars, with a precomputed table for the common non-ASCII range.
///
/// ASCII is handled inline by the tokenizer. Scalars U+0080–U+1FFF (Latin, Greek, Cyrillic, Latin Extended
/// Additional…) are folded once, at first use, through Foundation's case- and diacritic-insensitive folding,
/// plus a few letters Foundation leaves alone (`ø`, `ł`, `đ`, `æ`, `œ`). Beyond that range letters are only
/// lowercased, which keeps the table small and avoids calling Foundation per scalar on CJK text.
struct ScalarFolding: Sendable {
    static let shared = ScalarFolding()

    private static let tableStart: UInt32 = 0x80
    private static let tableEnd: UInt32 = 0x2000

    /// Per scalar in the table range: kind (bits 0–7), case (bits 8–15), byte count (bits 16–23).
    private let info: [UInt32]
    /// Per scalar in the table range: offset of its folded bytes in `bytes`.
    private let offsets: [UInt32]
    private let bytes: [UInt8]

    private init() {
        var info: [UInt32] = []
        var offsets: [UInt32] = []
        var bytes: [UInt8] = []
        let count = Int(Self.tableEnd - Self.tableStart)
        info.reserveCapacity(count)
        offsets.reserveCapacity(count)
        let scalars = (Self.tableStart..<Self.tableEnd).map { Unicode.Scalar($0) }
        let classes = scalars.map { $0.map(Self.kindAndCase) }
        // Foundation's folding of every word scalar, in table order (see `foundationFolds`).
        var folds = Self.foundationFolds(zip(scalars, classes).compactMap { $1?.0 == .word ? $0 : nil })
            .makeIterator()
        for (scalar, kindAndCase) in zip(scalars, classes) {
            offsets.append(UInt32(bytes.count))
            guard let scalar, let (kind, letterCase) = kindAndCase else {
                info.append(UInt32(ScalarKind.soft.rawValue))
                continue
            }
            let folded = kind == .word ? Self.fold(scalar, foundationFolded: folds.next()) : ""
            let utf8 = Array(folded.utf8.prefix(255))
            bytes.append(contentsOf: utf8)
            info.append(UInt32(kind.rawValue) | UInt32(letterCase.rawValue) << 8 | UInt32(utf8.count) << 16)
        }
        self.info = info
        self.offsets = offsets
        self.bytes = bytes
    }

    /// Foundation's case- and diacritic-insensitive folding of each of `scalars`, in order; letters and digits
    /// are folded in one call (joined by line feeds, folded, split again). One call per scalar cost most of the
    /// table's 55 M instructions, on the start-up path (the ontology's first label builds the table). A line feed
    /// folds to itself and no letter folds to one; should the split still not give one part per scalar, each is
    /// folded alone. `ScalarFoldingTableTests` compares the table with `classify` for every scalar in it, which is
    /// what found the marks' exception below.
    static func foundationFolds(_ scalars: [Unicode.Scalar]) -> [String] {
        // Marks fold differently after another character than alone (a vowel sign such as U+09BE is dropped after
        // the line feed, kept alone): they are folded one by one.
        func isMark(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .spacingMark, .nonspacingMark, .enclosingMark: return true
            default: return scalar.properties.canonicalCombiningClass != .notReordered
            }
        }
        let marks = scalars.map(isMark)
        var joined: [UInt8] = []
        var bulkCount = 0
        for (scalar, isMark) in zip(scalars, marks) where !isMark {
            if bulkCount > 0 { joined.append(0x0A) }
            UTF8.encode(scalar) { joined.append($0) }
            bulkCount += 1
        }
        var folded = foundationFold(String(decoding: joined, as: UTF8.self))
        let parts = folded.withUTF8 { utf8 in
            utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        }
        guard parts.count == bulkCount else { return scalars.map { foundationFold(String($0)) } }
        var bulk = parts.makeIterator()
        return zip(scalars, marks).map { scalar, isMark in
            isMark ? foundationFold(String(scalar)) : bulk.next() ?? foundationFold(String(scalar))
        }
    }

    /// Calls `body` with the kind, case and folded UTF-8 bytes of a non-ASCII scalar.
    @inline(__always)
    func withFolded<R>(_ value: UInt32, _ body: (ScalarKind, ScalarCase, UnsafeBufferPointer<UInt8>) -> R) -> R {
        if value >= Self.tableStart, value < Self.tableEnd {
            let i = Int(value - Self.tableStart)
            let packed = info[i]
            let kind = ScalarKind(rawValue: UInt8(packed & 0xff)) ?? .soft
            let letterCase = ScalarCase(rawValue: UInt8((packed >> 8) & 0xff)) ?? .none
            let length = Int(packed >> 16)
            return bytes.withUnsafeBufferPointer { all in
                let start = Int(offsets[i])
                return body(kind, letterCase, UnsafeBufferPointer(rebasing: all[start..<(start + length)]))
            }
        }
        guard let scalar = Unicode.Scalar(value) else { return body(.soft, .none, UnsafeBufferPointer(start: nil, count: 0)) }
        let (kind, letterCase, folded) = Self.classify(scalar, useFoundation: false)
        var utf8 = Array(folded.utf8)
        return utf8.withUnsafeMutableBufferPointer { body(kind, letterCase, UnsafeBufferPointer($0)) }
    }

    // MARK: - Classification

    /// Letters that survive Foundation's diacritic folding but are read as a base letter by English speakers.
    private static let extraFolds: [UInt32: String] = [
        0xD8: "o", 0xF8: "o", 0x110: "d", 0x111: "d", 0x141: "l", 0x142: "l", 0xC6: "ae", 0xE6: "ae",
        0x152: "oe", 0x153: "oe", 0x126: "h", 0x127: "h", 0x131: "i", 0xDE: "th", 0xFE: "th",
    ]

    /// The plain path, one scalar at a time (beyond the table, and in tests to check the table).
    static func classify(_ scalar: Unicode.Scalar, useFoundation: Bool) -> (ScalarKind, ScalarCase, String) {
        let (kind, letterCase) = kindAndCase(scalar)
        guard kind == .word else { return (kind, letterCase, "") }
        return (kind, letterCase, fold(scalar, useFoundation: useFoundation))
    }

    /// How the tokenizer treats `scalar`, and its case when it is part of a word.
    static func kindAndCase(_ scalar: Unicode.Scalar) -> (ScalarKind, ScalarCase) {
        let properties = scalar.properties
        switch scalar.value {
        case 0x2010, 0x2011: return (.joinable, .none)  // hyphen, non-breaking hyphen
        case 0x2019, 0x02BC: return (.apostrophe, .none)  // right single quotation mark, modifier apostrophe
        case 0x3002, 0xFF0C, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F: return (.hard, .none)  // CJK sentence punctuation
        default: break
        }
        if properties.isWhitespace {
            let isLineBreak = [0x85, 0x2028, 0x2029].contains(scalar.value)
            return (isLineBreak ? .hard : .joinable, .none)
        }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .spacingMark:
            let letterCase: ScalarCase =
                properties.isUppercase ? .upper : (properties.isLowercase || properties.changesWhenUppercased ? .lower : .none)
            return (.word, letterCase)
        case .nonspacingMark, .enclosingMark, .format:
            return (.drop, .none)
        case .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation:
            return (.hard, .none)
        default:
            return (.soft, .none)
        }
    }

    /// Alphabetic presentation forms, half- and full-width forms, and mathematical alphanumerics.
    private static func isCompatibilityForm(_ value: UInt32) -> Bool {
        (0xFB00...0xFB4F).contains(value) || (0xFF00...0xFFEF).contains(value) || (0x1D400...0x1D7FF).contains(value)
    }

    private static func fold(_ scalar: Unicode.Scalar, useFoundation: Bool) -> String {
        fold(scalar, foundationFolded: useFoundation ? foundationFold(String(scalar)) : nil)
    }

    /// The folded text of the word scalar `scalar`; `foundationFolded` is Foundation's folding of it, or nil to
    /// only lowercase it (beyond the table, where calling Foundation per scalar would be slow on CJK text).
    private static func fold(_ scalar: Unicode.Scalar, foundationFolded: String?) -> String {
        if let extra = extraFolds[scalar.value] { return extra }
        let folded: String
        if isCompatibilityForm(scalar.value) {
            // Ligatures, full-width and mathematical letters read as their plain letters (`ﬁ` → `fi`,
            // `Ｆ` → `f`), so look-alike text cannot dodge a label.
            folded = String(scalar).decomposedStringWithCompatibilityMapping
                .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        } else if let foundationFolded {
            folded = foundationFolded
        } else {
            folded = scalar.properties.lowercaseMapping
        }
        // Keep only word scalars: folding may leave combining marks behind.
        var out = String.UnicodeScalarView()
        for s in folded.unicodeScalars {
            switch s.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: continue
            default: out.append(s)
            }
        }
        return String(out)
    }

    private static func foundationFold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
