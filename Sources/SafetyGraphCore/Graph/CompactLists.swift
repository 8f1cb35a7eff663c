/// Many short lists of indices in one flat array: list `i` is `values[offsets[i]..<offsets[i + 1]]`.
///
/// One allocation instead of one per list, and no reference counting when a hot loop reads a list.
struct CompactLists: Sendable {
    private(set) var offsets: [Int] = [0]
    private(set) var values: [Int32] = []

    init() {}

    /// Packs `lists` as given.
    init(_ lists: [[Int32]]) {
        offsets.reserveCapacity(lists.count + 1)
        values.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        for list in lists { append(list) }
    }

    var count: Int { offsets.count - 1 }

    mutating func append<C: Collection>(_ list: C) where C.Element == Int32 {
        values.append(contentsOf: list)
        offsets.append(values.count)
    }

    /// Appends every list of `other`, in order.
    mutating func append(contentsOf other: CompactLists) {
        let base = values.count
        values.append(contentsOf: other.values)
        offsets.append(contentsOf: other.offsets.dropFirst().map { $0 + base })
    }

    subscript(i: Int) -> ArraySlice<Int32> { values[offsets[i]..<offsets[i + 1]] }

    func count(of i: Int) -> Int { offsets[i + 1] - offsets[i] }
}
