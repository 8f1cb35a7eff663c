/// The transitions of the label trie: (state, word) → next state, in one open-addressing table.
///
/// One flat table instead of a dictionary per state keeps look-ups to a multiply, a mask and usually one probe.
struct TransitionTable: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    private static let empty = UInt64.max

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func key(_ state: Int32, _ word: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: state)) << 32 | UInt64(UInt32(bitPattern: word))
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        // Fibonacci hashing: spreads consecutive state and word numbers over the table.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// The state reached from `state` on `word`, or -1.
    @inline(__always)
    func next(_ state: Int32, _ word: Int32) -> Int32 {
        let k = Self.key(state, word)
        var i = Self.slot(k, mask)
        while true {
            let found = keys[i]
            if found == k { return values[i] }
            if found == Self.empty { return -1 }
            i = (i + 1) & mask
        }
    }

    /// Adds a transition (replacing an existing one).
    mutating func set(_ state: Int32, _ word: Int32, to target: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = Self.key(state, word)
        var i = Self.slot(k, mask)
        while keys[i] != Self.empty && keys[i] != k { i = (i + 1) & mask }
        if keys[i] == Self.empty { count += 1 }
        keys[i] = k
        values[i] = target
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (k, v) in zip(oldKeys, oldValues) where k != Self.empty {
            var i = Self.slot(k, mask)
            while keys[i] != Self.empty { i = (i + 1) & mask }
            keys[i] = k
            values[i] = v
            count += 1
        }
    }
}
