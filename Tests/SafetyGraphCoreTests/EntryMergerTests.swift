import Testing
@testable import SafetyGraphCore

@Suite struct EntryMergerTests {
    func entry(_ url: String, title: String = "T", file: String, line: Int, path: [String], year: Int? = nil,
               organization: String? = nil, keywords: [String] = [], otherURLs: [String] = [],
               kind: EntryKind = .resource) -> Entry {
        let id = URLNormalizer.entryID(forNormalized: URLNormalizer.normalize(url)!)
        return Entry(id: id, title: title, url: url, otherURLs: otherURLs, year: year, organization: organization,
                     keywords: keywords, sectionPaths: [path], kind: kind,
                     sources: [SourceLocation(file: file, line: line)])
    }

    @Test func mergesByIDKeepingFirstScalarsAndUnitingLists() throws {
        let a = [
            entry("https://example.org/x", title: "First", file: "a.md", line: 9, path: ["Tools"], keywords: ["k1"]),
            entry("https://example.org/y", title: "Y", file: "a.md", line: 2, path: ["Tools"]),
        ]
        let b = [
            entry("http://www.example.org/x/", title: "Second", file: "b.md", line: 1, path: ["Papers", "Robustness"],
                  year: 2020, organization: "Org", keywords: ["K1", "k2"], otherURLs: ["https://example.org/code"],
                  kind: .article),
        ]
        let (entries, diagnostics) = EntryMerger.merge([a, b])
        #expect(entries.map(\.title) == ["First", "Y"])
        #expect(entries.map(\.id) == entries.map(\.id).sorted())
        let x = try #require(entries.first { $0.title == "First" })
        #expect(x.url == "https://example.org/x")
        #expect(x.year == 2020 && x.organization == "Org" && x.kind == .article)  // filled from the later one
        #expect(x.keywords == ["k1", "k2"])
        #expect(x.otherURLs == ["https://example.org/code"])
        #expect(x.sectionPaths == [["Papers", "Robustness"], ["Tools"]])
        #expect(x.sources == [SourceLocation(file: "a.md", line: 9), SourceLocation(file: "b.md", line: 1)])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == "duplicate-url")
        #expect(diagnostics.first?.location == SourceLocation(file: "b.md", line: 1))
        #expect(diagnostics.first?.message.contains("a.md:9") == true)
    }

    @Test func withinOneListTheEarlierLineWins() {
        let list = [
            entry("https://example.org/x", title: "Later", file: "a.md", line: 20, path: ["B"]),
            entry("https://example.org/x", title: "Earlier", file: "a.md", line: 3, path: ["A"]),
        ]
        let (entries, diagnostics) = EntryMerger.merge([list])
        #expect(entries.map(\.title) == ["Earlier"])
        #expect(diagnostics.map(\.location?.line) == [20])
    }

    @Test func theOrderOfTheListsDoesNotMatter() {
        let a = [
            entry("https://example.org/x", title: "From a", file: "a.md", line: 30, path: ["A"], keywords: ["ka"]),
        ]
        let b = [
            entry("https://example.org/x", title: "From b", file: "b.md", line: 1, path: ["B"], keywords: ["kb"],
                  otherURLs: ["https://example.org/b-code"]),
            entry("https://example.org/z", title: "Z", file: "b.md", line: 2, path: ["B"]),
        ]
        let forward = EntryMerger.merge([a, b])
        let backward = EntryMerger.merge([b, a])
        #expect(forward.entries == backward.entries)
        #expect(forward.diagnostics.sorted() == backward.diagnostics.sorted())
        // The canonical first occurrence is the smallest (file, line): a.md:30 before b.md:1.
        #expect(forward.entries.first { $0.url == "https://example.org/x" }?.title == "From a")
        #expect(forward.entries.first { $0.url == "https://example.org/x" }?.keywords == ["ka", "kb"])
        #expect(forward.diagnostics.map(\.location) == [SourceLocation(file: "b.md", line: 1)])
    }

    @Test func emptyInputs() {
        #expect(EntryMerger.merge([]).entries.isEmpty)
        #expect(EntryMerger.merge([[], []]).diagnostics.isEmpty)
    }
}
