import Foundation
import SafetyGraphCore

// MARK: - SourceText

/// Turns raw file bytes into the text the parser sees: BOM stripped, binary rejected, UTF-8 validated, every line
/// ending made `\n`, and Mac OS Roman mojibake repaired.
///
/// Line endings are normalised on bytes, not on `Character`s: in Swift `"\r\n"` is ONE grapheme cluster, so a
/// character-level search for `"\n"` would miss every CRLF.
enum SourceText {
    struct Decoded {
        var text: String
        var diagnostics: [Diagnostic]
    }

    /// How many leading bytes are checked for NUL, the way git decides a file is binary.
    static let binaryProbeLength = 8000

    static func decode(_ input: [UInt8], path: String) -> Result<Decoded, IngestError> {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.prefix(binaryProbeLength).contains(0) { return .failure(.notText(path: path)) }
        bytes = normalizingLineEndings(bytes)
        // The standard library's validating initialiser is fast even in debug builds; only on failure do we walk
        // the bytes ourselves to say where the first bad byte is.
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let bad = UTF8Validation.firstInvalidOffset(bytes) ?? 0
            return .failure(.invalidUTF8(location(ofOffset: bad, in: bytes, path: path)))
        }
        var diagnostics: [Diagnostic] = []
        if !UTF8Validation.isASCII(bytes), let repair = MacRomanRepair.repair(text) {
            text = repair.text
            diagnostics.append(Diagnostic(
                .warning, code: "mojibake-repaired",
                "the text looked like UTF-8 that was decoded as Mac OS Roman (e.g. ‚Äô for ’); repaired "
                    + "\(repair.sequences) character(s); re-save the file as UTF-8",
                at: SourceLocation(file: path, line: repair.firstLine)))
        }
        return .success(Decoded(text: text, diagnostics: diagnostics))
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
