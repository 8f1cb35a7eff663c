import Foundation

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
    ///
    /// The lists are taken `consuming`: their entries are moved, not copied, into the merge (a copy retains a
    /// dozen strings and arrays, one cache miss each for a large list, and the originals then have to be
    /// released too). A caller that keeps its lists has them copied once, as any mutation would.
    public static func merge(_ lists: consuming [[Entry]]) -> (entries: [Entry], diagnostics: [Diagnostic]) {
        var lists = lists
        // Positions run through the lists end to end, in one buffer the entries are moved into.
        let all = Positions(&lists)
        defer { all.deallocate() }
        // The canonical order: by first source, then as given (only entries without sources, or two occurrences at
        // the same place, fall back to it). Positions are sorted, not entries, and a single list usually is in
        // that order already.
        let firstSources = all.firstSources
        func precedes(_ a: Int, _ b: Int) -> Bool {
            switch (firstSources[a], firstSources[b]) {
            case let (la?, lb?) where la != lb: return la < lb
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a < b
            }
        }
        var order = Array(0..<all.count)
        if !order.indices.dropFirst().allSatisfy({ precedes(order[$0 - 1], order[$0]) }) { order.sort(by: precedes) }
        // One slot per id: the position of its first occurrence. Repeats are only noted here, in order; their
        // warnings and their merging (per slot, in that order) are done on all cores below.
        var slots = Slots(all)
        var repeats: [(slot: Int32, position: Int32)] = []
        for position in order {
            if let slot = slots.slot(of: position) { repeats.append((Int32(slot), Int32(position))) }
        }
        let firstPosition = slots.firstPosition
        // Each slot's repeats in order, end to end: slot s's are `repeatPositions[repeatStarts[s]..<repeatStarts[s + 1]]`.
        var repeatStarts = [Int32](repeating: 0, count: firstPosition.count + 1)
        for r in repeats { repeatStarts[Int(r.slot) + 1] += 1 }
        for s in firstPosition.indices { repeatStarts[s + 1] += repeatStarts[s] }
        var repeatPositions = [Int32](repeating: 0, count: repeats.count)
        var filled = repeatStarts
        for r in repeats {
            repeatPositions[Int(filled[Int(r.slot)])] = r.position
            filled[Int(r.slot)] += 1
        }
        // A warning names the repeat and where the id was first seen: the first occurrence's first source, which
        // merging never changes, so each depends on its repeat alone. The slots are sorted by id (serial work) at
        // the same time, as the first piece of the same concurrent loop: one core sorts while the other writes
        // warnings, where the sort used to run alone first.
        let chunk = 2_048
        var byID: [Int] = []  // slots in id order
        // `init(unsafeUninitializedCapacity:)` with no capacity writes its count into the standard library's shared
        // empty-array storage, which ThreadSanitizer reports against any thread reading an empty array: not made then.
        let diagnostics = repeats.isEmpty ? [] : withUnsafeMutablePointer(to: &byID) { byID in
            [Diagnostic](unsafeUninitializedCapacity: repeats.count) { buffer, initialized in
                let shared = UncheckedSendable((all, firstPosition, repeats, slots, byID, buffer))
                concurrentForEach(1 + (repeats.count + chunk - 1) / chunk) { piece in
                    let (all, firstPosition, repeats, slots, byID, out) = shared.value
                    guard piece > 0 else { return byID.pointee = slots.sorted() }
                    let c = piece - 1
                    for k in (c * chunk)..<min(repeats.count, (c + 1) * chunk) {
                        let (slot, position) = repeats[k]
                        let warning = duplicateWarning(all[Int(position)], first: all[firstPosition[Int(slot)]])
                        (out.baseAddress! + k).initialize(to: warning)
                    }
                }
                initialized = repeats.count
            }
        }
        if repeats.isEmpty { byID = slots.sorted() }
        let shared = UncheckedSendable((all, firstPosition, byID, repeatStarts, repeatPositions, repeats))
        // Each merged entry depends on its own slot alone: they are made straight into their places, in chunks on
        // all cores.
        let merged = byID.isEmpty ? [] : [Entry](unsafeUninitializedCapacity: byID.count) { buffer, initialized in
            let out = UncheckedSendable(buffer)
            concurrentForEach((byID.count + chunk - 1) / chunk) { c in
                let (all, firstPosition, byID, repeatStarts, repeatPositions, _) = shared.value
                for k in (c * chunk)..<min(byID.count, (c + 1) * chunk) {
                    let slot = byID[k]
                    // The first occurrence moves on (as it is when already finished); each repeat is read where it
                    // lies and then destroyed, so every position of the buffer is consumed exactly once.
                    let only = all.take(firstPosition[slot])
                    let repeated = Int(repeatStarts[slot])..<Int(repeatStarts[slot + 1])
                    let entry: Entry
                    if !repeated.isEmpty {
                        var accumulator = Accumulator(only)
                        for r in repeated {
                            accumulator.absorb(all[Int(repeatPositions[r])])
                            all.destroy(Int(repeatPositions[r]))
                        }
                        entry = accumulator.finished()
                    } else {
                        entry = Accumulator.isFinished(only) ? only : Accumulator(only).finished()
                    }
                    (out.value.baseAddress! + k).initialize(to: entry)
                }
            }
            initialized = byID.count
        }
        // What is left of the lists (empty entries) is freed on another thread.
        releaseInBackground(consume lists, count: all.count)
        return (merged, diagnostics)
    }

    /// What a list holds where an entry was moved out of it: empty strings and arrays only.
    static let vacated = Entry(id: EntryID(rawValue: ""), title: "", url: "")

    /// Which slot (distinct id) each position's id has, each slot's first position, and the slots' order by id.
    ///
    /// When every id is ASCII, ids are hashed and compared as bytes in one pool, where equality and order are
    /// exactly `String`'s (byte for byte, and code point order): no `String` is hashed, compared or retained per
    /// use. Otherwise (ids not made from URLs: in tests, or from a caller) through `String`, as `EntryID`'s own
    /// `==`, hash and `<` say.
    private struct Slots {
        let all: Positions
        /// Per slot: the position of its first occurrence.
        private(set) var firstPosition: [Int] = []
        /// Open addressing over the pool: per bucket, 1 + a slot, or 0 when empty.
        private var buckets: [Int32] = []
        private var slotOfID: [EntryID: Int] = [:]

        init(_ all: Positions) {
            self.all = all
            if all.idBytes != nil {
                var size = 16
                while size < all.count * 2 { size <<= 1 }
                buckets = [Int32](repeating: 0, count: size)
            } else {
                slotOfID.reserveCapacity(all.count)
            }
        }

        /// The slot already holding the id at `position`, or nil after giving it a new slot.
        mutating func slot(of position: Int) -> Int? {
            let found: Int?
            if let bytes = all.idBytes {
                found = bytes.withUnsafeBufferPointer { bytes in
                    all.idStarts.withUnsafeBufferPointer { starts in
                        let start = Int(starts[position])
                        let length = Int(starts[position + 1]) - start
                        let key = UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])
                        let mask = buckets.count - 1
                        var b = Int(truncatingIfNeeded: all.idHashes[position]) & mask
                        while buckets[b] != 0 {
                            let slot = Int(buckets[b]) - 1
                            let other = Int(starts[firstPosition[slot]])
                            if Int(starts[firstPosition[slot] + 1]) - other == length
                                && memcmp(bytes.baseAddress! + start, bytes.baseAddress! + other, length) == 0
                            {
                                return slot
                            }
                            b = (b + 1) & mask
                        }
                        buckets[b] = Int32(firstPosition.count + 1)
                        return nil
                    }
                }
            } else {
                let id = all[position].id
                found = slotOfID[id]
                if found == nil { slotOfID[id] = firstPosition.count }
            }
            if found == nil { firstPosition.append(position) }
            return found
        }

        /// The slots in the order of their ids.
        func sorted() -> [Int] {
            var byID = Array(firstPosition.indices)
            guard let bytes = all.idBytes else {
                let ids = firstPosition.map { all[$0].id }
                if !byID.indices.dropFirst().allSatisfy({ ids[$0 - 1] < ids[$0] }) {
                    ids.withUnsafeBufferPointer { ids in byID.sort { ids[$0] < ids[$1] } }
                }
                return byID
            }
            bytes.withUnsafeBufferPointer { bytes in
                all.idStarts.withUnsafeBufferPointer { starts in
                    firstPosition.withUnsafeBufferPointer { firstPosition in
                        func precedes(_ a: Int, _ b: Int) -> Bool {
                            let (pa, pb) = (firstPosition[a], firstPosition[b])
                            let (sa, sb) = (Int(starts[pa]), Int(starts[pb]))
                            let (na, nb) = (Int(starts[pa + 1]) - sa, Int(starts[pb + 1]) - sb)
                            let order = memcmp(bytes.baseAddress! + sa, bytes.baseAddress! + sb, min(na, nb))
                            return order != 0 ? order < 0 : na < nb
                        }
                        if !byID.indices.dropFirst().allSatisfy({ precedes(byID[$0 - 1], byID[$0]) }) {
                            byID.sort(by: precedes)
                        }
                    }
                }
            }
            return byID
        }
    }

    /// Calls `body` with the UTF-8 of `text` and returns true when it is all ASCII; false (and no call) otherwise.
    static func withASCIIBytes(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            body(bytes)
            return true
        }
        if let done = text.utf8.withContiguousStorageIfAvailable(check) { return done }
        var copy = text
        return copy.withUTF8(check)
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
