/// Strings made once and said by many nodes (the concepts', the sections' and the rules' IRIs), kept as their UTF-8
/// bytes end to end: a node copies such a value from here (`LinkedNode.add(property:utf8:)`) without reading a
/// `String`, which, read where it lies, is copied for the read (a retain and a release).
///
/// Owns its memory until `deallocate()`, which its owner calls once nothing reads it any more.
struct ByteTable: @unchecked Sendable {  // written in `init` only, then read
    private let bytes: UnsafeMutablePointer<UInt8>
    /// `count + 1` offsets into `bytes`: string `i` is `offsets[i]..<offsets[i + 1]`.
    private let offsets: UnsafeMutablePointer<Int>
    let count: Int

    init(_ strings: [String]) {
        count = strings.count
        offsets = .allocate(capacity: count + 1)
        var all: [UInt8] = []
        for (i, string) in strings.enumerated() {
            offsets[i] = all.count
            all += string.utf8
        }
        offsets[count] = all.count
        bytes = .allocate(capacity: max(1, all.count))
        bytes.initialize(from: all, count: all.count)
    }

    func deallocate() {
        bytes.deallocate()
        offsets.deallocate()
    }

    /// The bytes of string `i`.
    @inline(__always) subscript(i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + offsets[i], count: offsets[i + 1] - offsets[i])
    }
}
