/// String literals for JSON and for N-Triples / Turtle, escaped byte by byte over UTF-8.
///
/// Only ASCII bytes ever need escaping (plus U+2028 / U+2029 in JSON), so runs of other bytes are copied as
/// they are: multi-byte characters (emoji, right-to-left text, RTL marks) pass through untouched.
extension ByteSink {
    // MARK: - JSON

    /// `"text"` as a JSON string. Besides what JSON requires (`"`, `\`, U+0000–U+001F) it escapes U+007F, `<`,
    /// `>`, `&`, U+2028 and U+2029, so the same bytes can sit inside an HTML `<script>` element (no `</script>`,
    /// no `<!--`) and be read by JavaScript.
    ///
    /// With `forHTML: false` it escapes exactly what Foundation's `JSONEncoder` does (`"`, `\`, U+0000–U+001F),
    /// for files that must read the same as its output.
    public func appendJSONString(_ text: String, forHTML: Bool = true) {
        withUTF8Bytes(of: text) { appendJSONString(utf8: $0, forHTML: forHTML) }
    }

    /// `appendJSONString` of the string whose UTF-8 bytes are `bytes` (a string lent where it lies, not copied).
    public func appendJSONString(utf8 bytes: UnsafeBufferPointer<UInt8>, forHTML: Bool = true) {
        append(UInt8(ascii: "\""))
        do {
            jsonByteKinds.withUnsafeBufferPointer { kinds in
                // Bytes of a kind below `attention` are copied as they are, in runs; only the others are looked at.
                let attention: UInt8 = forHTML ? 1 : 2
                var runStart = 0
                var i = 0
                let count = bytes.count
                while true {
                    // To the next byte that needs a look: sixteen at a time (`Block`), then eight (`SWAR`), while none
                    // of them does (most text), then one at a time. Fewer than sixteen (or eight) left after plain
                    // ones are tested as the string's last sixteen (eight), overlapping bytes already passed: a clean
                    // answer covers the rest at once, any other leaves them to the narrower tests.
                    if forHTML {
                        while i + 16 <= count, !Block.mayNeedHTMLEscape(Block.load(bytes, i)) { i += 16 }
                        if i < count, i + 16 > count, count >= 16, !Block.mayNeedHTMLEscape(Block.load(bytes, count - 16)) { i = count }
                        while i + 8 <= count, !SWAR.mayNeedHTMLEscape(SWAR.word(bytes, i)) { i += 8 }
                        if i < count, i + 8 > count, count >= 8, !SWAR.mayNeedHTMLEscape(SWAR.word(bytes, count - 8)) { i = count }
                    } else {
                        while i + 16 <= count, !Block.mayNeedJSONEscape(Block.load(bytes, i)) { i += 16 }
                        if i < count, i + 16 > count, count >= 16, !Block.mayNeedJSONEscape(Block.load(bytes, count - 16)) { i = count }
                        while i + 8 <= count, !SWAR.mayNeedJSONEscape(SWAR.word(bytes, i)) { i += 8 }
                        if i < count, i + 8 > count, count >= 8, !SWAR.mayNeedJSONEscape(SWAR.word(bytes, count - 8)) { i = count }
                    }
                    while i < count && kinds[Int(bytes[i])] < attention { i += 1 }
                    guard i < count else { break }
                    let b = bytes[i]
                    var width = 1
                    var escape: StaticString? = nil
                    var hexEscape: UInt32? = nil
                    switch b {
                    case 0x22: escape = "\\\""
                    case 0x5C: escape = "\\\\"
                    case 0x0A: escape = "\\n"
                    case 0x0D: escape = "\\r"
                    case 0x09: escape = "\\t"
                    case 0x08: escape = "\\b"
                    case 0x0C: escape = "\\f"
                    case 0x00..<0x20: hexEscape = UInt32(b)
                    case 0x7F, 0x3C, 0x3E, 0x26: hexEscape = UInt32(b)
                    case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                        hexEscape = bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029
                        width = 3
                    default: break
                    }
                    if escape == nil && hexEscape == nil {
                        i += 1
                        continue
                    }
                    if runStart < i { append(UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                    if let escape { escape.withUTF8Buffer { append($0) } }
                    if let hexEscape { appendUnicodeEscape(hexEscape, uppercase: false) }
                    i += width
                    runStart = i
                }
                if runStart < bytes.count { append(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
            }
        }
        append(UInt8(ascii: "\""))
    }

    // MARK: - N-Triples and Turtle

    /// `"text"` as an N-Triples / Turtle short string: `"` and `\` escaped, `\t \b \n \r \f` as two-character
    /// escapes, every other control character (U+0000–U+001F, U+007F) as `\u00XX` — the canonical N-Triples form.
    public func appendRDFString(_ text: String) {
        withUTF8Bytes(of: text) { appendRDFString(utf8: $0) }
    }

    /// `appendRDFString` of the string whose UTF-8 bytes are `bytes` (a string lent where it lies, not copied).
    public func appendRDFString(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        do {
            var runStart = 0
            var i = 0
            let count = bytes.count
            while true {
                // As in `appendJSONString`: sixteen bytes, then eight, at a time while none needs escaping, and the
                // last few as the last sixteen or eight.
                while i + 16 <= count, !Block.mayNeedRDFEscape(Block.load(bytes, i)) { i += 16 }
                if i < count, i + 16 > count, count >= 16, !Block.mayNeedRDFEscape(Block.load(bytes, count - 16)) { i = count }
                while i + 8 <= count, !SWAR.mayNeedRDFEscape(SWAR.word(bytes, i)) { i += 8 }
                if i < count, i + 8 > count, count >= 8, !SWAR.mayNeedRDFEscape(SWAR.word(bytes, count - 8)) { i = count }
                while i < count, !Self.needsRDFEscape(bytes[i]) { i += 1 }
                guard i < count else { break }
                let b = bytes[i]
                if runStart < i { append(UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                i += 1
                switch b {
                case 0x22: append("\\\"")
                case 0x5C: append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                case 0x08: append("\\b")
                case 0x0C: append("\\f")
                default: appendUnicodeEscape(UInt32(b), uppercase: true)
                }
                runStart = i
            }
            if runStart < bytes.count { append(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        append(UInt8(ascii: "\""))
    }

    @inline(__always) private static func needsRDFEscape(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F }

    // MARK: - Helpers

    /// `\uXXXX` for a code point below U+10000.
    private func appendUnicodeEscape(_ value: UInt32, uppercase: Bool) {
        let digits: StaticString = uppercase ? "0123456789ABCDEF" : "0123456789abcdef"
        append(UInt8(ascii: "\\"))
        append(UInt8(ascii: "u"))
        digits.withUTF8Buffer { hex in
            for shift in stride(from: 12, through: 0, by: -4) { append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
        }
    }
}

/// Per byte, what `appendJSONString` must do with it: 0 copy it; 2 escape it always (`"`, `\\`, U+0000–U+001F);
/// 1 escape it for HTML only (U+007F, `<`, `>`, `&`, and 0xE2, which may start U+2028 or U+2029).
private let jsonByteKinds: [UInt8] = (0...255).map { b in
    switch b {
    case 0x22, 0x5C, 0x00..<0x20: return 2
    case 0x7F, 0x3C, 0x3E, 0x26, 0xE2: return 1
    default: return 0
    }
}

/// Whole-word tests for the escapers: whether any of eight bytes may need escaping. Exact for "any" (a zero result
/// means none does); which byte it is, the byte-by-byte path finds.
enum SWAR {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `offset` (which must have eight after it).
    @inline(__always) static func word(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }

    /// Some byte is below 0x20.
    @inline(__always) static func anyBelow0x20(_ x: UInt64) -> Bool { (x &- 0x20 &* ones) & ~x & highs != 0 }

    /// Some byte equals `byte`.
    @inline(__always) static func any(_ x: UInt64, equal byte: UInt8) -> Bool {
        let y = x ^ (UInt64(byte) &* ones)
        return (y &- ones) & ~y & highs != 0
    }

    /// `"`, `\`, or below 0x20: what `JSONEncoder` escapes.
    @inline(__always) static func mayNeedJSONEscape(_ x: UInt64) -> Bool {
        anyBelow0x20(x) || any(x, equal: 0x22) || any(x, equal: 0x5C)
    }

    /// Also `&` `<` `>` U+007F and 0xE2 (which may start U+2028 or U+2029). `x | 0x04` equals `&` (0x26) exactly for
    /// `"` and `&`; `x | 0x02` equals `>` (0x3E) exactly for `<` and `>`.
    @inline(__always) static func mayNeedHTMLEscape(_ x: UInt64) -> Bool {
        anyBelow0x20(x) || any(x | (0x04 &* ones), equal: 0x26) || any(x | (0x02 &* ones), equal: 0x3E)
            || any(x, equal: 0x5C) || any(x, equal: 0x7F) || any(x, equal: 0xE2)
    }

    /// `"`, `\`, U+007F, or below 0x20: what N-Triples and Turtle strings escape.
    @inline(__always) static func mayNeedRDFEscape(_ x: UInt64) -> Bool {
        anyBelow0x20(x) || any(x, equal: 0x22) || any(x, equal: 0x5C) || any(x, equal: 0x7F)
    }
}

/// The escapers' tests over sixteen bytes at once, in one SSE register: the same "any" answers as `SWAR`'s, at about
/// a third of the instructions per byte. Written with `.<`, `^` and `|` only: Swift lowers those to vector
/// instructions, but `.==` to a loop over the lanes (equality is `(v ^ c) .< 1`, which LLVM turns into a compare).
enum Block {
    typealias Bytes = SIMD16<UInt8>

    /// The sixteen bytes at `offset` (which must have sixteen after it).
    @inline(__always) static func load(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Bytes {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: Bytes.self)
    }

    /// Lanes equal to `byte`.
    @inline(__always) private static func equal(_ v: Bytes, _ byte: UInt8) -> SIMDMask<SIMD16<Int8>> {
        (v ^ Bytes(repeating: byte)) .< Bytes(repeating: 1)
    }

    /// Whether any lane of `mask` is set.
    @inline(__always) private static func any(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let halves = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return halves[0] | halves[1] != 0
    }

    /// `"`, `\`, or below 0x20 (`SWAR.mayNeedJSONEscape`).
    @inline(__always) static func mayNeedJSONEscape(_ v: Bytes) -> Bool {
        any((v .< Bytes(repeating: 0x20)) .| equal(v, 0x22) .| equal(v, 0x5C))
    }

    /// Also `&` `<` `>` U+007F and 0xE2 (`SWAR.mayNeedHTMLEscape`, with its two merged tests).
    @inline(__always) static func mayNeedHTMLEscape(_ v: Bytes) -> Bool {
        any(
            (v .< Bytes(repeating: 0x20)) .| equal(v | Bytes(repeating: 0x04), 0x26)
                .| equal(v | Bytes(repeating: 0x02), 0x3E) .| equal(v, 0x5C) .| equal(v, 0x7F) .| equal(v, 0xE2))
    }

    /// `"`, `\`, U+007F, or below 0x20 (`SWAR.mayNeedRDFEscape`).
    @inline(__always) static func mayNeedRDFEscape(_ v: Bytes) -> Bool {
        any((v .< Bytes(repeating: 0x20)) .| equal(v, 0x22) .| equal(v, 0x5C) .| equal(v, 0x7F))
    }
}
