import Foundation
import Testing
@testable import SafetyGraphExport

/// A file sink reserves a large file's space ahead of its writes (`FileSpace`): the reservation must never show in
/// the file (its size and bytes are what was written), must be given back past the end when the sink closes, and
/// must not get in the way of a write's own error.
@Suite struct ByteSinkSpaceTests {
    static func temporaryFile() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sg-space-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        return url
    }

    /// The file's size and the bytes of disk it holds (`st_blocks` counts 512-byte units).
    static func sizes(_ url: URL) -> (size: Int, allocated: Int) {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return (-1, -1) }
        return (Int(info.st_size), Int(info.st_blocks) * 512)
    }

    @Test func aReservationChangesNeitherTheSizeNorTheBytes() throws {
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let space = FileSpace(descriptor: handle.fileDescriptor)
        space.ensure(through: FileSpace.threshold)
        #expect(space.reservedBytes == 0, "a file no larger than the threshold gets no reservation")
        space.ensure(through: 3 << 20)
        #expect(space.reservedBytes == 6 << 20, "twice the end asked for")
        space.ensure(through: 5 << 20)
        #expect(space.reservedBytes == 6 << 20, "nothing more while the end is reserved")
        var sizes = Self.sizes(url)
        #expect(sizes.size == 0, "the reservation must not change the file's size")
        #expect(sizes.allocated >= 6 << 20)
        #expect(space.trim(to: 0) == nil)
        sizes = Self.sizes(url)
        #expect(sizes.size == 0 && sizes.allocated == 0, "\(sizes)")
        #expect(space.reservedBytes == 0)
    }

    @Test func aLargeStepIsBounded() throws {
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let space = FileSpace(descriptor: handle.fileDescriptor)
        space.ensure(through: 100 << 20)
        #expect(space.reservedBytes == (100 << 20) + FileSpace.largestStep)
        #expect(space.trim(to: 0) == nil)
    }

    @Test func aClosedSinkHoldsNoSpacePastItsEnd() throws {
        let url = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        let sink = ByteSink(handle: try FileHandle(forWritingTo: url), path: "large.nt")
        var expected: [UInt8] = []
        var pieces: [ByteSink] = []
        var writes: [ByteSink.PendingWrite] = []
        for step in 0..<40 {
            // Buffered appends and pieces written later, as the linked data's runs are: 5.3 MB in all.
            let line = "<https://example.org/\(step)> <https://example.org/p> \"\(step)\" .\n"
            let text = String(repeating: line, count: 700)
            sink.append(text)
            expected += Array(text.utf8)
            let piece = ByteSink()
            let bytes = (0..<90_000).map { UInt8(truncatingIfNeeded: 0x41 &+ ($0 &+ step) % 26) }
            bytes.withUnsafeBufferPointer { piece.append($0) }
            expected += bytes
            pieces.append(piece)
            if let write = sink.appendLater(contentsOf: piece) { writes.append(write) }
        }
        for write in writes.reversed() { write.perform() }
        try sink.close()
        withExtendedLifetime(pieces) {}
        let sizes = Self.sizes(url)
        #expect(sizes.size == expected.count)
        // What was reserved ahead (up to twice the end) is given back: the file holds its pages and no more than a
        // few blocks of the file system's own beyond them.
        let pages = (expected.count + 4_095) / 4_096 * 4_096
        #expect(sizes.allocated <= pages + 64 << 10, "\(sizes.allocated) bytes held for \(expected.count) written")
        let written = try [UInt8](Data(contentsOf: url))
        let difference = zip(written, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(written.count == expected.count)
        #expect(difference == nil, "the file differs from byte \(difference ?? 0) on")
    }

    @Test func aDeviceWithoutReservationsStillReportsTheWriteThatFailed() throws {
        // /dev/full refuses `fallocate` and every write: the sink stops reserving and reports the write's error.
        guard let handle = FileHandle(forWritingAtPath: "/dev/full") else { return }
        let sink = ByteSink(handle: handle, path: "full.ttl")
        let piece = ByteSink()
        piece.append(String(repeating: "y", count: 3 << 20))
        sink.appendLater(contentsOf: piece)?.perform()
        do {
            try sink.close()
            Issue.record("close did not report the failed write")
        } catch {
            #expect(error.description.contains("full.ttl") && error.description.contains("cannot write"), "\(error)")
            #expect(!error.description.contains("reserved"), "\(error)")
        }
    }
}
