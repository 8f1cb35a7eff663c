import Testing
@testable import SafetyGraphMarkdown

/// `PiecewiseUTF8.string` must give exactly what `String(validating:as:)` gives on the whole buffer: the same
/// text, and nil on the same inputs. The inputs are built to put cuts next to every kind of byte: long ASCII runs
/// touching truncated, overlong and surrogate sequences, lone continuation bytes, random bytes, mojibake.
@Suite struct PiecewiseUTF8Tests {
    /// Limits small enough to cut short inputs into many pieces, and the shipped ones.
    static let limits: [(minimumASCIIRun: Int, maximumPiece: Int)] = [
        (1, 1), (1, 3), (2, 5), (3, 2), (8, 8), (16, 7), (PiecewiseUTF8.minimumASCIIRun, PiecewiseUTF8.maximumPiece),
    ]

    /// Fragments that are valid or invalid on their own, or only next to each other.
    static let fragments: [[UInt8]] = [
        Array("plain ascii text ".utf8), Array(String(repeating: "x", count: 40).utf8), Array("\n".utf8),
        Array("é".utf8), Array("’".utf8), Array("🌟".utf8), Array("中文".utf8), Array("‚Äô".utf8), Array("üåü".utf8),
        [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x8C], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80],
        [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFE], [0xFF], [0x00], [0x7F],
    ]

    static func check(_ bytes: [UInt8], _ what: String) {
        let expected = String(validating: bytes, as: UTF8.self)
        for limit in limits {
            let got = PiecewiseUTF8.string(bytes, minimumASCIIRun: limit.minimumASCIIRun, maximumPiece: limit.maximumPiece)
            #expect(
                got.map { Array($0.utf8) } == expected.map { Array($0.utf8) },
                "\(what), limits \(limit), bytes \(bytes.prefix(64))")
            // The same made in two halves at once, whatever the size.
            let halves = PiecewiseUTF8.string(
                bytes, minimumASCIIRun: limit.minimumASCIIRun, maximumPiece: limit.maximumPiece, halvesFrom: 0)
            #expect(
                halves.map { Array($0.utf8) } == expected.map { Array($0.utf8) },
                "\(what), in halves, limits \(limit), bytes \(bytes.prefix(64))")
        }
        #expect(PiecewiseUTF8.string(bytes).map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(what)")
    }

    @Test func emptyAndPlainInputs() {
        Self.check([], "empty")
        Self.check(Array("a".utf8), "one byte")
        Self.check(Array(String(repeating: "long ascii line\n", count: 20_000).utf8), "all ASCII")
        Self.check(Array(String(repeating: "Coöperation – “quoted” 🌟 中文\n", count: 2_000).utf8), "dense non-ASCII")
    }

    /// A list of the size that is made in two halves with the shipped limits, valid and with one bad byte in
    /// either half.
    @Test func aLargeListInHalves() {
        var bytes = Array(String(repeating: "Coöperation – a line of ASCII text, and more of it\n", count: 90_000).utf8)
        #expect(bytes.count >= PiecewiseUTF8.halvesFrom)
        #expect(PiecewiseUTF8.string(bytes).map { Array($0.utf8) } == bytes)
        for bad in [1_000, bytes.count - 1_000] {
            let kept = bytes[bad]
            bytes[bad] = 0xFF
            #expect(PiecewiseUTF8.string(bytes) == nil, "a bad byte at \(bad)")
            bytes[bad] = kept
        }
    }

    @Test(arguments: 0..<40) func randomConcatenationsOfFragments(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed) &* 7_919 &+ 1)
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 1...60, using: &generator) {
            bytes += Self.fragments.randomElement(using: &generator)!
        }
        Self.check(bytes, "fragments, seed \(seed)")
        // The same text with a long ASCII run in front and behind, so that the shipped limits cut it too.
        let run = Array(String(repeating: "y", count: PiecewiseUTF8.minimumASCIIRun + seed).utf8)
        Self.check(run + bytes + run, "fragments between runs, seed \(seed)")
    }

    @Test(arguments: 0..<20) func randomBytes(seed: Int) {
        var generator = SplitMix64(seed: UInt64(seed) &+ 12_345)
        let count = Int.random(in: 0...3_000, using: &generator)
        // Mostly ASCII with a few high bytes: random high bytes rarely form valid UTF-8, so the valid case comes
        // from the fragment test and from this one's seeds where no high byte was drawn.
        let highShare = [0, 1, 5, 50, 255][seed % 5]
        let bytes = (0..<count).map { _ -> UInt8 in
            let draw = UInt8(truncatingIfNeeded: generator.next())
            return Int(draw) < highShare ? draw | 0x80 : draw & 0x7F
        }
        Self.check(bytes, "random bytes, seed \(seed)")
    }

    @Test func everyTwoByteCombinationAfterARun() {
        let run = Array(String(repeating: "z", count: 20).utf8)
        for first in UInt8(0x70)...0xFF {
            for second in stride(from: 0, through: 0xFF, by: 5) {
                Self.check(run + [first, UInt8(second)] + run, "bytes \(first) \(second)")
            }
        }
    }

    @Test func piecesCoverTheInputAndCutOnlyNextToASCII() {
        var generator = SplitMix64(seed: 99)
        for _ in 0..<50 {
            var bytes: [UInt8] = []
            for _ in 0..<40 { bytes += Self.fragments.randomElement(using: &generator)! }
            bytes.withUnsafeBufferPointer { buffer in
                let pieces = PiecewiseUTF8.pieces(buffer, minimumASCIIRun: 4, maximumPiece: 6)
                #expect(pieces.first?.range.lowerBound == 0)
                #expect(pieces.last?.range.upperBound == bytes.count)
                for (a, b) in zip(pieces, pieces.dropFirst()) {
                    #expect(a.range.upperBound == b.range.lowerBound)
                    let cut = b.range.lowerBound
                    #expect(bytes[cut - 1] < 0x80 || bytes[cut] < 0x80, "cut at \(cut) between two high bytes")
                }
                for piece in pieces where piece.isASCII {
                    #expect(bytes[piece.range].allSatisfy { $0 < 0x80 })
                }
            }
        }
    }
}
