import Foundation
import SafetyGraphCore

// MARK: - SourceText

/// Turns raw file bytes into the text the parser sees: BOM stripped, binary rejected, UTF-8 validated, every line
/// ending made `\n`, and Mac OS Roman mojibake repaired.
///
/// Line endings are normalised on bytes, not on `Character`s: in Swift `"\r\n"` is ONE grapheme cluster, so a
/// character-level search for `"\n"` would miss every CRLF.
enum SourceText {
    struct Decoded: Sendable {
        var text: String
        var diagnostics: [Diagnostic]
    }

    /// How many leading bytes are checked for NUL, the way git decides a file is binary.
    static let binaryProbeLength = 8000

    static func decode(_ input: [UInt8], path: String) -> Result<Decoded, IngestError> {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = bytes.prefix(binaryProbeLength).firstIndex(of: 0) {
            return .failure(.notText(location(ofOffset: nul, in: bytes, path: path)))
        }
        bytes = normalizingLineEndings(bytes)
        // The standard library validates (in pieces, so that long ASCII runs are checked a word at a time); only
        // on failure do we walk the bytes ourselves to say where the first bad byte is.
        guard var text = PiecewiseUTF8.string(bytes) else {
            let bad = UTF8Validation.firstInvalidOffset(bytes) ?? 0
            return .failure(.invalidUTF8(location(ofOffset: bad, in: bytes, path: path)))
        }
        var diagnostics: [Diagnostic] = []
        let ascii = UTF8Validation.isASCII(bytes)
        if !ascii, let bidi = bidiControlWarning(bytes, path: path) { diagnostics.append(bidi) }
        if !ascii, let repair = MacRomanRepair.repair(text) {
            text = repair.text
            diagnostics.append(Diagnostic(
                .warning, code: "mojibake-repaired",
                "the text looked like UTF-8 that was decoded as Mac OS Roman (e.g. ‚Äô for ’); repaired "
                    + "\(repair.sequences) character(s); re-save the file as UTF-8",
                at: SourceLocation(file: path, line: repair.firstLine)))
        }
        return .success(Decoded(text: text, diagnostics: diagnostics))
    }

    /// One warning for a file holding bidirectional embedding, override or isolate controls (U+202A–U+202E,
    /// U+2066–U+2069): they make text display in another order than it is stored ("Trojan Source"), so a title could
    /// read differently from what is indexed. The entry reader removes them; the warning names the first one.
    static func bidiControlWarning(_ bytes: [UInt8], path: String) -> Diagnostic? {
        var count = 0
        var first: (offset: Int, scalar: UInt32)?
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            // In UTF-8 they are E2 80 AA…AE and E2 81 A6…A9: jump from one E2 byte to the next.
            while offset + 2 < buffer.count,
                let hit = memchr(base + offset, 0xE2, buffer.count - offset - 2)
            {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let (b1, b2) = (buffer[i + 1], buffer[i + 2])
                if (b1 == 0x80 && (0xAA...0xAE).contains(b2)) || (b1 == 0x81 && (0xA6...0xA9).contains(b2)) {
                    count += 1
                    if first == nil { first = (i, 0x2000 + UInt32(b1 & 0x3F) << 6 + UInt32(b2 & 0x3F)) }
                }
                offset = i + 1
            }
        }
        guard let first else { return nil }
        let hex = String(first.scalar, radix: 16, uppercase: true)
        return Diagnostic(
            .warning, code: "bidi-control",
            "U+\(hex) is a bidirectional control character, which can make text display in another order than it is "
                + "read (\(count) in this file); they are removed from entries",
            at: location(ofOffset: first.offset, in: bytes, path: path))
    }

    /// CRLF and lone CR become LF.
    static func normalizingLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        let hasCR = bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0x0D, raw.count) != nil } ?? false }
        guard hasCR else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

    /// The 1-based line and column (in bytes) of `offset`, counting CRLF, CR and LF as line ends.
    static func location(ofOffset offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        var i = 0
        while i < offset {
            if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return SourceLocation(file: path, line: line, column: offset - lineStart + 1)
    }
}
