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

    /// Where a value's UTF-8 bytes are in `bytes`.
    struct Slot {
        var start: Int
        var count: Int
    }

    public var iri: String
    public private(set) var types: [LinkedClass]
    public private(set) var statements: [Statement] = []
    /// Every statement's values, each statement's together (in no particular order between statements).
    private var slots: [Slot] = []
    /// The values' bytes, copied out of their strings once (see `NodeBytes`): the node holds no value's string.
    private var bytes: NodeBytes
    /// The types' IRIs and terms, copied out likewise (each type's IRI, then its term, in `typeSlots`) when the
    /// types change, which a node reused for nodes of one type (`reset`) seldom does.
    private var typeBytes: NodeBytes
    private var typeSlots: [Slot] = []

    /// A node with room for `capacity` values at once (growing one by one reallocated the arrays several times
    /// per entry).
    public init(iri: String, types: [LinkedClass], capacity: Int = 16) {
        self.iri = iri
        self.types = types
        statements.reserveCapacity(capacity)
        slots.reserveCapacity(capacity)
        bytes = NodeBytes(capacity: capacity * 32)
        typeBytes = NodeBytes(capacity: 0)
        copyTypes()
    }

    /// Makes this a node of `iri` with `type` and nothing said yet, keeping the room its arrays have. The IRI is
    /// taken (`consuming`): one made for the node (an author's, a tagging's) is moved in, not retained here and
    /// released by the caller.
    public mutating func reset(iri: consuming String, type: LinkedClass) {
        self.iri = iri
        defer { empty() }
        if types.count == 1 {
            // Most nodes are of the type the last had (authors, taggings, entries of one kind): then nothing is
            // copied (the type's two strings were retained, and the last's released).
            if types[0] != type {
                types[0] = type
                copyTypes()
            }
        } else {
            types.removeAll(keepingCapacity: true)
            types.append(type)
            copyTypes()
        }
    }

    /// `reset(iri:type:)` keeping the types the node has: for nodes of one type (authors, publishers, taggings),
    /// where passing the type copied it out of the vocabulary (its two strings retained and released) per node.
    mutating func reset(iri: consuming String) {
        self.iri = iri
        empty()
    }

    /// Says nothing more (no statement, no value), keeping the room the arrays have.
    private mutating func empty() {
        // Emptied from the end, one at a time: `removeAll(keepingCapacity:)` goes through the general
        // `replaceSubrange`, which cost more than the dozen values a node holds.
        while !statements.isEmpty { statements.removeLast() }
        while !slots.isEmpty { slots.removeLast() }
        bytes.removeAll()
    }

    /// Copies the types' IRIs and terms into `typeBytes`, after the types changed.
    private mutating func copyTypes() {
        typeBytes.removeAll()
        typeSlots.removeAll(keepingCapacity: true)
        for type in types {
            let iri = typeBytes.append(utf8Of: type.iri)
            let term = typeBytes.append(utf8Of: type.term)
            typeSlots.append(Slot(start: iri, count: term - iri))
            typeSlots.append(Slot(start: term, count: typeBytes.count - term))
        }
    }

    /// Hands `body` each type's IRI (its number and UTF-8 bytes), copied out of the type once (`typeBytes`): read in
    /// the type, each was retained and released once per node in each writer.
    public func forEachTypeIRI(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) { forEachType(0, body) }

    /// `forEachTypeIRI` for the types' JSON-LD terms.
    public func forEachTypeTerm(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) { forEachType(1, body) }

    /// Hands `body` the bytes of each type's IRI (`which` 0) or term (1).
    @inline(__always) private func forEachType(_ which: Int, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        typeBytes.withBytes { bytes in
            typeSlots.withUnsafeBufferPointer { slots in
                for k in 0..<slots.count / 2 {
                    let slot = slots[2 * k + which]
                    body(k, UnsafeBufferPointer(start: bytes + slot.start, count: slot.count))
                }
            }
        }
    }

    /// Every value, in order (made from its bytes, for tests and the site; the writers read the bytes with
    /// `withValues`).
    public var values: [String] { withValues { values in slots.indices.map { values[$0] } } }

    /// How many values the node holds.
    public var valueCount: Int { slots.count }

    /// The values of `statement`.
    public func values(of statement: Statement) -> [String] { withValues { values in statement.range.map { values[$0] } } }

    /// The values' bytes, lent for the duration of `body`: `values.utf8(i)` is the `i`th value's.
    public func withValues<Result>(_ body: (Values) throws -> Result) rethrows -> Result {
        try bytes.withBytes { bytes in
            try slots.withUnsafeBufferPointer { slots in try body(Values(slots: slots, bytes: bytes)) }
        }
    }

    /// A node's values lent to a reader (`withValues`).
    public struct Values {
        fileprivate let slots: UnsafeBufferPointer<Slot>
        fileprivate let bytes: UnsafePointer<UInt8>

        /// The `i`th value, as a string made from its bytes (the same bytes as the string the node was told).
        public subscript(i: Int) -> String { String(decoding: utf8(i), as: UTF8.self) }

        /// The UTF-8 bytes of the `i`th value.
        @inline(__always) public func utf8(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            let slot = slots[i]
            return UnsafeBufferPointer(start: bytes + slot.start, count: slot.count)
        }

        /// Lends `body` the UTF-8 bytes of the `i`th value.
        @inline(__always) public func withUTF8<Result>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            body(utf8(i))
        }
    }

    /// Says `property` of `value` (nothing when nil).
    public mutating func add(_ property: LinkedProperty, _ value: String?) { add(property: property.index, value) }

    /// `add` of the property whose `index` is `property`.
    mutating func add(property: Int, _ value: String?) {
        guard let value else { return }
        add(property: property, value)
    }

    /// `add` of a string the caller holds: its bytes are copied into the node, the string itself only borrowed (a
    /// string taken, as an optional or `consuming`, was retained by the call when the caller still needed it).
    mutating func add(property: Int, _ value: String) {
        let start = bytes.append(utf8Of: value)
        insert(Slot(start: start, count: bytes.count - start), for: property)
    }

    /// `add` of the value whose UTF-8 bytes are `value` (a string made once and kept as bytes, see `ByteTable`).
    mutating func add(property: Int, utf8 value: UnsafeBufferPointer<UInt8>) {
        let start = bytes.append(value)
        insert(Slot(start: start, count: value.count), for: property)
    }

    public mutating func add<Strings: Collection<String>>(_ property: LinkedProperty, _ more: Strings) {
        for value in more { add(property, value) }
    }

    /// Says `property` of the string at `value`, read where it lies (a field of an entry of the graph, a concept's
    /// IRI made once) with one read access, its bytes copied into the node: the string is not copied, nor read
    /// again, and need not outlive the call.
    mutating func lend(_ property: LinkedProperty, _ value: UnsafePointer<String>) { lend(property: property.index, value) }

    /// `lend` for the property whose `index` is `property`.
    mutating func lend(property: Int, _ value: UnsafePointer<String>) {
        let start = bytes.append(utf8At: value)
        insert(Slot(start: start, count: bytes.count - start), for: property)
    }

    /// `lend` if the value's bytes pass `test` (read in the node, after they are copied there), which is returned:
    /// for a value said only when its bytes are of some form (a link that is its own IRI), read once, not twice.
    mutating func lend(property: Int, _ value: UnsafePointer<String>, if test: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        let start = bytes.append(utf8At: value)
        let count = bytes.count - start
        guard bytes.withBytes({ test(UnsafeBufferPointer(start: $0 + start, count: count)) }) else {
            bytes.removeLast(from: start)
            return false
        }
        insert(Slot(start: start, count: count), for: property)
        return true
    }

    private mutating func insert(_ value: Slot, for property: Int) {
        let at = room(for: property, count: 1)
        if at == slots.count { slots.append(value) } else { slots.insert(value, at: at) }
    }

    public static func == (a: LinkedNode, b: LinkedNode) -> Bool {
        a.iri == b.iri && a.types == b.types && a.statements == b.statements && a.values == b.values
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(iri)
        hasher.combine(types)
        hasher.combine(statements)
        hasher.combine(values)
    }

    /// Counts `count` more values for `property` and returns where in `values` they go: the end, unless the property
    /// already has values before another's (then after its own, and the later statements move up).
    private mutating func room(for property: Int, count: Int) -> Int {
        let index = Int32(property)
        let n = Int32(count)
        if let last = statements.indices.last, statements[last].property == index {
            statements[last].count += n
            return Int(statements[last].start + statements[last].count - n)
        }
        guard let i = statements.firstIndex(where: { $0.property == index }) else {
            statements.append(Statement(property: index, start: Int32(slots.count), count: n))
            return slots.count
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
            copyTypes()
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
            // Sorted in place by their bytes (`utf8Order`), read in the node.
            bytes.withBytes { bytes in
                slots.withUnsafeMutableBufferPointer { slots in
                    sortSmall(UnsafeMutableBufferPointer(rebasing: slots[range])) { Self.order(bytes, $0, $1) < 0 }
                }
            }
            // Duplicates are rare: each is removed from the array, and the statements after it move down.
            var k = range.lowerBound + 1
            var end = range.upperBound
            while k < end {
                if bytes.withBytes({ Self.order($0, slots[k - 1], slots[k]) == 0 }) {
                    slots.remove(at: k)
                    end -= 1
                    statements[i].count -= 1
                    for j in statements.indices where Int(statements[j].start) > k - 1 && j != i { statements[j].start -= 1 }
                } else {
                    k += 1
                }
            }
        }
    }

    /// The order of two values by their bytes (in `bytes`): `utf8Order` of their strings.
    @inline(__always) private static func order(_ bytes: UnsafePointer<UInt8>, _ a: Slot, _ b: Slot) -> Int {
        byteOrder(UnsafeBufferPointer(start: bytes + a.start, count: a.count), UnsafeBufferPointer(start: bytes + b.start, count: b.count))
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
    public var tripleCount: Int { types.count + slots.count }
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

/// Lends `body` the UTF-8 bytes of the string at `string`, read where it lies (the string is not copied into a
/// node or a local). Only a read access: the strings are shared by the threads that write the outputs, and calling
/// the mutating `String.withUTF8` on them in place, although it changes nothing in a native string, is a modifying
/// access, which ThreadSanitizer rightly reports as a race. Reading the `utf8` view retains a string stored out of
/// line once, for the call.
@inline(__always) func withUTF8<Result>(
    at string: UnsafePointer<String>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
) rethrows -> Result {
    if let result = try string.pointee.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = string.pointee  // not contiguous UTF-8 (never so for strings made on Linux): made so in a copy
    return try copy.withUTF8(body)
}

/// `utf8Equal` of the strings at `a` and `b`, read in place.
func utf8Equal(at a: UnsafePointer<String>, _ b: UnsafePointer<String>) -> Bool {
    withUTF8(at: a) { x in
        withUTF8(at: b) { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
    }
}

/// Whether `a` comes before `b` in UTF-8 byte (code point) order: `a.utf8.lexicographicallyPrecedes(b.utf8)`.
func utf8Precedes(_ a: String, _ b: String) -> Bool { utf8Order(a, b) < 0 }

/// Whether `a` and `b` hold the same UTF-8 bytes (not Swift's `==`, which is canonical equivalence).
func utf8Equal(_ a: String, _ b: String) -> Bool { a.utf8.count == b.utf8.count && utf8Order(a, b) == 0 }

/// The order of `a` and `b` by UTF-8 bytes (negative, zero, positive), compared with `memcmp` over the strings' own
/// storage when they have it (every string made in Swift does).
private func utf8Order(_ a: String, _ b: String) -> Int {
    let fast = a.utf8.withContiguousStorageIfAvailable { x in b.utf8.withContiguousStorageIfAvailable { y in byteOrder(x, y) } }
    if let known = fast ?? nil { return known }
    if a.utf8.elementsEqual(b.utf8) { return 0 }
    return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
}

/// The order of `x` and `y` byte by byte, a shorter before a longer it begins (negative, zero, positive).
@inline(__always) func byteOrder(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
    let common = min(x.count, y.count)
    if common > 0, let px = x.baseAddress, let py = y.baseAddress {
        let order = memcmp(px, py, common)
        if order != 0 { return Int(order) }
    }
    return x.count - y.count
}
