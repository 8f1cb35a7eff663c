import SafetyGraphCore

import Foundation

// MARK: - TextNormalizer

/// Small string clean-ups applied to fragments that the parser already extracted (never to raw Markdown).
enum TextNormalizer {
    /// Runs of whitespace (including newlines and no-break spaces) become one space; the ends are trimmed.
    /// Control characters (escape sequences could drive a terminal) and invisible controls (`isInvisibleControl`) are
    /// removed, and zero-width joiners at the ends, so a title made only of invisible characters is empty.
    static func collapseWhitespace(_ text: String) -> String {
        // On the bytes: ASCII text with the ASCII pass, other text with the UTF-8 pass (what the scalar loop below
        // does, without making scalars or growing an array byte by byte). The scalar loop is left for text whose
        // bytes are not at hand or not well-formed UTF-8.
        if let known = text.utf8.withContiguousStorageIfAvailable({ bytes -> String? in
            if let ascii = collapsedASCII(bytes) { return ascii ?? text }
            return collapsedUTF8(bytes)
        }), let collapsed = known {
            return collapsed
        }
        return collapseWhitespaceByScalars(text)
    }

    /// `collapseWhitespace` of ASCII `bytes` in one pass: nil when a byte is not ASCII (the scalar path's case),
    /// `.some(nil)` when the text is already collapsed (most titles and names: no string is made), else the
    /// collapsed text. The already-collapsed start is found first and copied as it is; only the rest is collapsed
    /// byte by byte, into a scratch buffer (no array grown byte by byte, no second pass to check for ASCII).
    static func collapsedASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        // The longest start that is visible characters and single spaces, with no space at the start: eight bytes
        // at a time while a word holds nothing else, then byte by byte from the first word that might.
        var previousWasSpace = true
        var k = 0
        while k + 8 <= bytes.count {
            let spaces = Self.visibleOrSpaces(UnsafeRawPointer(bytes.baseAddress! + k).loadUnaligned(as: UInt64.self))
            // Not all visible or spaces; two spaces in a row (within the word, or across from the last word).
            guard let spaces, spaces & (spaces >> 8) == 0, !(previousWasSpace && spaces & 0x80 != 0) else { break }
            previousWasSpace = spaces >> 63 != 0
            k += 8
        }
        while k < bytes.count {
            let byte = bytes[k]
            if byte == 0x20 {
                if previousWasSpace { break }
                previousWasSpace = true
            } else if byte > 0x20 && byte < 0x7F {
                previousWasSpace = false
            } else {
                break
            }
            k += 1
        }
        if k == bytes.count && (!previousWasSpace || bytes.isEmpty) { return .some(nil) }
        // The start as `appendCollapsing` leaves it: its last space (if any) pending. The rest is collapsed into a
        // scratch buffer and made a string once by `String(decoding:)`, as before.
        let pending = previousWasSpace && k > 0
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out -> String?? in
            var count = pending ? k - 1 : k
            if count > 0 { out.baseAddress!.initialize(from: bytes.baseAddress!, count: count) }
            var pendingSpace = pending
            var j = k
            while j < bytes.count {
                Self.copyPlainWords(bytes, from: &j, into: out, count: &count, pendingSpace: &pendingSpace)
                guard j < bytes.count else { break }
                let byte = bytes[j]
                j += 1
                if byte >= 0x80 { return nil }
                Self.collapse(ascii: byte, into: out, count: &count, pendingSpace: &pendingSpace)
            }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: out[..<count]), as: UTF8.self))
        }
    }

    /// One ASCII byte of collapsed text: whitespace leaves a space pending (none before the first character), a
    /// visible character is written after the pending space if any, a control character is dropped. `count` stays
    /// below the bytes read: a pending space stands for a whitespace byte not written. Shared by `collapsedASCII`
    /// and `collapsedUTF8`.
    @inline(__always)
    static func collapse(
        ascii byte: UInt8, into out: UnsafeMutableBufferPointer<UInt8>, count: inout Int, pendingSpace: inout Bool
    ) {
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
            pendingSpace = count > 0
        } else if byte > 0x20 && byte < 0x7F {
            if pendingSpace {
                out[count] = 0x20
                count += 1
            }
            pendingSpace = false
            out[count] = byte
            count += 1
        }
    }

    /// Copies eight bytes at a time from `bytes` at `i` to `out` at `count` while they are visible ASCII and single
    /// spaces, not starting with a space that would follow a pending one (or lead the text): after the pending
    /// space if any, each group's own last space left pending. Stops before the first group that is not so (the
    /// caller goes on byte by byte); shared by `collapsedASCII` and `collapsedUTF8`.
    @inline(__always)
    static func copyPlainWords(
        _ bytes: UnsafeBufferPointer<UInt8>, from i: inout Int, into out: UnsafeMutableBufferPointer<UInt8>,
        count: inout Int, pendingSpace: inout Bool
    ) {
        while i + 8 <= bytes.count,
            let spaces = visibleOrSpaces(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)),
            spaces & (spaces >> 8) == 0, !((pendingSpace || count == 0) && spaces & 0x80 != 0)
        {
            if pendingSpace {
                out[count] = 0x20
                count += 1
            }
            pendingSpace = spaces >> 63 != 0
            let written = pendingSpace ? 7 : 8
            (out.baseAddress! + count).initialize(from: bytes.baseAddress! + i, count: written)
            count += written
            i += 8
        }
    }

    /// For eight bytes (little-endian): nil if one of them is neither visible ASCII (0x21–0x7E) nor a space; else
    /// the high bit of each byte lane set exactly where the byte is a space.
    @inline(__always)
    static func visibleOrSpaces(_ x: UInt64) -> UInt64? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // Some byte at or above 0x80, below 0x20, or equal to 0x7F (each test exact for "some byte").
        let del = x ^ (0x7F &* ones)
        guard (x | ((x &- 0x20 &* ones) & ~x) | ((del &- ones) & ~del)) & highs == 0 else { return nil }
        // Exactly the bytes equal to 0x20: no carry crosses a lane, since each lane adds at most 0x7F to 0x7F.
        let y = x ^ (0x20 &* ones)
        let low = ~highs
        return ~(((y & low) &+ low) | y) & highs
    }

    /// One ASCII character of `collapseWhitespace`: whitespace (tab, line feed, vertical tab, form feed, carriage
    /// return, space) becomes a pending space, other controls are dropped, anything else is written.
    @inline(__always)
    private static func appendCollapsing(ascii byte: UInt8, to out: inout [UInt8], pendingSpace: inout Bool) {
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
            pendingSpace = !out.isEmpty
        } else if byte >= 0x20 && byte != 0x7F {
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }
    }

    /// `collapseWhitespace` for any text, scalar by scalar.
    static func collapseWhitespaceByScalars(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                appendCollapsing(ascii: UInt8(value), to: &out, pendingSpace: &pendingSpace)
            } else if scalar.properties.isWhitespace || value == 0x200B {
                pendingSpace = !out.isEmpty
            } else if value <= 0x9F || (value >= 0x600 && isInvisibleControl(scalar)) || (out.isEmpty && isJoiner(scalar)) {
                continue
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                UTF8.encode(scalar) { out.append($0) }
            }
        }
        // A trailing zero-width (non-)joiner: E2 80 8C or E2 80 8D.
        while out.count >= 3, out[out.count - 3] == 0xE2, out[out.count - 2] == 0x80,
              out[out.count - 1] == 0x8C || out[out.count - 1] == 0x8D {
            out.removeLast(3)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Characters that are never visible and can hide or reorder text: bidirectional marks, embeddings, overrides
    /// and isolates, the word joiner and invisible operators, and a byte order mark inside the text. The zero-width
    /// joiners are not among them: emoji sequences and several scripts need them.
    static func isInvisibleControl(_ scalar: Unicode.Scalar) -> Bool { isInvisibleControl(value: scalar.value) }

    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool { scalar == "\u{200C}" || scalar == "\u{200D}" }

    /// Whether a scalar is part of an emoji (pictographs, variation selectors, joiners, skin tones, flags, keycaps).
    /// ASCII and letter-like symbols such as © ® ™ are kept: they are text, even though Unicode lists them as emoji.
    static func isEmojiScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE0E, 0xFE0F, 0x200D, 0x20E3, 0x1F3FB...0x1F3FF, 0x1F1E6...0x1F1FF, 0xE0020...0xE007F: return true
        case 0..<0x2190: return false
        default: return scalar.properties.isEmoji || scalar.properties.isEmojiPresentation
        }
    }

    /// The text without any emoji, whitespace collapsed.
    static func removingEmoji(_ text: String) -> String {
        // Most text holds no emoji scalar (ASCII text never does): nothing to remove, so no scalar-by-scalar copy.
        if text.isASCIIText || !text.unicodeScalars.contains(where: isEmojiScalar) { return collapseWhitespace(text) }
        return removingEmojiByScalars(text)
    }

    /// `removingEmoji` for any text, copying it scalar by scalar without the emoji.
    static func removingEmojiByScalars(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isEmojiScalar(scalar) { scalars.append(scalar) }
        return collapseWhitespace(String(scalars))
    }

    /// The text without emoji at its start and end (emoji inside a title are kept), whitespace collapsed.
    static func trimmingEmoji(_ text: String) -> String {
        // ASCII holds no emoji scalar: only whitespace is trimmed, which collapsing does anyway.
        if text.isASCIIText { return collapseWhitespace(text) }
        // The scalars kept are one run of the text's own: sliced out of it, not copied into an array and appended
        // to a new view one at a time.
        func trimmed(_ scalar: Unicode.Scalar) -> Bool { isEmojiScalar(scalar) || scalar.properties.isWhitespace }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, trimmed(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let last = scalars.index(before: end)
            guard trimmed(scalars[last]) else { break }
            end = last
        }
        return collapseWhitespace(String(scalars[start..<end]))
    }

    /// The text without emoji (and whitespace) at its start.
    static func droppingLeadingEmoji(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isEmojiScalar($0) && !$0.properties.isWhitespace }) else {
            return ""
        }
        // Usually nothing to drop: the text itself, not a copy of it.
        return collapseWhitespace(first == scalars.startIndex ? text : String(scalars[first...]))
    }

    /// The text without separator punctuation and whitespace at its start only.
    static func droppingLeadingSeparators(_ text: String, extra: String = "") -> String {
        if let range = asciiTrimmed(text, extra: extra, end: false) {
            return collapseWhitespace(range.lowerBound == 0 ? text : String(text.utf8.dropFirst(range.lowerBound))!)
        }
        return droppingLeadingSeparatorsByCharacters(text, extra: extra)
    }

    /// `droppingLeadingSeparators(collapseWhitespace(text), extra: extra)`, in one step for ASCII text and `extra`:
    /// the bytes that collapsing drops (controls) or that the dropping trims (whitespace, separators, `extra`) are
    /// skipped at the start, and the rest is collapsed. Collapsing the skipped bytes leaves only trimmed ones (single
    /// spaces among separators), and the first byte kept is visible and not trimmed, so it starts the collapsed rest
    /// and ends the trimming; one string is made (none when nothing is skipped and the rest is collapsed already)
    /// where the two steps made two or three.
    static func collapsedDroppingLeadingSeparators(_ text: String, extra: String = "") -> String {
        if extra.utf8.allSatisfy({ $0 < 0x80 }), let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> String? in
            var k = 0
            while k < bytes.count {
                let byte = bytes[k]
                if byte >= 0x80 { return nil }
                guard byte < 0x20 || byte == 0x7F || isSeparatorOrSpace(byte) || extra.utf8.contains(byte) else { break }
                k += 1
            }
            let rest = UnsafeBufferPointer(rebasing: bytes[k...])
            guard let collapsed = collapsedASCII(rest) else { return nil }
            if let collapsed { return collapsed }
            return k == 0 ? text : String(decoding: rest, as: UTF8.self)
        }), let known = found {
            return known
        }
        return droppingLeadingSeparators(collapseWhitespace(text), extra: extra)
    }

    /// The ASCII bytes `asciiTrimmed` trims whatever `extra` is: whitespace and the ASCII separators.
    @inline(__always)
    private static func isSeparatorOrSpace(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x09...0x0D, 0x20, UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: ">"), UInt8(ascii: ","),
            UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    /// `droppingLeadingSeparators` for any text, character by character.
    static func droppingLeadingSeparatorsByCharacters(_ text: String, extra: String = "") -> String {
        collapseWhitespace(String(text.drop { $0.isWhitespace || separators.contains($0) || extra.contains($0) }))
    }

    /// For ASCII text and an ASCII `extra`, the byte range left once whitespace, separators and `extra` are trimmed
    /// from the start (and, with `end`, from the end); nil for any other text. In ASCII every character is one byte
    /// (a CR LF pair is one character, but both its bytes are whitespace), so trimming bytes trims characters.
    private static func asciiTrimmed(_ text: String, extra: String, end: Bool) -> Range<Int>? {
        guard extra.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Range<Int>? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func trimmed(_ b: UInt8) -> Bool {
                switch b {
                case 0x09...0x0D, 0x20, UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: ">"), UInt8(ascii: ","),
                    UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "/"):
                    return true
                default:
                    return extra.utf8.contains(b)
                }
            }
            var lower = 0
            var upper = bytes.count
            while lower < upper, trimmed(bytes[lower]) { lower += 1 }
            while end, upper > lower, trimmed(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }
        return found ?? nil
    }

    /// The text without GitHub emoji shortcodes such as `:open_file_folder:`.
    static func removingShortcodes(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let colon = rest.firstIndex(of: ":") {
            let after = rest.index(after: colon)
            let name = rest[after...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "_+-".contains($0)) }
            let close = name.endIndex
            if !name.isEmpty, close < rest.endIndex, rest[close] == ":" {
                out += rest[..<colon]
                rest = rest[rest.index(after: close)...]
            } else {
                out += rest[...colon]
                rest = rest[after...]
            }
        }
        out += rest
        return out
    }

    /// A heading as a section name: emoji, shortcodes and surrounding punctuation noise removed.
    static func sectionName(_ text: String) -> String {
        removingEmoji(removingShortcodes(text))
    }

    /// The key used to compare names case- and diacritic-insensitively, emoji stripped.
    static func comparisonKey(_ text: String) -> String {
        sectionName(text).foldedForComparison()
    }

    /// The text with separator punctuation (`-`, `–`, `:`, `>`, `,`, `|`, `/`…) and whitespace trimmed at both ends.
    static func trimmingSeparators(_ text: String, extra: String = "") -> String {
        // Text that starts and ends with an ASCII letter or digit has nothing to trim: the first character starts,
        // and the last ends, with that scalar, which no separator or whitespace character is (nor any character
        // a scalar can join to in front of it). Most titles and names are such text.
        func isAlphanumeric(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) }
        if let first = text.utf8.first, let last = text.utf8.last, isAlphanumeric(first), isAlphanumeric(last),
            !extra.utf8.contains(where: isAlphanumeric)
        {
            return text
        }
        if let range = asciiTrimmed(text, extra: extra, end: true) {
            if range.count == text.utf8.count { return text }
            return String(decoding: text.utf8.dropFirst(range.lowerBound).prefix(range.count), as: UTF8.self)
        }
        return trimmingSeparatorsByCharacters(text, extra: extra)
    }

    /// `trimmingSeparators` for any text, character by character.
    static func trimmingSeparatorsByCharacters(_ text: String, extra: String = "") -> String {
        func isSeparator(_ c: Character) -> Bool { c.isWhitespace || separators.contains(c) || extra.contains(c) }
        var scalars = Substring(text)
        while let first = scalars.first, isSeparator(first) { scalars.removeFirst() }
        while let last = scalars.last, isSeparator(last) { scalars.removeLast() }
        return String(scalars)
    }

    /// Punctuation that separates a link from its description in lists.
    static let separators = ":-–—>,;|/•·"
}

extension Substring {
    /// The substring without leading and trailing whitespace, as a `String`.
    func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
}
