import Foundation
import Testing
@testable import SafetyGraphExport

@Suite struct EscapingTests {
    static func json(_ s: String) -> String {
        let sink = ByteSink()
        sink.appendJSONString(s)
        return sink.text
    }

    static func rdf(_ s: String) -> String {
        let sink = ByteSink()
        sink.appendRDFString(s)
        return sink.text
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        (#"say "hi""#, #""say \"hi\"""#),
        (#"back\slash"#, #""back\\slash""#),
        ("a\nb\tc\rd\u{8}e\u{C}f", #""a\nb\tc\rd\be\ff""#),
        ("\u{0}\u{1}\u{1F}\u{7F}", #""\u0000\u0001\u001f\u007f""#),
        ("</script><!--&>", #""\u003c/script\u003e\u003c!--\u0026\u003e""#),
        ("line\u{2028}para\u{2029}", #""line\u2028para\u2029""#),
        ("é e\u{301} \u{202E}rtl\u{202C} \u{200F} 😀👩\u{200D}💻", "\"é e\u{301} \u{202E}rtl\u{202C} \u{200F} 😀👩\u{200D}💻\""),
        ("", #""""#),
    ])
    func jsonStrings(_ input: String, _ expected: String) {
        #expect(Self.json(input) == expected)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        (#"say "hi""#, #""say \"hi\"""#),
        (#"back\slash"#, #""back\\slash""#),
        ("a\nb\tc\rd\u{8}e\u{C}f", #""a\nb\tc\rd\be\ff""#),
        ("\u{0}\u{1}\u{1B}\u{1F}\u{7F}", #""\u0000\u0001\u001B\u001F\u007F""#),
        ("</script> & <b>", #""</script> & <b>""#),
        ("é e\u{301} \u{202E}rtl\u{202C} 😀", "\"é e\u{301} \u{202E}rtl\u{202C} 😀\""),
    ])
    func nTriplesAndTurtleStrings(_ input: String, _ expected: String) {
        #expect(Self.rdf(input) == expected)
    }

    @Test func noRawControlCharacterSurvives() {
        let all = String(String.UnicodeScalarView((0..<0x80).compactMap(Unicode.Scalar.init)))
        for text in [Self.json(all), Self.rdf(all)] {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        }
    }

    /// The 16-byte tests (`Block`) against the byte-by-byte rule they stand for, for every byte value at every lane
    /// of an otherwise plain block (and against `SWAR` on its two halves).
    @Test func blockTestsAgreeWithTheByteRules() {
        let rules: [(name: String, block: (Block.Bytes) -> Bool, word: (UInt64) -> Bool, byte: (UInt8) -> Bool)] = [
            ("JSON", Block.mayNeedJSONEscape, SWAR.mayNeedJSONEscape, { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }),
            (
                "HTML", Block.mayNeedHTMLEscape, SWAR.mayNeedHTMLEscape,
                { $0 < 0x20 || [0x22, 0x5C, 0x7F, 0x3C, 0x3E, 0x26, 0xE2].contains($0) }
            ),
            ("RDF", Block.mayNeedRDFEscape, SWAR.mayNeedRDFEscape, { $0 < 0x20 || [0x22, 0x5C, 0x7F].contains($0) }),
        ]
        for rule in rules {
            #expect(!rule.block(Block.Bytes(repeating: UInt8(ascii: "a"))), "\(rule.name) plain block")
            for value in 0...255 {
                for lane in 0..<16 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 16)
                    bytes[lane] = UInt8(value)
                    let block = bytes.withUnsafeBufferPointer { Block.load($0, 0) }
                    let words = bytes.withUnsafeBufferPointer { [SWAR.word($0, 0), SWAR.word($0, 8)] }
                    let expected = rule.byte(UInt8(value))
                    #expect(rule.block(block) == expected, "\(rule.name) byte \(value) lane \(lane)")
                    #expect(words.contains(where: rule.word) == expected, "\(rule.name) SWAR byte \(value) lane \(lane)")
                }
            }
        }
    }

    @Test func sinkFlushesInChunksAndKeepsEveryByte() throws {
        // A memory sink never flushes; its text is everything written, across many appends.
        let sink = ByteSink()
        for i in 0..<20_000 { sink.appendJSONString("entry \(i) \"q\"") }
        #expect(sink.count == sink.bytes.count)
        #expect(sink.text.hasPrefix(#""entry 0 \"q\"""#))
        #expect(sink.text.hasSuffix(#""entry 19999 \"q\"""#))
    }

    /// The two-character escapes JSON, N-Triples and Turtle share.
    static func shortEscape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x22: "\\\""
        case 0x5C: "\\\\"
        case 0x0A: "\\n"
        case 0x0D: "\\r"
        case 0x09: "\\t"
        case 0x08: "\\b"
        case 0x0C: "\\f"
        default: nil
        }
    }

    /// JSON escaping scalar by scalar, as the documentation of `appendJSONString` states it.
    static func jsonReference(_ text: String, forHTML: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if let escape = shortEscape(scalar) {
                out += escape
                continue
            }
            switch scalar.value {
            case 0..<0x20: out += "\\u" + String(format: "%04x", scalar.value)
            case 0x7F, 0x3C, 0x3E, 0x26, 0x2028, 0x2029:
                if forHTML { out += "\\u" + String(format: "%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// N-Triples / Turtle escaping scalar by scalar, as the documentation of `appendRDFString` states it.
    static func rdfReference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if let escape = shortEscape(scalar) {
                out += escape
                continue
            }
            switch scalar.value {
            case 0..<0x20, 0x7F: out += "\\u" + String(format: "%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The scans skip plain text sixteen and eight bytes at a time, and test the last few as the text's last sixteen
    /// or eight: a byte that needs escaping must be found in every lane of either, so each ASCII character, U+2028, U+2029 and 0xE2 neighbours that need nothing stand
    /// at every offset of a plain run long enough for both widths.
    @Test func escapesAreFoundAtEveryOffsetOfALongRun() {
        let specials = (0..<0x80).compactMap(Unicode.Scalar.init) + [0x2027, 0x2028, 0x2029, 0x20AC, 0xE9].compactMap(Unicode.Scalar.init)
        for scalar in specials {
            for offset in 0..<40 {
                let text = String(repeating: "x", count: offset) + String(scalar) + String(repeating: "y", count: 40 - offset)
                for forHTML in [true, false] {
                    let sink = ByteSink()
                    sink.appendJSONString(text, forHTML: forHTML)
                    #expect(sink.text == Self.jsonReference(text, forHTML: forHTML), "U+\(String(scalar.value, radix: 16)) at \(offset)")
                }
                #expect(Self.rdf(text) == Self.rdfReference(text), "U+\(String(scalar.value, radix: 16)) at \(offset)")
            }
        }
    }

    /// The escaping, scalar by scalar, as the documentation states it: the byte-table scan must agree on every
    /// scalar below U+0800, the U+20xx block (U+2028/U+2029 and their 0xE2 neighbours) and some astral ones.
    @Test func jsonEscapingAgreesWithItsDefinitionOnEveryScalar() {
        let scalars = (Array(0..<0x800) + Array(0x2000..<0x2100) + [0xFFFD, 0x1F600, 0x10FFFF]).compactMap(Unicode.Scalar.init)
        for forHTML in [true, false] {
            for scalar in scalars {
                let text = "a" + String(scalar) + "z" + String(scalar)
                let sink = ByteSink()
                sink.appendJSONString(text, forHTML: forHTML)
                #expect(sink.text == Self.jsonReference(text, forHTML: forHTML), "U+\(String(scalar.value, radix: 16)) forHTML \(forHTML)")
            }
            let all = String(String.UnicodeScalarView(scalars))
            let sink = ByteSink()
            sink.appendJSONString(all, forHTML: forHTML)
            #expect(sink.text == Self.jsonReference(all, forHTML: forHTML))
        }
    }
}
