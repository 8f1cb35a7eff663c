import Foundation
import Testing
@testable import SafetyGraphGraphviz

/// The bitmap reader takes Graphviz's bytes as untrusted: whatever they are, it gives nil or pixels that lie inside
/// them, and never traps.
@Suite struct BitmapImageTests {
    /// 5 × 3 pixels: rows of 15 bytes padded to 16. Made on each use, not kept in a `static let`: LeakSanitizer
    /// does not see a global `Data`'s storage through its tagged representation and reports it as leaked.
    static var valid: Data { BitmapFile.make(width: 5, rows: BitmapFile.pattern(width: 5, height: 3)) }

    @Test func readsGraphvizsLayout() throws {
        let image = try #require(BitmapImage(Self.valid))
        #expect(image.width == 5 && image.height == 3)
        // Bottom-up: the top row is the last one stored.
        #expect(image.offset(ofRow: 0) == 54 + 2 * 16)
        #expect(image.offset(ofRow: 2) == 54)
        #expect(image.pixelEnd == Self.valid.count)
        let rows = BitmapFile.pattern(width: 5, height: 3)
        let topDown = try #require(BitmapImage(BitmapFile.make(width: 5, rows: rows, topDown: true)))
        #expect(topDown.offset(ofRow: 0) == 54)
        #expect(topDown.offset(ofRow: 2) == 54 + 2 * 16)
    }

    @Test func readsASliceOfLargerData() throws {
        let padded = Data([1, 2, 3]) + Self.valid
        #expect(BitmapImage(padded[3...]) != nil)
    }

    @Test func refusesEveryTruncation() {
        for length in 0..<Self.valid.count {
            #expect(BitmapImage(Self.valid.prefix(length)) == nil, "\(length) bytes")
            #expect(PNGEncoder.png(fromBitmap: Self.valid.prefix(length)) == nil, "\(length) bytes")
        }
    }

    /// (what is bent, offset, value) of 32-bit fields.
    static let bentFields: [(String, Int, UInt32)] = [
        ("file size too large", 2, 54 + 48 + 1),
        ("file size too small", 2, 54 + 48 - 1),
        ("reserved word", 6, 1),
        ("pixels past the end", 10, 55),
        ("pixels far past the end", 10, 0xFFFF_FFFF),
        ("pixels inside the header", 10, 40),
        ("a BITMAPV4HEADER", 14, 108),
        ("a BITMAPV5HEADER", 14, 124),
        ("an OS/2 header", 14, 12),
        ("zero width", 18, 0),
        ("negative width", 18, UInt32(bitPattern: -5)),
        ("huge width", 18, 0x7FFF_FFFF),
        ("width over the cap", 18, 1 << 16 + 1),
        ("zero height", 22, 0),
        ("most negative height", 22, 0x8000_0000),
        ("huge height", 22, 0x7FFF_FFFF),
        ("taller than the data", 22, 4),
        ("run-length compressed", 30, 1),
        ("bit fields", 30, 3),
        ("JPEG inside", 30, 4),
        ("wrong image size", 34, 47),
        ("a palette", 46, 16),
        ("important colours", 50, 1),
    ]

    @Test(arguments: bentFields)
    func refusesABentField(what: String, offset: Int, value: UInt32) {
        let bent = BitmapFile.setting(Self.valid, offset, value)
        #expect(BitmapImage(bent) == nil, "\(what)")
        #expect(PNGEncoder.png(fromBitmap: bent) == nil, "\(what)")
    }

    @Test(arguments: [0, 1, 8, 16, 32, 48] as [UInt16])
    func refusesAnotherDepth(bits: UInt16) {
        #expect(BitmapImage(BitmapFile.setting16(Self.valid, 28, bits)) == nil)
    }

    @Test func refusesAnotherPlaneCountOrSignature() {
        #expect(BitmapImage(BitmapFile.setting16(Self.valid, 26, 2)) == nil)
        #expect(BitmapImage(BitmapFile.setting16(Self.valid, 0, 0x4142)) == nil)
    }

    @Test func refusesDimensionsWhoseProductsOverflow() {
        // Sides within the cap whose pixel count is not, with sizes that would wrap 32 bits.
        var bent = BitmapFile.setting(Self.valid, 18, 1 << 16)
        bent = BitmapFile.setting(bent, 22, 1 << 16)
        bent = BitmapFile.setting(bent, 34, 0)
        #expect(BitmapImage(bent) == nil)
        // One row more than stored, the image size left to be computed.
        bent = BitmapFile.setting(BitmapFile.setting(Self.valid, 22, 4), 34, 0)
        #expect(BitmapImage(bent) == nil)
        // Within the caps, but the pixels are not there.
        bent = BitmapFile.setting(Self.valid, 18, 1 << 14)
        bent = BitmapFile.setting(bent, 22, 1 << 14)
        bent = BitmapFile.setting(bent, 34, 0)
        #expect(BitmapImage(bent) == nil)
    }

    /// Thousands of headers with random bytes changed: nil, or pixels inside the data, and an encoding that does
    /// not trap.
    @Test func randomDamageNeverTraps() {
        var generator = SplitMix64(seed: 0x5AFE_B17)
        var accepted = 0
        for _ in 0..<5000 {
            var bytes = [UInt8](Self.valid)
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                bytes[Int.random(in: 0..<54, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            let cut = Int.random(in: 0...10, using: &generator) == 0
            let length = cut ? Int.random(in: 0...bytes.count, using: &generator) : bytes.count
            let data = Data(bytes.prefix(length))
            if let image = BitmapImage(data) {
                accepted += 1
                #expect(image.pixelEnd <= data.count)
                #expect(image.offset(ofRow: 0) >= 54 && image.offset(ofRow: image.height - 1) >= 54)
                #expect(image.width * image.height * 3 <= data.count)
            }
            _ = PNGEncoder.png(fromBitmap: data)
        }
        // Changes to the resolution fields keep the bitmap readable: the loop did reach the encoder.
        #expect(accepted > 0)
    }
}

/// A small seeded generator, so a failure of the random test can be reproduced.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
