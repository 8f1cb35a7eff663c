import Testing
@testable import SafetyGraphMarkdown

/// `MacRomanRepair.repair` (early refusal, then the whole re-encoding) against the plain path
/// (`repairWholly` alone): the same repair, or nil, for clean text, mojibake, and random mixes of both.
@Suite struct MacRomanEarlyRefusalTests {
    /// `text` as it looks after being decoded as Mac OS Roman and saved again as UTF-8.
    static func damaged(_ text: String) -> String {
        String(String.UnicodeScalarView(text.utf8.map { byte in
            byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(MacRomanRepair.highHalf[Int(byte - 0x80)])!
        }))
    }

    static func check(_ text: String, _ what: String) {
        let plain = MacRomanRepair.repairWholly(text)
        #expect(MacRomanRepair.repair(text) == plain, "\(what): \(text.debugDescription.prefix(120))")
        if MacRomanRepair.isRefusedEarly(text) { #expect(plain == nil, "refused early but repairable: \(what)") }
    }

    static let pieces = [
        "What’s new", "Coöperation", "🌟 star", "中文", "naïve café", "plain ascii", "\n", " – ", "“quoted”", "é",
        "ü", "√", "Ω", "€", "¤", "fi", "", "\u{F8FF}", "Ä", "ÿ", "x", "ñ",
    ]

    @Test func cleanAndDamagedSamples() {
        for piece in Self.pieces {
            Self.check(piece, "clean")
            Self.check(Self.damaged(piece), "damaged")
            Self.check("ascii before " + Self.damaged(piece) + " and after", "damaged inside ASCII")
        }
        Self.check("", "empty")
        Self.check(Self.damaged("What’s up 🌟\nTübingen – “quoted”\n"), "damaged lines")
        #expect(MacRomanRepair.repair(Self.damaged("What’s up 🌟\nTübingen – “quoted”\n"))?.text
            == "What’s up 🌟\nTübingen – “quoted”\n")
        // Damaged text with one clean character left in it: the repair is refused, early or not.
        Self.check(Self.damaged("What’s up ") + "é" + Self.damaged(" Tübingen"), "damaged plus clean é")
        Self.check(Self.damaged("What’s up ") + "🌟" + Self.damaged(" Tübingen"), "damaged plus emoji")
    }

    @Test(arguments: 0..<60) func randomMixes(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 3)
        var text = ""
        for _ in 0..<Int.random(in: 1...30, using: &generator) {
            let piece = Self.pieces.randomElement(using: &generator)!
            // Mostly damaged pieces, so that whole-file repairs happen; a clean one now and then.
            text += Int.random(in: 0..<4, using: &generator) == 0 ? piece : Self.damaged(piece)
        }
        Self.check(text, "mix, seed \(seed)")
    }

    @Test(arguments: 0..<30) func randomHighHalfScalars(seed: Int) {
        // Any Mac OS Roman characters, in any order: their bytes are mostly invalid UTF-8, sometimes valid.
        var generator = SplitMix64(seed: UInt64(seed) &+ 77)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 1...40, using: &generator) {
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: scalars.append(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &generator)))
            default: scalars.append(Unicode.Scalar(MacRomanRepair.highHalf.randomElement(using: &generator)!)!)
            }
        }
        Self.check(String(scalars), "high half, seed \(seed)")
    }
}
