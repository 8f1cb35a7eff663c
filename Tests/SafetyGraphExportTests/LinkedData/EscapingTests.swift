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

    @Test func sinkFlushesInChunksAndKeepsEveryByte() throws {
        // A memory sink never flushes; its text is everything written, across many appends.
        let sink = ByteSink()
        for i in 0..<20_000 { sink.appendJSONString("entry \(i) \"q\"") }
        #expect(sink.count == sink.buffer.count)
        #expect(sink.text.hasPrefix(#""entry 0 \"q\"""#))
        #expect(sink.text.hasSuffix(#""entry 19999 \"q\"""#))
    }
}
