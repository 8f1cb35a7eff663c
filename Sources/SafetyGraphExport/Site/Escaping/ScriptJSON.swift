import Foundation

/// JSON that is safe inside an HTML `<script>` element and in a JavaScript file.
///
/// Inside `<script>`, the text `</script>` ends the element whatever JSON thinks, and `<!--` changes how the
/// parser reads the rest; U+2028 and U+2029 end a line in older JavaScript. `<`, `>` and `&` only ever occur
/// inside JSON strings, as do U+2028/U+2029, so writing them as `\u003c`, `\u003e`, `\u0026`, `\u2028`,
/// `\u2029` keeps the value and removes every way out of the element.
public enum ScriptJSON {
    /// Encodes `value` (keys sorted, compact) and escapes it for a script context.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return escape(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// `json` (valid JSON text) with `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX` escapes, and the
    /// code points HTML forbids written as escapes too (they can only stand inside strings).
    public static func escape(_ json: String) -> String {
        var out = ""
        out.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if HTMLEscaping.isForbidden(scalar) {
                    out += unicodeEscape(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `\uXXXX` (a surrogate pair above the BMP) for `scalar`.
    static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        String(scalar).utf16.map { unit in
            let hex = String(unit, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }.joined()
    }
}
