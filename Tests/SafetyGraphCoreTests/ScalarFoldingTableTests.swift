import Foundation
import Testing
@testable import SafetyGraphCore

/// The folding table (`ScalarFolding.shared`, built with Foundation's folding of all its letters in one call)
/// against the plain path (`ScalarFolding.classify`, one Foundation call per scalar): the same kind, case and
/// folded bytes for every scalar the table holds.
@Suite struct ScalarFoldingTableTests {
    @Test(arguments: Array(stride(from: UInt32(0x80), to: 0x2000, by: 0x200)))
    func tableMatchesThePlainPath(blockStart: UInt32) {
        var mismatches: [String] = []
        for value in blockStart..<(blockStart + 0x200) {
            let plain: (ScalarKind, ScalarCase, [UInt8])
            if let scalar = Unicode.Scalar(value) {
                let (kind, letterCase, folded) = ScalarFolding.classify(scalar, useFoundation: true)
                plain = (kind, letterCase, Array(folded.utf8.prefix(255)))
            } else {
                plain = (.soft, .none, [])
            }
            let table = ScalarFolding.shared.withFolded(value) { kind, letterCase, folded in
                (kind, letterCase, Array(folded))
            }
            if table.0 != plain.0 || table.1 != plain.1 || table.2 != plain.2 {
                mismatches.append("U+\(String(value, radix: 16)): table \(table), plain \(plain)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func bulkFoldsAreFoundationsFoldsOneByOne() {
        // Every scalar of the table's range, not only its words: letters, marks, digits, symbols, spaces.
        let scalars = (UInt32(0x80)..<0x2000).compactMap(Unicode.Scalar.init)
        let bulk = ScalarFolding.foundationFolds(scalars)
        #expect(bulk.count == scalars.count)
        for (scalar, folded) in zip(scalars, bulk) {
            #expect(folded == String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil),
                "U+\(String(scalar.value, radix: 16))")
        }
        #expect(ScalarFolding.foundationFolds([]).isEmpty)
    }
}
