// MARK: - UTF8Validation

/// A small strict UTF-8 validator that reports where the first bad byte is (the standard library only says
/// whether decoding succeeded, not where it failed).
enum UTF8Validation {
    /// Offset of the first byte that starts an invalid sequence, or nil when all of `bytes` is valid UTF-8.
    /// Rejects overlong forms, surrogates and code points above U+10FFFF, as RFC 3629 requires.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let b1 = bytes[i + 1]
            guard b1 >= low, b1 <= high else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// Whether every byte is ASCII; reads eight bytes at a time, since it runs over whole files.
    static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words where raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                return false
            }
            for i in (words * 8)..<raw.count where raw[i] >= 0x80 { return false }
            return true
        }
    }
}
