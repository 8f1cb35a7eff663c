import Foundation

/// Searches on bytes for text that is all ASCII, where Foundation's `range(of:)` and `contains` (which bridge to
/// `NSString` and compare composed character sequences) find exactly what a byte search finds: with no scalar
/// above U+007F there is no combining mark, no decomposition and no case mapping beyond A–Z. Callers ask Foundation
/// for any other text, so results never change; only the common case is cheap.
extension String {
    /// Whether every UTF-8 byte is below 0x80.
    var isASCIIText: Bool {
        if let known = utf8.withContiguousStorageIfAvailable({ !$0.contains { $0 >= 0x80 } }) { return known }
        return utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether the UTF-8 bytes hold the ASCII `needle`, comparing A–Z and a–z alike when `caseInsensitive`. A
    /// plain byte search, on any text: an ASCII needle only ever matches at character boundaries' bytes.
    func containsASCII(_ needle: StaticString, caseInsensitive: Bool = false) -> Bool {
        firstByteOffset(of: needle, caseInsensitive: caseInsensitive) != nil
    }

    /// The first range of the ASCII `needle` in this ASCII text (see `containsASCII`). Only for text where
    /// `isASCIIText` holds, where it is the range Foundation's `range(of:)` gives.
    func asciiRange(of needle: StaticString, caseInsensitive: Bool = false) -> Range<String.Index>? {
        guard let found = firstByteOffset(of: needle, caseInsensitive: caseInsensitive) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: found)
        return lower..<utf8.index(lower, offsetBy: needle.utf8CodeUnitCount)
    }

    /// The byte offset of the first occurrence of the ASCII `needle` in the UTF-8 bytes, nil when there is none.
    func firstByteOffset(of needle: StaticString, caseInsensitive: Bool) -> Int? {
        needle.withUTF8Buffer { wanted in
            guard !wanted.isEmpty else { return nil }
            func fold(_ b: UInt8) -> UInt8 { caseInsensitive ? asciiLowercased(b) : b }
            // Eight bytes at a time are passed over while none of them can start the needle: a byte equal to its
            // first byte (a letter, when folding, looked for with bit 0x20 set in every byte, which gives the
            // letter in either case and no other byte). The word test is exact for "some byte is zero".
            let first = fold(wanted[0])
            let ones: UInt64 = 0x0101_0101_0101_0101
            let pattern = UInt64(first) &* ones
            let caseBit: UInt64 = caseInsensitive && first >= 0x61 && first <= 0x7A ? 0x20 &* ones : 0
            let search = { (bytes: UnsafeBufferPointer<UInt8>) -> Int? in
                guard bytes.count >= wanted.count else { return nil }
                var start = 0
                while start + wanted.count <= bytes.count {
                    if start + 8 <= bytes.count {
                        let word = UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt64.self)
                        let x = (word | caseBit) ^ pattern
                        if (x &- ones) & ~x & (0x80 &* ones) == 0 {
                            start += 8
                            continue
                        }
                    }
                    var k = 0
                    while k < wanted.count && fold(bytes[start + k]) == fold(wanted[k]) { k += 1 }
                    if k == wanted.count { return start }
                    start += 1
                }
                return nil
            }
            if let result = utf8.withContiguousStorageIfAvailable(search) { return result }
            return Array(utf8).withUnsafeBufferPointer(search)
        }
    }
}

extension String {
    /// `firstIndex(of: Character(character))` for an ASCII `character` other than CR and LF (a CR LF pair is one
    /// character), on bytes while they decide it: when every byte before the first match is ASCII, each is a
    /// character of its own, and an ASCII byte (or the end) after the match ends its character. A non-ASCII byte
    /// before it, or right after it (a combining mark would join the match), leaves the search to characters.
    func firstIndex(ofASCII character: Unicode.Scalar) -> String.Index? {
        precondition(character.isASCII && character != "\r" && character != "\n")
        let wanted = UInt8(character.value)
        if let decided = utf8.withContiguousStorageIfAvailable({ bytes -> Int?? in
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b >= 0x80 { return nil }
                if b == wanted { return i + 1 == bytes.count || bytes[i + 1] < 0x80 ? .some(i) : nil }
            }
            return .some(nil)
        }), let offset = decided {
            return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
        }
        // No character but U+003A alone is `:` (no other scalar is canonically equivalent to it, nor composes into it;
        // a test asks every scalar): only its bytes need looking at.
        if character == ":" { return firstStandaloneCharacter(UInt8(character.value)) }
        return firstIndex(of: Character(character))
    }

    /// The first character that is the ASCII byte `wanted` alone, for a byte no other character equals: only the
    /// positions of that byte are tried, each asked whether a character starts there (`String.Index(_:within:)`
    /// applies the grapheme rules around it, so a prepended scalar before it counts) and is that byte alone (a
    /// combining mark after it makes another character). Text before the first match is not walked character by
    /// character.
    private func firstStandaloneCharacter(_ wanted: UInt8) -> String.Index? {
        let target = Character(Unicode.Scalar(wanted))
        var position = utf8.startIndex
        while let found = utf8[position...].firstIndex(of: wanted) {
            if let start = String.Index(found, within: self), self[start] == target { return start }
            position = utf8.index(after: found)
        }
        return nil
    }
}

extension Substring {
    /// `hasSuffix(String(character))` for an ASCII `character` other than CR and LF (a CR LF pair is one character),
    /// on the last two bytes when they decide it: the text's last character is exactly that one when its last byte
    /// is that byte and the byte before it (if any) is ASCII, which cannot join it; with a non-ASCII byte before it,
    /// characters decide. (Generic `hasSuffix` on a substring walks it whole to compare lengths.)
    func hasASCIISuffix(_ character: Unicode.Scalar) -> Bool {
        precondition(character.isASCII && character != "\r" && character != "\n")
        let bytes = utf8
        guard let last = bytes.last, last == UInt8(character.value) else { return false }
        let lastIndex = bytes.index(before: bytes.endIndex)
        if lastIndex == bytes.startIndex || bytes[bytes.index(before: lastIndex)] < 0x80 { return true }
        return hasSuffix(String(character))
    }
}

extension Substring {
    /// `range(of: needle, options: .backwards)`: the last occurrence of the ASCII `needle`, found on bytes when the
    /// text is ASCII as well (where Foundation finds the same range, as above) and by Foundation otherwise.
    func lastRangeOfText(_ needle: StaticString) -> Range<String.Index>? {
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return needle.withUTF8Buffer { wanted -> Int? in
                guard !wanted.isEmpty, bytes.count >= wanted.count else { return nil }
                var start = bytes.count - wanted.count
                while start >= 0 {
                    if memcmp(bytes.baseAddress! + start, wanted.baseAddress!, wanted.count) == 0 { return start }
                    start -= 1
                }
                return nil
            }
        }
        guard let decided = found ?? nil else { return range(of: needle.description, options: .backwards) }
        guard let offset = decided else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8CodeUnitCount)
    }
}

/// Foundation's string calls with an ASCII needle, done on bytes when the text is ASCII as well (where the results
/// are the same, for the reasons above) and left to Foundation otherwise.
extension String {
    /// `contains(needle)`.
    func containsText(_ needle: StaticString) -> Bool {
        isASCIIText ? containsASCII(needle) : range(of: needle.description) != nil
    }

    /// `range(of: needle)`, or with `.caseInsensitive`.
    func rangeOfText(_ needle: StaticString, caseInsensitive: Bool = false) -> Range<String.Index>? {
        if isASCIIText { return asciiRange(of: needle, caseInsensitive: caseInsensitive) }
        return range(of: needle.description, options: caseInsensitive ? .caseInsensitive : [])
    }

    /// `replacingOccurrences(of: target, with: replacement)`: every non-overlapping occurrence, left to right.
    func replacingText(_ target: StaticString, with replacement: StaticString) -> String {
        guard isASCIIText else { return replacingOccurrences(of: target.description, with: replacement.description) }
        guard containsASCII(target) else { return self }
        return target.withUTF8Buffer { wanted in
            replacement.withUTF8Buffer { put in
                var out: [UInt8] = []
                var copy = self
                copy.withUTF8 { bytes in
                    out.reserveCapacity(bytes.count)
                    var i = 0
                    while i < bytes.count {
                        if i + wanted.count <= bytes.count,
                            memcmp(bytes.baseAddress! + i, wanted.baseAddress!, wanted.count) == 0
                        {
                            out.append(contentsOf: put)
                            i += wanted.count
                        } else {
                            out.append(bytes[i])
                            i += 1
                        }
                    }
                }
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// `folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)`: on ASCII text, A–Z lowered and
    /// nothing else changed (a test checks every ASCII character against Foundation).
    func foldedForComparison() -> String {
        guard isASCIIText else { return folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        guard utf8.contains(where: { asciiLowercased($0) != $0 }) else { return self }
        return String(decoding: utf8.map(asciiLowercased), as: UTF8.self)
    }

    /// `lowercased().hasPrefix(prefix)` for a lowercase ASCII `prefix`, decided on the first bytes when they are ASCII
    /// (the character after the prefix too, since a combining mark there would join the prefix's last character),
    /// and by lowercasing the whole text otherwise. No other character lowercases to an ASCII letter or space alone.
    func lowercasedHasPrefix(_ prefix: StaticString) -> Bool {
        let decided = prefix.withUTF8Buffer { wanted in
            utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
                let n = wanted.count
                for k in 0..<min(n, bytes.count) {
                    let b = bytes[k]
                    if b >= 0x80 { return nil }
                    if asciiLowercased(b) != wanted[k] { return false }
                }
                if bytes.count < n { return bytes.allSatisfy { $0 < 0x80 } ? false : nil }
                return bytes.count > n && bytes[n] >= 0x80 ? nil : true
            } ?? nil
        }
        return decided ?? lowercased().hasPrefix(prefix.description)
    }
}

/// `b` with A–Z lowered to a–z, every other byte as it is.
@inline(__always) func asciiLowercased(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
