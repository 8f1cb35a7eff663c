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

    /// The merge moves entries out of the lists it is given: lists the caller keeps are copied first, never
    /// emptied under it; lists given up give the same result.
    @Test func listsTheCallerKeepsAreLeftAsTheyWere() {
        let a = [
            entry("https://example.org/x", title: "From a", file: "a.md", line: 3, path: ["A"], keywords: ["ka"]),
            entry("https://example.org/y", title: "Y", file: "a.md", line: 4, path: ["A"]),
        ]
        let b = [entry("https://example.org/x", title: "From b", file: "b.md", line: 1, path: ["B"], keywords: ["kb"])]
        let kept = [a, b]
        let merged = EntryMerger.merge(kept)
        #expect(kept == [a, b])
        #expect(kept[0].map(\.title) == ["From a", "Y"])
        var given = [a, b]
        let fromGiven = EntryMerger.merge(consume given)
        given = []
        #expect(fromGiven.entries == merged.entries && fromGiven.diagnostics == merged.diagnostics)
        #expect(merged.entries.map(\.title) == ["From a", "Y"])
        #expect(merged.entries.first?.keywords == ["ka", "kb"])
    }

    @Test func emptyInputs() {
        #expect(EntryMerger.merge([]).entries.isEmpty)
        #expect(EntryMerger.merge([[], []]).diagnostics.isEmpty)
    }

    /// The lists are addressed in place, and the merged entries made in chunks on all cores: a list cut into parts
    /// anywhere (as a large document is read) merges exactly as it does whole, duplicates across the cuts
    /// included, and the result is sorted by id with one entry per id.
    @Test func aListCutIntoPartsMergesLikeTheWholeList() {
        var whole: [Entry] = []
        for line in 1...9_000 {
            // 7,919 and 6,007 are coprime: lines 6,008 to 9,000 repeat the URLs of lines 1 to 2,993, far apart.
            let n = line &* 7_919 % 6_007
            var e = entry(
                "https://example.org/r\(n)", title: line % 5 == 0 ? "" : "T\(line)", file: "doc.md", line: line,
                path: ["S\(line % 13)"], year: line % 7 == 0 ? nil : 1990 + line % 30,
                keywords: line % 3 == 0 ? ["k\(line % 4)", "K\(line % 4)", "x"] : [],
                otherURLs: line % 11 == 0 ? ["https://example.org/m\(line % 17)"] : [])
            if line % 9 == 0 { e.authors = ["A \(line % 5)", "B \(line % 3)"] }
            whole.append(e)
        }
        let reference = EntryMerger.merge([whole])
        #expect(reference.entries.count == 6_007)
        #expect(reference.diagnostics.count == whole.count - reference.entries.count)
        #expect(zip(reference.entries, reference.entries.dropFirst()).allSatisfy { $0.id < $1.id })
        for parts in [2, 3, 7, 40] {
            // Cuts at uneven places (a multiplicative hash of the part number).
            var cuts = (1..<parts).map { $0 &* 104_729 % (whole.count + 1) }.sorted()
            cuts = [0] + cuts + [whole.count]
            let lists = zip(cuts, cuts.dropFirst()).map { Array(whole[$0..<$1]) }
            let merged = EntryMerger.merge(lists)
            // The first difference only: a whole 5,000-entry array in a failure message hides it.
            #expect(merged.entries.count == reference.entries.count, "cut into \(parts) parts at \(cuts)")
            let entry = zip(merged.entries, reference.entries).first { $0 != $1 }
            #expect(entry == nil, "cut into \(parts) parts at \(cuts): \(String(describing: entry))")
            #expect(merged.diagnostics == reference.diagnostics, "cut into \(parts) parts at \(cuts)")
        }
    }
    /// ASCII ids (all ids made from URLs) are hashed and ordered as bytes; any other id sends the whole merge through
    /// `String`. Both must give the same entries, in the same order, with the same warnings.
    @Test func idsAsBytesMergeLikeIdsAsStrings() {
        var generator = RandomGraph.Generator(state: 99)
        let pieces = ["a", "ab", "abc", "b", "b-", "-", "0", "z9", "ab-c"]
        for round in 0..<40 {
            let lists = (0..<(1 + generator.next(3))).map { l in
                (0..<generator.next(60)).map { i in
                    let id = (0..<(1 + generator.next(3))).map { _ in pieces[generator.next(pieces.count)] }.joined()
                    return Entry(
                        id: EntryID(id), title: "T\(i)", url: "https://example.org/\(id)",
                        keywords: ["k\(generator.next(3))"], sectionPaths: [["S\(generator.next(2))"]],
                        sources: [SourceLocation(file: "l\(l).md", line: 1 + generator.next(40))])
                }
            }
            let bytewise = EntryMerger.merge(lists)
            // One entry with a non-ASCII id and no source: it sorts after every ASCII id and after every entry with
            // a source, so the others merge exactly as before, only through `String`.
            let outsider = Entry(id: "\u{E9}t\u{E9}", title: "outsider", url: "https://example.org/%C3%A9t%C3%A9")
            let stringwise = EntryMerger.merge(lists + [[outsider]])
            #expect(stringwise.entries.last?.id == outsider.id)
            let sameEntries = Array(stringwise.entries.dropLast()) == bytewise.entries
            let sameWarnings = stringwise.diagnostics == bytewise.diagnostics
            #expect(sameEntries, "round \(round): entries differ")
            #expect(sameWarnings, "round \(round): warnings differ")
            #expect(bytewise.entries.map(\.id) == bytewise.entries.map(\.id).sorted())
        }
    }
}
