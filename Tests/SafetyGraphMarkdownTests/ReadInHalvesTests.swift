import Foundation
import Testing
@testable import SafetyGraphMarkdown

/// A large list is read in two halves at once; the bytes must be the file's exactly, and a file whose size is no
/// longer what `stat` said (it grew or shrank in between) must still be read whole, the plain way.
@Suite struct ReadInHalvesTests {
    static func file(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sg-halves-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        return url
    }

    static func read(_ url: URL, expected: Int, halvesFrom: Int) -> [UInt8]? {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return MarkdownIngester.readAll(fd, expected: expected, limit: 1 << 20, halvesFrom: halvesFrom)
    }

    @Test(arguments: [1, 2, 3, 4_095, 4_096, 100_001])
    func theBytesAreTheFilesWhateverItsSize(size: Int) throws {
        var generator = SplitMix64(seed: UInt64(size))
        let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let url = try Self.file(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        let halves = Self.read(url, expected: size, halvesFrom: 1)
        #expect(halves == bytes)
        // A size `stat` gave before the file grew or shrank: read whole all the same.
        for expected in [size - 1, size + 1, size + 4_096, size / 2] where expected >= 1 {
            #expect(Self.read(url, expected: expected, halvesFrom: 1) == bytes, "expected \(expected) of \(size)")
        }
    }

    @Test func anEmptyFileIsEmpty() throws {
        let url = try Self.file([])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(Self.read(url, expected: 0, halvesFrom: 0) == [])
    }
}
