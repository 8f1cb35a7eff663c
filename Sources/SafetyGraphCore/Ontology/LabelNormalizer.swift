import Foundation

/// Normalises labels and text for comparison: the one definition of "the same words" shared by the ontology
/// loader (label collisions, ignore phrases) and the tagger.
///
/// Steps: compatibility decomposition (NFKD, so `ﬁ` → `fi`, full-width → ASCII), lowercase, drop combining and
/// format marks (diacritics, soft hyphens, zero-width joiners), then treat `-` (and every other dash), `&`, `/`,
/// `.`, `_`, control characters and whitespace runs as one space, trimmed at both ends. Everything else (letters,
/// digits, `+`, `'`, `(`, …) is kept.
///
/// `"Human–AI  Interaction"` → `"human ai interaction"`, `"Fine-Tuning"` → `"fine tuning"`,
/// `"Coöperation"` → `"cooperation"`, `" -- "` → `""`.
public enum LabelNormalizer {
    /// The normalised form of `text`; empty when `text` has no letters, digits or other kept characters.
    public static func normalize(_ text: String) -> String {
        // Fast path: most labels and most list text are ASCII, which needs no decomposition.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return normalizeASCII(text) }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch classify(scalar) {
            case .drop: continue
            case .separator: pendingSpace = !out.isEmpty
            case .keep:
                if pendingSpace {
                    out.append(" ")
                    pendingSpace = false
                }
                if scalar.isASCII {
                    out.append(lowercasedASCII(scalar))
                } else {
                    // A lowercase mapping can reintroduce a combining mark (`İ` → `i` + U+0307): drop it too.
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars where classify(lower) == .keep {
                        out.append(lower)
                    }
                }
            }
        }
        return String(out)
    }

    // MARK: - Scalars

    private enum Class { case keep, drop, separator }

    private static func classify(_ scalar: Unicode.Scalar) -> Class {
        if scalar.isASCII {
            switch scalar {
            case "-", "&", "/", ".", "_", " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}": return .separator
            case "\u{00}"..."\u{1F}", "\u{7F}": return .separator
            default: return .keep
            }
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return .drop
        case .dashPunctuation, .control, .spaceSeparator, .lineSeparator, .paragraphSeparator: return .separator
        default: return properties.isWhitespace ? .separator : .keep
        }
    }

    private static func lowercasedASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard ("A"..."Z").contains(scalar), let lower = Unicode.Scalar(scalar.value + 32) else { return scalar }
        return lower
    }

    private static func normalizeASCII(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "&"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "_"),
                0x00...0x20, 0x7F:
                pendingSpace = !bytes.isEmpty
            default:
                if pendingSpace {
                    bytes.append(0x20)
                    pendingSpace = false
                }
                bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
