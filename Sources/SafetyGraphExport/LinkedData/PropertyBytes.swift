/// What a writer prints for each property of a vocabulary (its predicate, its key), made once: all of it in one
/// buffer, found by the property's index, so printing a statement retains no string.
struct PropertyBytes: Sendable {
    private let bytes: [UInt8]
    private let spans: [Range<Int>]

    init(_ vocabulary: LinkedVocabulary, _ print: (LinkedProperty) -> [UInt8]) {
        var bytes: [UInt8] = []
        var spans: [Range<Int>] = []
        for property in vocabulary.propertyTable {
            let start = bytes.count
            bytes += print(property)
            spans.append(start..<bytes.count)
        }
        self.bytes = bytes
        self.spans = spans
    }

    /// Lends `body` a look-up from property index to its bytes, valid during the call.
    func withLookUp<Result>(_ body: (Lookup) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { bytes in
            spans.withUnsafeBufferPointer { spans in body(Lookup(bytes: bytes, spans: spans)) }
        }
    }

    struct Lookup {
        let bytes: UnsafeBufferPointer<UInt8>
        let spans: UnsafeBufferPointer<Range<Int>>
        subscript(property: Int32) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[spans[Int(property)]])
        }
    }
}
