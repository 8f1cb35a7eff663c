import Foundation
/// One subject of the export with everything said about it: its types and, per property, its values.
///
/// The three writers (JSON-LD, N-Triples, Turtle) print the same nodes, so they hold the same triples by
/// construction. `normalize(_:)` fixes the order: properties by IRI, values in code-point order, duplicates
/// dropped (a repeated value is the same triple).
///
/// The values of all properties sit in one array, each statement naming its property by index and its values by
/// position, so a node of a dozen properties is two arrays, not one per property; and a node reused with
/// `reset(iri:types:)` keeps both.
public struct LinkedNode: Sendable, Hashable {
    /// Values of one property: `values[start..<start + count]` of the node. Their shape (IRI, string, typed
    /// literal) is the property's range.
    public struct Statement: Sendable, Hashable {
        /// The property's `index` in the vocabulary's `propertyTable`.
        public var property: Int32
        public var start: Int32
        public var count: Int32
        var range: Range<Int> { Int(start)..<Int(start + count) }
    }

    public var iri: String
    public private(set) var types: [LinkedClass]
    public private(set) var statements: [Statement] = []
    /// Every statement's values, each statement's together (in no particular order between statements).
    public private(set) var values: [String] = []

    /// A node with room for `capacity` values at once (growing one by one reallocated the arrays several times
    /// per entry).
    public init(iri: String, types: [LinkedClass], capacity: Int = 16) {
        self.iri = iri
        self.types = types
        statements.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Makes this a node of `iri` with `type` and nothing said yet, keeping the room its arrays have.
    public mutating func reset(iri: String, type: LinkedClass) {
        self.iri = iri
        if types.count == 1 {
            types[0] = type
        } else {
            types.removeAll(keepingCapacity: true)
            types.append(type)
        }
        // Emptied from the end, one at a time: `removeAll(keepingCapacity:)` goes through the general
        // `replaceSubrange`, which cost more than the dozen values a node holds.
        while !statements.isEmpty { statements.removeLast() }
        while !values.isEmpty { values.removeLast() }
    }

    /// The values of `statement`.
    public func values(of statement: Statement) -> ArraySlice<String> { values[statement.range] }

    public mutating func add(_ property: LinkedProperty, _ value: String?) {
        guard let value else { return }
        let at = room(for: property, count: 1)
        if at == values.count { values.append(value) } else { values.insert(value, at: at) }
    }

    public mutating func add<Values: Collection<String>>(_ property: LinkedProperty, _ more: Values) {
        guard !more.isEmpty else { return }
        let at = room(for: property, count: more.count)
        if at == values.count { values.append(contentsOf: more) } else { values.insert(contentsOf: more, at: at) }
    }

    /// Counts `count` more values for `property` and returns where in `values` they go: the end, unless the property
    /// already has values before another's (then after its own, and the later statements move up).
    private mutating func room(for property: LinkedProperty, count: Int) -> Int {
        let index = Int32(property.index)
        let n = Int32(count)
        if let last = statements.indices.last, statements[last].property == index {
            statements[last].count += n
            return Int(statements[last].start + statements[last].count - n)
        }
        guard let i = statements.firstIndex(where: { $0.property == index }) else {
            statements.append(Statement(property: index, start: Int32(values.count), count: n))
            return values.count
        }
        let end = statements[i].start + statements[i].count
        for j in statements.indices where statements[j].start >= end { statements[j].start += n }
        statements[i].count += n
        return Int(end)
    }

    /// The node in its written order, values sorted and unique, types unique.
    public func normalized(_ vocabulary: LinkedVocabulary) -> LinkedNode {
        var node = self
        node.normalize(vocabulary)
        return node
    }

    /// Puts the node in its written order in place (see `normalized(_:)`): statements by their property's IRI, each
    /// statement's values sorted within their place, a repeated value removed.
    public mutating func normalize(_ vocabulary: LinkedVocabulary) {
        if types.count > 1 {
            let sorted = types.sorted { utf8Precedes($0.iri, $1.iri) }
            types = sorted.enumerated().filter { $0.offset == 0 || sorted[$0.offset - 1].iri != $0.element.iri }.map(\.element)
        }
        if statements.count > 1 {
            vocabulary.iriRanks.withUnsafeBufferPointer { ranks in
                statements.withUnsafeMutableBufferPointer { statements in
                    sortSmall(statements) { ranks[Int($0.property)] < ranks[Int($1.property)] }
                }
            }
        }
        for i in statements.indices where statements[i].count > 1 {
            let range = statements[i].range
            // Sorted in place: sorting `values[range]` sorted a copy of the slice and put it back.
            values.withUnsafeMutableBufferPointer { values in
                sortSmall(UnsafeMutableBufferPointer(rebasing: values[range])) { utf8Precedes($0, $1) }
            }
            // Duplicates are rare: each is removed from the array, and the statements after it move down.
            var k = range.lowerBound + 1
            var end = range.upperBound
            while k < end {
                if utf8Equal(values[k - 1], values[k]) {
                    values.remove(at: k)
                    end -= 1
                    statements[i].count -= 1
                    for j in statements.indices where Int(statements[j].start) > k - 1 && j != i { statements[j].start -= 1 }
                } else {
                    k += 1
                }
            }
        }
    }

    /// `values` in code-point (UTF-8 byte) order without duplicates. Not `String <` or `Set<String>`: Swift
    /// compares canonically equivalent strings as equal, and RDF keeps `é` and `e\u{301}` apart.
    static func sortedUnique(_ values: [String]) -> [String] {
        let sorted = values.sorted { utf8Precedes($0, $1) }
        var out: [String] = []
        out.reserveCapacity(sorted.count)
        for v in sorted where !(out.last.map { utf8Equal($0, v) } ?? false) { out.append(v) }
        return out
    }

    /// How many triples the node makes.
    public var tripleCount: Int { types.count + values.count }
}

/// Sorts `items` in place by `precedes`: by insertion when they are few (a node's statements, a statement's values:
/// a few to a dozen, where the standard sort's set-up cost more than the sorting), else by the standard sort (a
/// hostile list's thousand keywords must not take quadratic time). Callers sort items whose order is the same
/// whichever sort is used: distinct keys, or equal ones that are the same bytes.
func sortSmall<Item>(_ items: UnsafeMutableBufferPointer<Item>, by precedes: (Item, Item) -> Bool) {
    guard items.count > 1 else { return }
    guard items.count <= insertionSortLimit else {
        var all = items
        return all.sort(by: precedes)
    }
    for i in 1..<items.count {
        var j = i
        while j > 0, precedes(items[j], items[j - 1]) {
            items.swapAt(j, j - 1)
            j -= 1
        }
    }
}

/// The most items `sortSmall` sorts by insertion.
let insertionSortLimit = 24

/// Whether `a` comes before `b` in UTF-8 byte (code point) order: `a.utf8.lexicographicallyPrecedes(b.utf8)`.
func utf8Precedes(_ a: String, _ b: String) -> Bool { utf8Order(a, b) < 0 }

/// Whether `a` and `b` hold the same UTF-8 bytes (not Swift's `==`, which is canonical equivalence).
func utf8Equal(_ a: String, _ b: String) -> Bool { a.utf8.count == b.utf8.count && utf8Order(a, b) == 0 }

/// The order of `a` and `b` by UTF-8 bytes (negative, zero, positive), compared with `memcmp` over the strings' own
/// storage when they have it (every string made in Swift does).
private func utf8Order(_ a: String, _ b: String) -> Int {
    let fast = a.utf8.withContiguousStorageIfAvailable { x in
        b.utf8.withContiguousStorageIfAvailable { y -> Int in
            let common = min(x.count, y.count)
            if common > 0, let px = x.baseAddress, let py = y.baseAddress {
                let order = memcmp(px, py, common)
                if order != 0 { return Int(order) }
            }
            return x.count - y.count
        }
    }
    if let known = fast ?? nil { return known }
    if a.utf8.elementsEqual(b.utf8) { return 0 }
    return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
}
