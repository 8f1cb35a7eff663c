/// Set operations on sorted, duplicate-free arrays of indices (posting lists).
extension Array where Element == Int32 {
    mutating func sortAndUnique() {
        guard count > 1 else { return }
        sort()
        var write = 1
        for read in 1..<count where self[read] != self[write - 1] {
            self[write] = self[read]
            write += 1
        }
        removeLast(count - write)
    }

    /// Elements in both (both sorted).
    func intersection(_ other: [Int32]) -> [Int32] {
        var out: [Int32] = []
        var i = 0
        var j = 0
        while i < count && j < other.count {
            if self[i] < other[j] { i += 1 } else if self[i] > other[j] { j += 1 } else {
                out.append(self[i])
                i += 1
                j += 1
            }
        }
        return out
    }

    /// Elements of `self` not in `other` (both sorted).
    func subtracting(_ other: [Int32]) -> [Int32] {
        var out: [Int32] = []
        var j = 0
        for x in self {
            while j < other.count && other[j] < x { j += 1 }
            if j < other.count && other[j] == x { continue }
            out.append(x)
        }
        return out
    }

    /// The union of sorted lists.
    static func union(_ lists: [[Int32]]) -> [Int32] {
        var out = lists.flatMap { $0 }
        out.sortAndUnique()
        return out
    }
}
