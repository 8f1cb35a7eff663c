import Foundation
import Testing
@testable import SafetyGraphGraphviz

/// Checks that need a process of their own (`graphviz-probe`): nothing on stderr, and memory that stays flat.
@Suite(.serialized) struct GraphvizProcessTests {
    @Test func graphvizWritesNothingToStderr() throws {
        let probe = try #require(Tools.probe, "graphviz-probe is built with the tests")
        let result = try Tools.run(probe, ["messages"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("warning: using box for unknown shape no-such-shape"))
        #expect(result.stdout.contains("broken.dot:1: error: Graphviz could not read the DOT: syntax error in line 1"))
    }

    /// 300 renders after warm-up. A graph without clusters must not grow the process at all (beyond allocator
    /// noise); the topic map (clusters) is bounded by Graphviz 2.43's own leak in dot's cluster layout (virtual
    /// nodes and edges, upstream issues #65/#614, about 30 kB a layout here) — our handles are all freed.
    @Test func memoryStaysFlatOverThreeHundredRenders() throws {
        let probe = try #require(Tools.probe, "graphviz-probe is built with the tests")
        let flat = KnowledgeGraphDOT().dot(for: Fixtures.graph()).encoded()
        let clustered = TopicMap().dot(for: Fixtures.graph()).encoded()
        for (name, text, limitKiB) in [("no clusters", flat, 1_536), ("topic map", clustered, 16_384)] {
            let file = try Tools.temporaryFile(text)
            defer { try? FileManager.default.removeItem(at: file) }
            let result = try Tools.run(probe, ["rss", file.path, "300"])
            #expect(result.status == 0, "\(result.stderr)")
            let growth = result.stdout.split(separator: "\n").first { $0.hasPrefix("growth-kib ") }
                .flatMap { Int($0.dropFirst("growth-kib ".count)) }
            let kib = try #require(growth, "probe output: \(result.stdout)")
            #expect(kib < limitKiB, "\(name): RSS grew \(kib) KiB over 300 renders")
        }
    }
}
