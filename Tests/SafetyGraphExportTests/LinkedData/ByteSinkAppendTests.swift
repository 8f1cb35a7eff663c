import Testing
@testable import SafetyGraphExport

@Suite struct ByteSinkAppendTests {
    /// Every length the inline copy handles (and some `memcpy` does), from every offset of a source, after pieces
    /// of every length: the sink holds exactly the bytes appended, in order.
    @Test func appendsOfEveryLengthKeepEveryByte() {
        let source = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let sink = ByteSink()
        var expected: [UInt8] = []
        source.withUnsafeBufferPointer { all in
            for length in 0...70 {
                for offset in [0, 1, 3, 7, 13] {
                    let piece = UnsafeBufferPointer(rebasing: all[offset..<(offset + length)])
                    sink.append(piece)
                    expected += piece
                }
            }
        }
        #expect(sink.bytes == expected)
        #expect(sink.count == expected.count)
    }

    /// `copyShort` against a copy byte by byte, for each length it takes, into a buffer whose other bytes must stay.
    @Test func copyShortCopiesExactlyItsBytes() {
        let source = (0..<48).map { UInt8($0 + 1) }
        for count in 0...32 {
            var destination = [UInt8](repeating: 0, count: 48)
            source.withUnsafeBytes { from in
                destination.withUnsafeMutableBytes { to in
                    ByteSink.copyShort(from.baseAddress! + 5, to: to.baseAddress! + 3, count: count)
                }
            }
            var expected = [UInt8](repeating: 0, count: 48)
            for i in 0..<count { expected[3 + i] = source[5 + i] }
            #expect(destination == expected, "count \(count)")
        }
    }
}
