import Foundation
/// One subject of the export with everything said about it: its types and, per property, its values.
///
/// The three writers (JSON-LD, N-Triples, Turtle) print the same nodes, so they hold the same triples by
/// construction. `normalized()` fixes the order: properties by IRI, values in code-point order, duplicates
/// dropped (a repeated value is the same triple).
public struct LinkedNode: Sendable, Hashable {
    /// Values of one property. Their shape (IRI, string, typed literal) is the property's range.
    public struct Statement: Sendable, Hashable {
        public var property: LinkedProperty
        public var values: [String]
    }

    public var iri: String
    public var types: [LinkedClass]
    public private(set) var statements: [Statement] = []

    /// A node with room for `capacity` properties at once (growing one by one reallocated, and released, the
    /// array four times per entry).
    public init(iri: String, types: [LinkedClass], capacity: Int = 16) {
        self.iri = iri
        self.types = types
        statements.reserveCapacity(capacity)
    }

    public mutating func add(_ property: LinkedProperty, _ value: String?) {
        guard let value else { return }
        add(property, [value])
    }

    public mutating func add(_ property: LinkedProperty, _ values: [String]) {
        guard !values.isEmpty else { return }
        // The byte count first (constant time): property IRIs differ in length more often than not.
        let length = property.iri.utf8.count
        if let i = statements.firstIndex(where: { $0.property.iri.utf8.count == length && $0.property.iri == property.iri }) {
            statements[i].values += values
        } else {
            statements.append(Statement(property: property, values: values))
        }
    }

    /// The node in its written order, values sorted and unique, types unique.
    public func normalized() -> LinkedNode {
        var node = self
        node.normalize()
        return node
    }

    /// Puts the node in its written order in place (see `normalized()`): a node held once is sorted without
    /// copying its statements.
    public mutating func normalize() {
        if types.count > 1 {
            let sorted = types.sorted { utf8Precedes($0.iri, $1.iri) }
            types = sorted.enumerated().filter { $0.offset == 0 || sorted[$0.offset - 1].iri != $0.element.iri }.map(\.element)
        }
        statements.sort { utf8Precedes($0.property.iri, $1.property.iri) }
        for i in statements.indices where statements[i].values.count > 1 {
            statements[i].values = Self.sortedUnique(statements[i].values)
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
    public var tripleCount: Int { types.count + statements.reduce(0) { $0 + $1.values.count } }
}

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
