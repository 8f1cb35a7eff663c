import Testing
@testable import SafetyGraphGraphviz

/// `DOTText` quotes on UTF-8 bytes; these tests hold it to its rules read scalar by scalar (`reference`).
@Suite struct DOTQuotingTests {
    static func reference(_ text: String, backslash: Int) -> String {
        var out = "\""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += String(repeating: "\\", count: backslash)
            case "\n": if !previousWasCR { out += "\\n" }
            case "\r": out += "\\n"
            case "\t": out += " "
            case "&": out += "&amp;"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static let samples = [
        "", "plain", "a\"b", "back\\slash", "\\N \\G \\l", "line\nbreak", "cr\rlf\r\n\n", "\r", "\n\r", "tab\there",
        "a&amp;b &#0; &x;", "\u{0}\u{1}\u{1F}\u{7F}", "c1 \u{80}\u{85}\u{9F} \u{A0}", "\u{FFFE}\u{FFFF}\u{FFFD}\u{FEFF}",
        "ü é 中文 😀 👩\u{200D}💻 \u{202E}rtl", "\"]; node [shape=box", "</script><script>", "ÿ\u{C2}",
    ]

    @Test(arguments: samples)
    func idsAndValuesFollowTheRules(text: String) {
        #expect(DOTText.quotedID(text) == Self.reference(text, backslash: 2))
        #expect(DOTText.quotedValue(text, attribute: "label") == Self.reference(text, backslash: 2))
        #expect(DOTText.quotedValue(text, attribute: "tooltip") == Self.reference(text, backslash: 4))
    }

    @Test func everyPairOfInterestingCharactersFollowsTheRules() {
        let pieces = ["a", "\"", "\\", "\n", "\r", "\t", "&", "\u{1}", "\u{7F}", "\u{85}", "\u{FFFF}", "é", "😀", "\u{C2}"]
        for x in pieces {
            for y in pieces {
                for z in pieces {
                    let text = x + y + z
                    #expect(DOTText.quotedID(text) == Self.reference(text, backslash: 2))
                }
            }
        }
    }
}
