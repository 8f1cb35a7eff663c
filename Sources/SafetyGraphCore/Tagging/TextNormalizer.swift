/// Splits text into folded word tokens for label matching, and folds rule keys (section names, organisations).
///
/// Words are runs of letters and digits; case and diacritics are folded (`Détection` → `detection`), combining
/// marks and format characters are ignored, an apostrophe inside a word is dropped (`model's` → `models`).
/// Between words it records whether a label may span the gap (not across `,` `;` `:` brackets, quotes, line
/// breaks or a sentence-ending period) and whether the two words may be read as one (only whitespace and hyphens
/// between them). A period is a sentence end when followed by whitespace or the end and preceded by a word of two
/// or more characters, so `U.S. Army` and `e.g. robustness` stay one phrase while `the model. Cards` does not.
///
/// The ontology loader compares labels through the same tokens (`LabelNormalizer`), so what it calls two
/// different labels can never match the same text as one.
enum TextNormalizer {
    // MARK: - Tokenizing

    /// Appends the tokens of `text` to `buffer` (after clearing it).
    ///
    /// The text is borrowed and read in place (`withUTF8`): a copy of it (`var text = text`, for `String.withUTF8`)
    /// cost a retain and a release per field of every entry tagged, atomic writes on a string another core may be
    /// reading.
    static func tokenize(_ text: borrowing String, into buffer: inout TokenBuffer) {
        withUTF8(text) { tokenize(utf8: $0, into: &buffer) }
    }

    /// Appends the tokens of the UTF-8 text `utf8` to `buffer` (after clearing it).
    static func tokenize(utf8: UnsafeBufferPointer<UInt8>, into buffer: inout TokenBuffer) {
        buffer.removeAll()
        if isASCII(utf8) {
            scanASCII(utf8, into: &buffer)
        } else {
            buffer.bytes.reserveCapacity(utf8.count + 16)
            scan(utf8, into: &buffer)
        }
    }

    /// `scan` for ASCII text, writing into the buffer's spare capacity through a `RawTokenSink`: an ASCII text
    /// folds to at most its own bytes and has at most as many tokens as bytes, so room for `utf8.count` of each
    /// is made once instead of every append checking capacity and uniqueness (most titles and descriptions are
    /// ASCII). `buffer` must be empty.
    static func scanASCII(_ utf8: UnsafeBufferPointer<UInt8>, into buffer: inout TokenBuffer) {
        let n = utf8.count
        guard n > 0 else { return }
        buffer.bytes.append(addingCapacity: n) { bytes in
            buffer.starts.append(addingCapacity: n) { ends in
                buffer.flags.append(addingCapacity: n) { flags in
                    bytes.withUnsafeMutableBufferPointer { bytes, byteCount in
                        ends.withUnsafeMutableBufferPointer { ends, endCount in
                            flags.withUnsafeMutableBufferPointer { flags, flagCount in
                                var sink = RawTokenSink(
                                    bytes: bytes.baseAddress!, byteCapacity: n, ends: ends.baseAddress!,
                                    flags: flags.baseAddress!)
                                scan(utf8, into: &sink)
                                byteCount = sink.byteCount
                                endCount = sink.tokenCount
                                flagCount = sink.tokenCount
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether every byte is ASCII, eight at a time.
    static func isASCII(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        var seen: UInt64 = 0
        while i + 8 <= utf8.count {
            seen |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < utf8.count {
            seen |= UInt64(utf8[i])
            i += 1
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }

    /// Calls `body` with the UTF-8 of `text`, read where it lies: a borrowed string is neither copied nor
    /// retained. Only a string without contiguous UTF-8 (bridged) is copied.
    ///
    /// Keep `body` from capturing a large value such as a `Tagger`: a closure holding one copies it (retaining
    /// every array in it).
    @inline(__always)
    static func withUTF8<R>(_ text: borrowing String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = copy text
        return copy.withUTF8(body)
    }

    /// The folded tokens of `text`.
    static func tokens(_ text: String) -> [String] {
        var buffer = TokenBuffer()
        tokenize(text, into: &buffer)
        return buffer.tokens
    }

    /// A key for comparing headings and organisation names: folded tokens joined by single spaces, so case,
    /// diacritics, emoji, punctuation and spacing do not matter (`🛠️ Model  Fairness & Privacy` →
    /// `model fairness privacy`).
    static func ruleKey(_ text: String) -> String {
        tokens(text).joined(separator: " ")
    }

    // MARK: - Scanner

    private struct Scanner {
        var inWord = false
        var pendingApostrophe = false
        var lowerCount = 0
        var upperCount = 0
        var lastIsLowerS = false
        var gapHard = true
        var gapJoinable = true
        var previousTokenLength = 0

        @inline(__always)
        mutating func startWordIfNeeded<Sink: TokenSink>(_ buffer: inout Sink) {
            if pendingApostrophe { pendingApostrophe = false }  // `model's`: the apostrophe is dropped
            if inWord { return }
            inWord = true
            lowerCount = 0
            upperCount = 0
            lastIsLowerS = false
            var flag: UInt8 = 0
            if gapHard { flag |= TokenBuffer.Flag.hardBefore }
            if gapJoinable && !gapHard { flag |= TokenBuffer.Flag.joinableBefore }
            buffer.startToken(flag: flag)
        }

        @inline(__always)
        mutating func noteCase(_ letterCase: ScalarCase, isLowerS: Bool) {
            switch letterCase {
            case .upper: upperCount += 1
            case .lower: lowerCount += 1
            case .none: break
            }
            lastIsLowerS = isLowerS
        }

        @inline(__always)
        mutating func endWord<Sink: TokenSink>(_ buffer: inout Sink) {
            guard inWord else { return }
            inWord = false
            var flag: UInt8 = 0
            if lowerCount == 0 { flag |= TokenBuffer.Flag.noLower | TokenBuffer.Flag.acronymShape }
            if lowerCount == 1 && lastIsLowerS && upperCount >= 1 { flag |= TokenBuffer.Flag.acronymShape }
            previousTokenLength = buffer.endToken(addingFlags: flag)
            gapHard = false
            gapJoinable = true
            if pendingApostrophe {
                pendingApostrophe = false
                gapJoinable = false
            }
        }

        /// A non-word character: ends the current word and records what the gap allows.
        @inline(__always)
        mutating func separator<Sink: TokenSink>(_ kind: ScalarKind, nextIsSpaceOrEnd: Bool, _ buffer: inout Sink) {
            switch kind {
            case .drop:
                return
            case .apostrophe:
                if inWord && !pendingApostrophe {
                    pendingApostrophe = true
                    return
                }
                endWord(&buffer)
                gapJoinable = false
            case .period:
                endWord(&buffer)
                if nextIsSpaceOrEnd && previousTokenLength >= 2 { gapHard = true } else { gapJoinable = false }
            case .joinable:
                endWord(&buffer)
            case .soft:
                endWord(&buffer)
                gapJoinable = false
            case .hard:
                endWord(&buffer)
                gapHard = true
            case .word:
                return
            }
        }
    }

    /// The plain path: any UTF-8, through any sink (tests compare `scanASCII` with it on a `TokenBuffer`).
    static func scan<Sink: TokenSink>(_ utf8: UnsafeBufferPointer<UInt8>, into buffer: inout Sink) {
        // Offsets are Int32: refuse to index beyond that (a 2 GB field is not a reading-list entry).
        let end = min(utf8.count, Int(Int32.max) / 2)
        var s = Scanner()
        let folding = ScalarFolding.shared
        var i = 0
        while i < end {
            let byte = utf8[i]
            if byte < 0x80 {
                i += 1
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"):
                    // Fast path: copy a whole run of lowercase letters at once.
                    var runEnd = i
                    while runEnd < end, utf8[runEnd] >= UInt8(ascii: "a"), utf8[runEnd] <= UInt8(ascii: "z") { runEnd += 1 }
                    s.startWordIfNeeded(&buffer)
                    s.lowerCount += runEnd - i + 1
                    s.lastIsLowerS = utf8[runEnd - 1] == UInt8(ascii: "s")
                    buffer.appendBytes(UnsafeBufferPointer(rebasing: utf8[(i - 1)..<runEnd]))
                    i = runEnd
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    s.startWordIfNeeded(&buffer)
                    s.noteCase(.upper, isLowerS: false)
                    buffer.appendByte(byte | 0x20)
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    s.startWordIfNeeded(&buffer)
                    s.noteCase(.none, isLowerS: false)
                    buffer.appendByte(byte)
                default:
                    let nextIsSpaceOrEnd = i >= end || isSpaceByte(utf8[i])
                    s.separator(asciiKind(byte), nextIsSpaceOrEnd: nextIsSpaceOrEnd, &buffer)
                }
                continue
            }
            // Decode one multi-byte scalar (Swift strings hold valid UTF-8).
            let length = byte >= 0xF0 ? 4 : (byte >= 0xE0 ? 3 : 2)
            guard i + length <= end else { break }
            var value = UInt32(byte) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
            for k in 1..<length { value = value << 6 | (UInt32(utf8[i + k]) & 0x3F) }
            i += length
            folding.withFolded(value) { kind, letterCase, folded in
                if kind == .word {
                    s.startWordIfNeeded(&buffer)
                    s.noteCase(letterCase, isLowerS: false)
                    buffer.appendBytes(folded)
                } else {
                    let nextIsSpaceOrEnd = i >= end || isSpaceByte(utf8[i])
                    s.separator(kind, nextIsSpaceOrEnd: nextIsSpaceOrEnd, &buffer)
                }
            }
        }
        s.endWord(&buffer)
    }

    @inline(__always)
    private static func isSpaceByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    @inline(__always)
    private static func asciiKind(_ byte: UInt8) -> ScalarKind {
        switch byte {
        case 0x20, 0x09, UInt8(ascii: "-"): return .joinable
        case 0x0A, 0x0B, 0x0C, 0x0D: return .hard
        case UInt8(ascii: "'"): return .apostrophe
        case UInt8(ascii: "."): return .period
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"),
            UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "\""), UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            return .hard
        default: return .soft
        }
    }
}
