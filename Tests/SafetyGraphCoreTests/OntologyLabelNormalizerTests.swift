import Testing

@testable import SafetyGraphCore

@Suite struct OntologyLabelNormalizerTests {
    @Test(arguments: [
        ("Robustness", "robustness"),
        ("  Human–AI   Interaction ", "human ai interaction"),
        ("Fine-Tuning", "fine tuning"),
        ("R&D", "r d"),
        ("input/output", "input output"),
        ("U.S.", "u s"),
        ("snake_case", "snake case"),
        ("Coöperation", "cooperation"),
        ("Aéronautique", "aeronautique"),
        ("ÉCOLE", "ecole"),
        ("Ｆｕｌｌｗｉｄｔｈ", "fullwidth"),
        ("ﬁne tuning", "fine tuning"),
        ("İstanbul", "istanbul"),
        ("fine\u{AD}tuning", "finetuning"),
        ("zero\u{200B}width", "zerowidth"),
        ("tab\tand\nnewline", "tab and newline"),
        ("C++", "c"),
        ("LLM's", "llms"),
        ("Straße", "strasse"),
        ("Ελληνικά", "ελληνικα"),
        (" -- / . ", ""),
        ("", ""),
    ])
    func normalizes(label: String, expected: String) {
        #expect(LabelNormalizer.normalize(label) == expected)
    }

    @Test func isIdempotent() {
        for label in ["Human–AI Interaction", "Aéronautique & Ｆｕｌｌ", "a -- b", "İ"] {
            let once = LabelNormalizer.normalize(label)
            #expect(LabelNormalizer.normalize(once) == once)
        }
    }

    @Test func asciiAndUnicodePathsAgree() {
        // The same text with and without one non-ASCII character must differ only there.
        #expect(
            LabelNormalizer.normalize("Fine-Tuning of LLMs é") == LabelNormalizer.normalize("Fine-Tuning of LLMs")
                + " e")
    }

    @Test func suggestsCloseSpellings() {
        #expect(Spelling.closest(to: "titel", among: ["id", "title", "definition"]) == "title")
        #expect(Spelling.closest(to: "PrefLabel", among: RawConcept.keys) == "prefLabel")
        #expect(Spelling.closest(to: "defintion", among: RawConcept.keys) == "definition")
        #expect(Spelling.closest(to: "colour", among: RawConcept.keys) == nil)
        #expect(Spelling.closest(to: "", among: ["id"]) == nil)
    }
}
