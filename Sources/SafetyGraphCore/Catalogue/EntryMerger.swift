// MARK: - EntryMerger

/// Merges entries from one or more lists by id (the normalised URL): the same resource listed twice becomes one
/// entry with every section path and source location.
///
/// Occurrences are taken in one canonical order, by their first source location (file path as given, then line),
/// so the result does not depend on the order the lists are given: `--list a.md --list b.md` and
/// `--list b.md --list a.md` give the same entries. Entries without a source come after those with one, in the
/// order given. Scalar fields (title, url, year, organisation, description, kind, GitHub repository) come from the
/// first occurrence in that order, and a field it lacks is filled from a later one (`resource`, the fallback kind,
/// counts as lacking). List fields are unions: section paths and sources sorted, other URLs, authors and keywords
/// in that order without duplicates. Every repeated URL yields a `duplicate-url` warning at the repeat, naming
/// where the URL was first seen.
///
/// Merging is by hash: linear in the number of entries, whatever the number of duplicates.
public enum EntryMerger {
    /// Merges `lists` (in the order given) into entries sorted by id, plus a warning per repeated URL.
    public static func merge(_ lists: [[Entry]]) -> (entries: [Entry], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // Positions run through the lists end to end, and an entry is read where it lies: joining the lists first
        // copied every entry, and a copy retains a dozen strings and arrays, which for a large list (each in its
        // own cache line) cost more than the merging itself. Entries are copied once, into the result.
        let all = Positions(lists)
        // The canonical order: by first source, then as given (only entries without sources, or two occurrences at
        // the same place, fall back to it). Positions are sorted, not entries, and a single list usually is in
        // that order already.
        func precedes(_ a: Int, _ b: Int) -> Bool {
            switch (all[a].sources.first, all[b].sources.first) {
            case let (la?, lb?) where la != lb: return la < lb
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a < b
            }
        }
        var order = Array(0..<all.count)
        if !order.indices.dropFirst().allSatisfy({ precedes(order[$0 - 1], order[$0]) }) { order.sort(by: precedes) }
        // One slot per id: the position of its first occurrence, and its accumulator once a second one arrives.
        var slotOfID: [EntryID: Int] = [:]
        slotOfID.reserveCapacity(all.count)
        var firstPosition: [Int] = []
        var accumulatorOfSlot: [Int: Accumulator] = [:]
        for position in order {
            let id = all[position].id
            if let slot = slotOfID[id] {
                let first = firstPosition[slot]
                diagnostics.append(duplicateWarning(all[position], first: accumulatorOfSlot[slot]?.entry ?? all[first]))
                accumulatorOfSlot[slot, default: Accumulator(all[first])].absorb(all[position])
            } else {
                slotOfID[id] = firstPosition.count
                firstPosition.append(position)
            }
        }
        // Slots in id order, the ids read once into an array of their own (the sort compares each a dozen times).
        let ids = firstPosition.map { all[$0].id }
        var byID = Array(firstPosition.indices)
        if !byID.indices.dropFirst().allSatisfy({ ids[$0 - 1] < ids[$0] }) {
            ids.withUnsafeBufferPointer { ids in byID.sort { ids[$0] < ids[$1] } }
        }
        // Each merged entry depends on its own slot alone: they are made straight into their places, in chunks on
        // all cores.
        let shared = UncheckedSendable((all, accumulatorOfSlot, firstPosition, byID))
        let merged = [Entry](unsafeUninitializedCapacity: byID.count) { buffer, initialized in
            let out = UncheckedSendable(buffer)
            let chunk = 2_048
            concurrentForEach((byID.count + chunk - 1) / chunk) { c in
                let (all, accumulatorOfSlot, firstPosition, byID) = shared.value
                for k in (c * chunk)..<min(byID.count, (c + 1) * chunk) {
                    let slot = byID[k]
                    let entry: Entry
                    if let accumulator = accumulatorOfSlot[slot] {
                        entry = accumulator.finished()
                    } else {
                        let position = firstPosition[slot]
                        entry = Accumulator.isFinished(all[position]) ? all[position] : Accumulator(all[position]).finished()
                    }
                    (out.value.baseAddress! + k).initialize(to: entry)
                }
            }
            initialized = byID.count
        }
        return (merged, diagnostics)
    }

    /// The entries of several lists, addressed as one run of positions without being copied into one array.
    private struct Positions {
        let lists: [[Entry]]
        /// Per position: its list and its index there.
        private let list: [Int32], index: [Int32]
        var count: Int { list.count }

        init(_ lists: [[Entry]]) {
            self.lists = lists
            var list: [Int32] = [], index: [Int32] = []
            let total = lists.reduce(0) { $0 + $1.count }
            list.reserveCapacity(total)
            index.reserveCapacity(total)
            for (l, entries) in lists.enumerated() {
                for i in entries.indices {
                    list.append(Int32(l))
                    index.append(Int32(i))
                }
            }
            (self.list, self.index) = (list, index)
        }

        subscript(position: Int) -> Entry {
            _read { yield lists[Int(list[position])][Int(index[position])] }
        }
    }

    private static func duplicateWarning(_ repeated: Entry, first: Entry) -> Diagnostic {
        let firstPlace = first.sources.first.map { "\($0)" } ?? "another list"
        return Diagnostic(
            .warning, code: "duplicate-url",
            "duplicate URL \(repeated.url) (first listed at \(firstPlace)); merged into one entry",
            at: repeated.sources.first)
    }

    /// An entry being merged, with sets that keep every union linear. Most entries are listed once: the sets are
    /// made only when a second occurrence arrives.
    private struct Accumulator {
        var entry: Entry
        var sets: Sets?

        struct Sets {
            var sectionPaths: Set<[String]>
            var sources: Set<SourceLocation>
            var otherURLKeys: Set<String>
            var authorSet: Set<String>
            var keywordKeys: Set<String>

            init(_ entry: Entry) {
                sectionPaths = Set(entry.sectionPaths)
                sources = Set(entry.sources)
                otherURLKeys = Set(entry.otherURLs.map(Accumulator.urlKey))
                otherURLKeys.insert(Accumulator.urlKey(entry.url))
                authorSet = Set(entry.authors)
                keywordKeys = Set(entry.keywords.map { $0.lowercased() })
            }
        }

        init(_ entry: Entry) {
            self.entry = entry
            if !entry.otherURLs.isEmpty {
                self.entry.otherURLs = Self.unique(entry.otherURLs, key: Self.urlKey, excluding: [Self.urlKey(entry.url)])
            }
            if entry.authors.count > 1 { self.entry.authors = Self.unique(entry.authors, key: { $0 }, excluding: []) }
            if entry.keywords.count > 1 {
                self.entry.keywords = Self.unique(entry.keywords, key: { $0.lowercased() }, excluding: [])
            }
        }

        mutating func absorb(_ other: Entry) {
            var sets = self.sets ?? Sets(entry)
            defer { self.sets = sets }
            sets.sectionPaths.formUnion(other.sectionPaths)
            sets.sources.formUnion(other.sources)
            // `other.url` normalises like `entry.url` (same id), so only its other URLs need a look.
            for url in other.otherURLs where sets.otherURLKeys.insert(Self.urlKey(url)).inserted {
                entry.otherURLs.append(url)
            }
            if entry.authors.isEmpty {
                for author in other.authors where sets.authorSet.insert(author).inserted { entry.authors.append(author) }
            }
            for keyword in other.keywords where sets.keywordKeys.insert(keyword.lowercased()).inserted {
                entry.keywords.append(keyword)
            }
            if entry.title.isEmpty { entry.title = other.title }
            if entry.year == nil { entry.year = other.year }
            if entry.organization == nil { entry.organization = other.organization }
            if entry.description == nil { entry.description = other.description }
            if entry.githubRepo == nil { entry.githubRepo = other.githubRepo }
            if entry.kind == .resource { entry.kind = other.kind }
        }

        /// Whether an entry listed once is its own merge: nothing in it to deduplicate or sort.
        static func isFinished(_ entry: Entry) -> Bool {
            entry.otherURLs.isEmpty && entry.authors.count < 2 && entry.keywords.count < 2
                && entry.sectionPaths.count < 2 && entry.sources.count < 2
        }

        func finished() -> Entry {
            var result = entry
            if let sets {
                result.sectionPaths = sets.sectionPaths.sorted(by: Self.pathOrder)
                result.sources = sets.sources.sorted()
            } else {
                if result.sectionPaths.count > 1 { result.sectionPaths = Set(result.sectionPaths).sorted(by: Self.pathOrder) }
                if result.sources.count > 1 { result.sources = Set(result.sources).sorted() }
            }
            return result
        }

        static func urlKey(_ url: String) -> String { URLNormalizer.normalize(url) ?? url.trimmingWhitespace() }

        static func unique(_ values: [String], key: (String) -> String, excluding: Set<String>) -> [String] {
            var seen = excluding
            return values.filter { seen.insert(key($0)).inserted }
        }

        /// Lexicographic order of paths, component by component (a prefix sorts first).
        static func pathOrder(_ a: [String], _ b: [String]) -> Bool {
            for (x, y) in zip(a, b) where x != y { return x < y }
            return a.count < b.count
        }
    }
}
