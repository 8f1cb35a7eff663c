import Foundation
import Testing
import SafetyGraphCore
@testable import SafetyGraphExport

/// A file sink writes every byte at its place (`pwrite`): pieces given their place in order with `appendLater` and
/// written later, from several threads in any order, must make the file that appending them in order makes; and a
/// write that fails must be reported by `close()`, whichever thread met it.
@Suite struct ByteSinkFileTests {
    /// A deterministic generator, so that a failure can be reproduced.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func temporaryFile() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sg-bytesink-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        return url
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func piecesWrittenLaterFromManyThreadsMakeTheFileOfAppendsInOrder(seed: Int) throws {
        var random = Generator(state: UInt64(seed))
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        let sink = ByteSink(handle: try FileHandle(forWritingTo: url), path: "test")
        var expected: [UInt8] = []
        var pieces: [ByteSink] = []  // kept as they are until their writes are done
        var writes: [ByteSink.PendingWrite] = []
        for step in 0..<60 {
            // Small appends through the buffer (some flushing it), and pieces below and above the size that is
            // written through, some with their first byte dropped (as a run's separator is).
            switch random.next(3) {
            case 0:
                let text = String(repeating: "\(step)-", count: 1 + random.next(40_000))
                sink.append(text)
                expected += Array(text.utf8)
            default:
                let piece = ByteSink()
                let length = 1 + random.next(random.next(2) == 0 ? 2_000 : 300_000)
                let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ step) }
                bytes.withUnsafeBufferPointer { piece.append($0) }
                let dropped = random.next(2)
                expected += bytes.dropFirst(dropped)
                pieces.append(piece)
                if let write = sink.appendLater(contentsOf: piece, droppingFirst: dropped) { writes.append(write) }
            }
        }
        #expect(writes.count > 5)
        #expect(sink.count == expected.count)
        // The writes in a shuffled order, on all cores.
        var order = Array(writes.indices)
        for i in order.indices.reversed() { order.swapAt(i, random.next(i + 1)) }
        let shared = UncheckedSendable((writes, order))
        concurrentForEach(order.count) { k in shared.value.0[shared.value.1[k]].perform() }
        sink.append("end")
        expected += Array("end".utf8)
        try sink.close()
        withExtendedLifetime(pieces) {}
        let written = try [UInt8](Data(contentsOf: url))
        #expect(written.count == expected.count)
        // Compared here rather than by `#expect(==)`, which takes minutes to show two arrays of megabytes that differ.
        let difference = zip(written, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(difference == nil, "the file differs from byte \(difference ?? 0) on")
    }

    @Test func aFailedWriteIsReportedByClose() throws {
        // /dev/full takes no byte: every write fails with "No space left on device".
        guard let handle = FileHandle(forWritingAtPath: "/dev/full") else { return }
        let sink = ByteSink(handle: handle, path: "full.nt")
        let piece = ByteSink()
        piece.append(String(repeating: "x", count: 200_000))
        let write = sink.appendLater(contentsOf: piece)
        #expect(write != nil)
        write?.perform()
        sink.append("after")
        do {
            try sink.close()
            Issue.record("close did not report the failed write")
        } catch {
            #expect(error.description.contains("full.nt"), "\(error)")
            #expect(error.description.contains("cannot write"), "\(error)")
        }
    }
}
