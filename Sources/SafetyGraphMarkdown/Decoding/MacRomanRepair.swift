import SafetyGraphCore

// MARK: - MacRomanRepair

/// Detects and undoes one specific damage: UTF-8 text that was decoded as Mac OS Roman and saved again as UTF-8
/// (`What’s` became `What‚Äôs`, `🌟` became `üåü`).
///
/// Detection is deliberately conservative. The text is re-encoded to Mac OS Roman bytes; that only succeeds when
/// every non-ASCII character is one Mac OS Roman can encode (a real emoji, CJK text or most typographic symbols
/// make it fail, and then the text is left exactly as it is). The bytes must then be valid UTF-8 that contains at
/// least one multi-byte sequence. Clean text practically never passes: a lone `é` becomes byte 0x8E, which is not
/// valid UTF-8 on its own.
enum MacRomanRepair {
    /// The outcome of a successful repair.
    struct Repair: Equatable {
        var text: String
        /// Number of multi-byte UTF-8 sequences restored.
        var sequences: Int
        /// 1-based line of the first damaged character.
        var firstLine: Int
    }

    /// The repaired text, or nil when `text` does not look like Mac OS Roman mojibake.
    ///
    /// Most texts are refused by `isRefusedEarly`, which reads only the non-ASCII characters and stops at the
    /// first run of them that gives the answer; what it does not refuse goes through `repairWholly`.
    static func repair(_ text: String) -> Repair? {
        if isRefusedEarly(text) { return nil }
        return repairWholly(text)
    }

    /// Whether `repairWholly(text)` is certainly nil: some non-ASCII character has no Mac OS Roman byte, or some
    /// run of non-ASCII characters (between ASCII ones) re-encodes to bytes that are not valid UTF-8 by themselves.
    /// ASCII bytes stay themselves and no UTF-8 sequence holds one, so the whole re-encoding is valid UTF-8 only
    /// if every such run is. A clean file with an emoji, or a `é` or `’` that re-encodes to a lone byte, is refused
    /// at that character instead of after a walk over every character and a copy of the whole text.
    static func isRefusedEarly(_ text: String) -> Bool {
        if let refused = text.utf8.withContiguousStorageIfAvailable(isRefusedEarly(utf8:)) { return refused }
        var copy = text
        return copy.withUTF8(isRefusedEarly(utf8:))
    }

    /// `isRefusedEarly` on the UTF-8 of a string, skipping ASCII eight bytes at a time.
    static func isRefusedEarly(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var run: [UInt8] = []
        var i = 0
        while i < utf8.count {
            i = PiecewiseUTF8.asciiRunEnd(utf8, from: i)
            guard i < utf8.count else { break }
            run.removeAll(keepingCapacity: true)
            while i < utf8.count, utf8[i] >= 0x80 {
                let lead = utf8[i]
                let length = lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2)
                // A string holds valid UTF-8, so this cannot happen; if it did, the plain path decides.
                guard i + length <= utf8.count else { return false }
                var value = UInt32(lead) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
                for k in 1..<length { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
                guard let byte = encodeTable[value] else { return true }
                run.append(byte)
                i += length
            }
            if UTF8Validation.firstInvalidOffset(run) != nil { return true }
        }
        return false
    }

    /// The plain path: the whole text re-encoded, then checked.
    static func repairWholly(_ text: String) -> Repair? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var line = 1
        var firstLine = 0
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                if scalar == "\n" { line += 1 }
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
                continue
            }
            // A character Mac OS Roman cannot encode: this is not (whole-file) mojibake; leave the text alone.
            guard let byte = encodeTable[scalar.value] else { return nil }
            if firstLine == 0 { firstLine = line }
            bytes.append(byte)
        }
        guard UTF8Validation.firstInvalidOffset(bytes) == nil else { return nil }
        let sequences = bytes.reduce(0) { $0 + ($1 >= 0xC0 ? 1 : 0) }
        guard sequences > 0 else { return nil }
        return Repair(text: String(decoding: bytes, as: UTF8.self), sequences: sequences, firstLine: firstLine)
    }

    // MARK: - The Mac OS Roman table

    /// Unicode scalars of Mac OS Roman bytes 0x80…0xFF (Apple's standard mapping; 0xDB is the euro sign since
    /// Mac OS 8.5, 0xF0 the Apple logo in the private use area).
    static let highHalf: [UInt32] = [
        0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7,
        0x00E9, 0x00E8, 0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3, 0x00F2, 0x00F4, 0x00F6, 0x00F5,
        0x00FA, 0x00F9, 0x00FB, 0x00FC, 0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF, 0x00AE, 0x00A9,
        0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8, 0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211,
        0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8, 0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248,
        0x2206, 0x00AB, 0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153, 0x2013, 0x2014, 0x201C, 0x201D,
        0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02, 0x2021, 0x00B7,
        0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1, 0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
        0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC, 0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD,
        0x02DB, 0x02C7,
    ]

    /// Scalar → Mac OS Roman byte, for the high half, plus the older or look-alike code points decoders used for
    /// two bytes (0xDB as the currency sign ¤, 0xBD as the ohm sign Ω).
    static let encodeTable: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        for (offset, scalar) in highHalf.enumerated() { table[scalar] = UInt8(0x80 + offset) }
        table[0x00A4] = 0xDB
        table[0x2126] = 0xBD
        return table
    }()
}
