import Foundation

extension EntryMerger {
    /// The entries of several lists moved end to end into one buffer (no entry copied), with what the merge looks
    /// at for every entry: its first source, its id's bytes and their hash (read once, in place). The merge
    /// consumes every position exactly once (`take` or `destroy`) and then calls `deallocate`.
    ///
    /// Made list by list on all cores: it was the first third of the merge's serial part, which keeps one core
    /// waiting between reading a large document and tagging it (20 ms at 100,000 entries).
    struct Positions: @unchecked Sendable {
        private let entries: UnsafeMutableBufferPointer<Entry>
        let firstSources: [SourceLocation?]
        /// Every id's bytes end to end, position `p`'s at `idBytes[idStarts[p]..<idStarts[p + 1]]`; only when
        /// every id is ASCII, which ids made from URLs always are (see `Slots`).
        let idBytes: [UInt8]?
        let idStarts: [Int32]
        /// Position `p`'s id bytes hashed (`ByteKeyTable.fnv1a`), with `idBytes` only: hashed on all cores here,
        /// so that giving the ids their slots, which must go in order, only probes.
        let idHashes: [UInt64]
        var count: Int { entries.count }

        /// What one list gives: its ids' bytes end to end and each one's length and hash, or `ascii` false.
        private struct Part {
            var ascii = true
            var bytes: [UInt8] = []
            var lengths: [Int32] = []
            var hashes: [UInt64] = []
        }

        /// Moves the entries of `lists` out, leaving each list holding empty entries (nothing to release).
        init(_ lists: inout [[Entry]]) {
            var offsets = [0]
            offsets.reserveCapacity(lists.count + 1)
            for list in lists { offsets.append(offsets[offsets.count - 1] + list.count) }
            let total = offsets[offsets.count - 1]
            let entries = UnsafeMutableBufferPointer<Entry>.allocate(capacity: total)
            var parts: [Part] = []
            // Not made with no capacity (see the merge's warnings): an empty merge has no first sources.
            let firstSources = total == 0 ? [] : [SourceLocation?](unsafeUninitializedCapacity: total) { sources, made in
                parts = lists.withUnsafeMutableBufferPointer { lists in
                    // Each list's entries, first sources and ids go to their own range: the calls share nothing
                    // they write.
                    let shared = UncheckedSendable((lists, entries, sources, offsets))
                    return concurrentMap(lists.count) { l in
                        let (lists, entries, sources, offsets) = shared.value
                        let at = offsets[l]
                        return Self.move(&lists[l], to: entries.baseAddress! + at, sources: sources.baseAddress! + at)
                    }
                }
                made = total
            }
            var ascii = parts.allSatisfy(\.ascii)
            var idBytes: [UInt8] = [], idStarts: [Int32] = [], idHashes: [UInt64] = []
            if ascii {
                let byteCount = parts.reduce(0) { $0 + $1.bytes.count }
                if byteCount > Int(Int32.max) {
                    ascii = false
                } else {
                    idBytes.reserveCapacity(byteCount)
                    idStarts.reserveCapacity(total + 1)
                    idHashes.reserveCapacity(total)
                    idStarts.append(0)
                    for part in parts {
                        idBytes.append(contentsOf: part.bytes)
                        for length in part.lengths { idStarts.append(idStarts[idStarts.count - 1] + length) }
                        idHashes.append(contentsOf: part.hashes)
                    }
                }
            }
            self.entries = entries
            self.firstSources = firstSources
            (self.idBytes, self.idStarts, self.idHashes) = ascii ? (idBytes, idStarts, idHashes) : (nil, [], [])
        }

        /// Moves `list`'s entries to `destination` (leaving it holding `vacated` ones), writes their first sources
        /// at `sources`, and returns their ids' bytes.
        private static func move(
            _ list: inout [Entry], to destination: UnsafeMutablePointer<Entry>,
            sources: UnsafeMutablePointer<SourceLocation?>
        ) -> Part {
            let n = list.count
            list.withUnsafeMutableBufferPointer { list in
                guard let source = list.baseAddress, n > 0 else { return }
                destination.moveInitialize(from: source, count: n)
                source.initialize(repeating: EntryMerger.vacated, count: n)
            }
            var part = Part()
            part.lengths.reserveCapacity(n)
            part.hashes.reserveCapacity(n)
            for i in 0..<n {
                (sources + i).initialize(to: destination[i].sources.first)
                if part.ascii {
                    part.ascii = EntryMerger.withASCIIBytes(of: destination[i].id.rawValue) { bytes in
                        part.bytes.append(contentsOf: bytes)
                        part.lengths.append(Int32(truncatingIfNeeded: bytes.count))
                        part.hashes.append(ByteKeyTable.fnv1a(bytes))
                    }
                }
            }
            return part
        }

        subscript(position: Int) -> Entry {
            _read { yield entries[position] }
        }

        /// The entry at `position`, moved out (the position is not read again).
        func take(_ position: Int) -> Entry { (entries.baseAddress! + position).move() }

        /// Destroys the entry at `position` (the position is not read again).
        func destroy(_ position: Int) { (entries.baseAddress! + position).deinitialize(count: 1) }

        /// Frees the buffer, once every position was taken or destroyed.
        func deallocate() { entries.deallocate() }
    }
}
