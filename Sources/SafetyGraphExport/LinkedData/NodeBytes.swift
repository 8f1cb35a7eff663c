/// The UTF-8 bytes of a node's values, end to end in one buffer: each value's bytes are copied here once, when the
/// node is told it, and the writers and the sort read them here, as a pointer and a count, with no `String` at all.
///
/// Why: the values mostly lie in memory the node does not own (the entries' fields, shared by the threads that write
/// the linked data and catalog.json), where only a read access may touch them; reading a `String`'s bytes that way
/// copies the string for the call, a retain and a release of its storage (an atomic write to a cache line that is
/// often cold), and every value was read so by each of the three writers and by the sort. Now it is read once.
///
/// A value (copy on write): a node copied and then changed does not change the copy's bytes. Its state is reached
/// through the buffer's pointers, never a class's stored property, whose every access is checked for exclusivity.
struct NodeBytes: @unchecked Sendable {  // copy on write: a buffer shared is never changed
    private struct Header {
        var count: Int
        var capacity: Int
    }

    private var storage: ManagedBuffer<Header, UInt8>

    init(capacity: Int) { storage = Self.make(capacity: capacity, copying: nil) }

    /// A buffer of room for `capacity` bytes (at least one, so that its pointer is never dangling), holding
    /// `old`'s bytes if given.
    private static func make(capacity: Int, copying old: ManagedBuffer<Header, UInt8>?) -> ManagedBuffer<Header, UInt8> {
        let capacity = max(capacity, 64)
        let made = ManagedBuffer<Header, UInt8>.create(minimumCapacity: capacity) { _ in Header(count: 0, capacity: capacity) }
        if let old {
            old.withUnsafeMutablePointers { oldHeader, oldBytes in
                made.withUnsafeMutablePointers { header, bytes in
                    bytes.update(from: oldBytes, count: oldHeader.pointee.count)
                    header.pointee.count = oldHeader.pointee.count
                }
            }
        }
        return made
    }

    /// How many bytes are held.
    var count: Int { storage.withUnsafeMutablePointerToHeader { $0.pointee.count } }

    /// Drops every byte, keeping the room.
    mutating func removeAll() {
        guard isKnownUniquelyReferenced(&storage) else {
            storage = Self.make(capacity: storage.withUnsafeMutablePointerToHeader { $0.pointee.capacity }, copying: nil)
            return
        }
        storage.withUnsafeMutablePointerToHeader { $0.pointee.count = 0 }
    }

    /// Drops the bytes from `count` on (a value appended and then not said).
    mutating func removeLast(from count: Int) {
        reserve(0)
        storage.withUnsafeMutablePointerToHeader { $0.pointee.count = Swift.min($0.pointee.count, count) }
    }

    /// Makes the buffer this value's own, with room for `extra` more bytes.
    @inline(__always) private mutating func reserve(_ extra: Int) {
        let (count, capacity) = storage.withUnsafeMutablePointerToHeader { ($0.pointee.count, $0.pointee.capacity) }
        if extra > capacity &- count || !isKnownUniquelyReferenced(&storage) {
            storage = Self.make(capacity: Swift.max(capacity, count + extra) * 2, copying: storage)
        }
    }

    /// Appends `bytes` (room reserved) and returns where they start. Short pieces, the usual value, are copied
    /// inline (`ByteSink.copyShort`), without `memmove`'s call.
    @inline(__always) private func appendReserved(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        storage.withUnsafeMutablePointers { header, storage in
            let start = header.pointee.count
            if let base = bytes.baseAddress, !bytes.isEmpty {
                if bytes.count <= 32 {
                    ByteSink.copyShort(UnsafeRawPointer(base), to: UnsafeMutableRawPointer(storage + start), count: bytes.count)
                } else {
                    (storage + start).update(from: base, count: bytes.count)
                }
            }
            header.pointee.count = start &+ bytes.count
            return start
        }
    }

    /// Appends `bytes` and returns where they start.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        reserve(bytes.count)
        return appendReserved(bytes)
    }

    /// Appends the UTF-8 of `text` and returns where it starts.
    mutating func append(utf8Of text: String) -> Int { withUTF8Bytes(of: text) { append($0) } }

    /// Appends the UTF-8 of the string at `string`, read where it lies with a read access (as `withUTF8(at:_:)`
    /// does), and returns where it starts.
    mutating func append(utf8At string: UnsafePointer<String>) -> Int {
        if let start = string.pointee.utf8.withContiguousStorageIfAvailable({ append($0) }) { return start }
        var copy = string.pointee  // not contiguous UTF-8 (never so for strings made on Linux): made so in a copy
        return copy.withUTF8 { append($0) }
    }

    /// Lends `body` the first byte (the bytes of `self`, valid during the call).
    @inline(__always) func withBytes<Result>(_ body: (UnsafePointer<UInt8>) throws -> Result) rethrows -> Result {
        try storage.withUnsafeMutablePointerToElements { try body(UnsafePointer($0)) }
    }
}
