// MARK: - Collapsing UTF-8 text on its bytes

extension TextNormalizer {
    /// `collapseWhitespaceByScalars` of the UTF-8 `bytes`, read byte by byte: ASCII bytes as the scalar loop reads
    /// them, and each longer sequence decoded to its scalar value only to decide, then copied as it is. Nil when the
    /// bytes are not well-formed UTF-8 (never for a native string; the scalar loop then decides).
    ///
    /// Texts that reach it hold a non-ASCII byte: descriptions and digests with typographic quotes, dashes or
    /// accented names, often hundreds of bytes long. The scalar loop decoded every scalar, asked the Unicode tables
    /// whether each non-ASCII one is whitespace and grew an array one byte at a time; here the output goes to one
    /// scratch buffer of the input's size (a run of whitespace is at least one byte and becomes one space, a dropped
    /// scalar becomes nothing, so the output is never longer) and whitespace is a fixed list (`isNonASCIIWhitespace`).
    static func collapsedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.isEmpty else { return "" }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { out -> String? in
            var count = 0
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                // Most of such text is ASCII words, copied eight bytes at a time.
                copyPlainWords(bytes, from: &i, into: out, count: &count, pendingSpace: &pendingSpace)
                guard i < bytes.count else { break }
                let lead = bytes[i]
                if lead < 0x80 {
                    i += 1
                    collapse(ascii: lead, into: out, count: &count, pendingSpace: &pendingSpace)
                    continue
                }
                guard let (value, length) = scalar(in: bytes, at: i) else { return nil }
                if isNonASCIIWhitespace(value) || value == 0x200B {
                    pendingSpace = count > 0
                } else if value <= 0x9F || (value >= 0x600 && isInvisibleControl(value: value))
                    || (count == 0 && (value == 0x200C || value == 0x200D))
                {
                    // C1 controls, invisible controls, and joiners before any text: dropped.
                } else {
                    if pendingSpace {
                        out[count] = 0x20
                        count += 1
                    }
                    pendingSpace = false
                    for k in 0..<length { out[count + k] = bytes[i + k] }
                    count += length
                }
                i += length
            }
            // A trailing zero-width (non-)joiner: E2 80 8C or E2 80 8D.
            while count >= 3, out[count - 3] == 0xE2, out[count - 2] == 0x80, out[count - 1] == 0x8C || out[count - 1] == 0x8D {
                count -= 3
            }
            return String(decoding: UnsafeBufferPointer(rebasing: out[..<count]), as: UTF8.self)
        }
    }

    /// The scalar value and length of the UTF-8 sequence at `i` (whose lead byte is not ASCII), or nil when it is
    /// not well-formed (a stray continuation byte, a cut sequence, an overlong form, a surrogate, past U+10FFFF).
    @inline(__always)
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int)? {
        let lead = bytes[i]
        let length: Int
        let minimum: UInt32
        switch lead {
        case 0xC2...0xDF: (length, minimum) = (2, 0x80)
        case 0xE0...0xEF: (length, minimum) = (3, 0x800)
        case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (0x7F >> UInt32(length))
        for k in 1..<length {
            let byte = bytes[i + k]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
        return (value, length)
    }

    /// Whether a scalar above U+007F has Unicode's White_Space property (`Unicode.Scalar.Properties.isWhitespace`).
    /// The list is short and has not changed since Unicode 6.3 (which took U+180E out); a test compares it with the
    /// property on every scalar, so a future change of the tables is caught.
    @inline(__always)
    static func isNonASCIIWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `isInvisibleControl` of a scalar value.
    @inline(__always)
    static func isInvisibleControl(value: UInt32) -> Bool {
        switch value {
        case 0x061C, 0x180E, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }
}
