import Foundation
import Testing
import SafetyGraphCore
@testable import SafetyGraphMarkdown

/// cmark-gfm keeps process-wide state during a parse: ingesting from several threads at once must give exactly
/// what one thread gives (this failed, now and then, before every parse took the cmark lock).
@Suite struct ConcurrentIngestTests {
    @Test func parallelIngestsEqualASerialOne() async throws {
        let names = ["AwesomeResponsibleAI.md", "awesome-llm-security.md", "awesome-mlops.md", "awful-ai.md"]
        let serial = try names.map { try Corpus.ingest($0).entries.map(\.id) }
        for _ in 0..<3 {
            let parallel = try await withThrowingTaskGroup(of: (Int, [EntryID]).self) { group in
                for (i, name) in names.enumerated() {
                    group.addTask { (i, try Corpus.ingest(name).entries.map(\.id)) }
                    group.addTask { (i, try Corpus.ingest(name).entries.map(\.id)) }
                }
                var results: [(Int, [EntryID])] = []
                for try await result in group { results.append(result) }
                return results
            }
            for (i, ids) in parallel {
                let same = ids == serial[i]
                #expect(same, "\(names[i]): \(ids.count) entries in parallel, \(serial[i].count) alone")
            }
        }
    }
}
