/// An open-addressing hash set of byte strings that hands out dense ids (0, 1, 2… in insertion order).
///
/// Look-ups take a range of a byte buffer, so the tagger can look a token (or two adjacent tokens read as one)
/// up without building a `String`. The hash is FNV-1a (stable, seed-free), so the table is deterministic.
struct ByteKeyTable: Sendable {
    private struct Slot: Sendable {
        var hash: UInt64
        var id: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    /// Bytes of every key, back to back; key `id` is `pool[offsets[id]..<offsets[id + 1]]`.
    private var pool: [UInt8] = []
    private var offsets: [Int32] = [0]
    /// Length of the longest key: longer ranges cannot be keys and are rejected before hashing.
    private(set) var maxKeyLength = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(hash: 0, id: -1), count: size)
        mask = size - 1
    }

    var count: Int { offsets.count - 1 }

    /// The key with id `id`.
    func key(_ id: Int32) -> ArraySlice<UInt8> { pool[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])] }

    // MARK: - Insert and find

    /// The id of `key`, inserting it when new; -1 for the empty key, which is never stored.
    @discardableResult
    mutating func insert(_ key: [UInt8]) -> Int32 {
        if key.isEmpty { return -1 }
        let found = key.withUnsafeBufferPointer { find($0) }
        if found >= 0 { return found }
        if (count + 1) * 2 > slots.count { grow() }
        let id = Int32(count)
        pool.append(contentsOf: key)
        offsets.append(Int32(pool.count))
        maxKeyLength = max(maxKeyLength, key.count)
        place(Slot(hash: key.withUnsafeBufferPointer { Self.fnv1a($0) }, id: id))
        return id
    }

    /// The id of the key equal to `bytes`, or -1.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let n = bytes.count
        if n > maxKeyLength || n == 0 { return -1 }
        return find(bytes, hash: Self.mix(Self.fnv1a(bytes, from: Self.fnvBasis)))
    }

    /// The id of the key equal to `bytes`, whose mixed hash the caller already has, or -1.
    ///
    /// Plain loops and subscripts, no closures: this runs once or twice per token of every text.
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32 {
        let n = bytes.count
        if n > maxKeyLength || n == 0 { return -1 }
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[i]
            if slot.id < 0 { return -1 }
            if slot.hash == hash {
                let start = Int(offsets[Int(slot.id)])
                if Int(offsets[Int(slot.id) + 1]) - start == n {
                    var k = 0
                    while k < n && pool[start + k] == bytes[k] { k += 1 }
                    if k == n { return slot.id }
                }
            }
            i = (i + 1) & mask
        }
    }

    private mutating func place(_ slot: Slot) {
        var i = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[i].id >= 0 { i = (i + 1) & mask }
        slots[i] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(hash: 0, id: -1), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.id >= 0 { place(slot) }
    }

    // MARK: - Hashing

    static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// FNV-1a over `bytes`, continuing from `h`: hashing a token, then the next one from there, gives the hash
    /// of the two read as one word without reading the first again.
    @inline(__always)
    static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>, from h: UInt64) -> UInt64 {
        var h = h
        var i = 0
        while i < bytes.count {
            h ^= UInt64(bytes[i])
            h = h &* 0x0000_0100_0000_01b3
            i += 1
        }
        return h
    }

    /// The final mix of a raw FNV-1a state: folds the high bits in, as the table index uses the low bits only.
    @inline(__always)
    static func mix(_ h: UInt64) -> UInt64 { h ^ (h >> 29) }

    static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { mix(fnv1a(bytes, from: fnvBasis)) }
}
