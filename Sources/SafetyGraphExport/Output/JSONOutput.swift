import Foundation

/// The one JSON encoder configuration every SafetyGraph file uses: sorted keys, pretty, unescaped slashes,
/// a final newline — so two builds of the same input are byte-identical.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
