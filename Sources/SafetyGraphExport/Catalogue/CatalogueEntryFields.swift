import SafetyGraphCore

extension CatalogueEntryWriter {
    /// Pointers to the stored properties the writer reads, from a pointer to their value: what it reads through them
    /// is borrowed where it lies (see `CatalogueEntryWriter`). The offsets are constants the compiler works out.
    enum Fields {
        @inline(__always) private static func field<Root, Value>(
            _ root: UnsafePointer<Root>, _ path: KeyPath<Root, Value>
        ) -> UnsafePointer<Value> {
            (UnsafeRawPointer(root) + MemoryLayout<Root>.offset(of: path)!).assumingMemoryBound(to: Value.self)
        }

        @inline(__always) static func entry(_ p: UnsafePointer<TaggedEntry>) -> UnsafePointer<Entry> { field(p, \.entry) }
        @inline(__always) static func tags(_ p: UnsafePointer<TaggedEntry>) -> UnsafePointer<[Tag]> { field(p, \.tags) }

        @inline(__always) static func id(_ p: UnsafePointer<Entry>) -> UnsafePointer<String> { field(p, \.id.rawValue) }
        @inline(__always) static func title(_ p: UnsafePointer<Entry>) -> UnsafePointer<String> { field(p, \.title) }
        @inline(__always) static func url(_ p: UnsafePointer<Entry>) -> UnsafePointer<String> { field(p, \.url) }
        @inline(__always) static func kind(_ p: UnsafePointer<Entry>) -> UnsafePointer<String> { field(p, \.kind.rawValue) }
        @inline(__always) static func otherURLs(_ p: UnsafePointer<Entry>) -> UnsafePointer<[String]> { field(p, \.otherURLs) }
        @inline(__always) static func authors(_ p: UnsafePointer<Entry>) -> UnsafePointer<[String]> { field(p, \.authors) }
        @inline(__always) static func keywords(_ p: UnsafePointer<Entry>) -> UnsafePointer<[String]> { field(p, \.keywords) }
        @inline(__always) static func sectionPaths(_ p: UnsafePointer<Entry>) -> UnsafePointer<[[String]]> { field(p, \.sectionPaths) }
        @inline(__always) static func sources(_ p: UnsafePointer<Entry>) -> UnsafePointer<[SourceLocation]> { field(p, \.sources) }
        /// The optional strings.
        @inline(__always) static func description(_ p: UnsafePointer<Entry>) -> UnsafePointer<String?> { field(p, \.description) }
        @inline(__always) static func organization(_ p: UnsafePointer<Entry>) -> UnsafePointer<String?> { field(p, \.organization) }
        @inline(__always) static func githubRepo(_ p: UnsafePointer<Entry>) -> UnsafePointer<String?> { field(p, \.githubRepo) }

        @inline(__always) static func relatedID(_ p: UnsafePointer<RelatedEntry>) -> UnsafePointer<String> { field(p, \.entry.rawValue) }
        @inline(__always) static func sharedConcepts(_ p: UnsafePointer<RelatedEntry>) -> UnsafePointer<[ConceptID]> { field(p, \.sharedConcepts) }
        @inline(__always) static func rawValue(_ p: UnsafePointer<ConceptID>) -> UnsafePointer<String> { field(p, \.rawValue) }
        @inline(__always) static func concept(_ p: UnsafePointer<Tag>) -> UnsafePointer<String> { field(p, \.concept.rawValue) }
        @inline(__always) static func provenance(_ p: UnsafePointer<Tag>) -> UnsafePointer<[TagProvenance]> { field(p, \.provenance) }
        @inline(__always) static func term(_ p: UnsafePointer<TagProvenance>) -> UnsafePointer<String> { field(p, \.term) }
        @inline(__always) static func file(_ p: UnsafePointer<SourceLocation>) -> UnsafePointer<String> { field(p, \.file) }
    }
}

/// The text of each related entry's score (rounded to 4 decimals) as `JSONEncoder` writes it, made once per value:
/// scores take few values. A table of 4,096 slots by the value's bits; a value whose slot holds another is made
/// again (and takes the slot).
struct ScoreTexts {
    /// Per slot: the value's bits, then the text's length (0: empty) and up to 23 bytes of it.
    private static let slots = 4096
    private static let width = 24
    private let keys: UnsafeMutablePointer<UInt64> = .allocate(capacity: slots)
    private let texts: UnsafeMutablePointer<UInt8> = {
        let texts = UnsafeMutablePointer<UInt8>.allocate(capacity: slots * width)
        texts.initialize(repeating: 0, count: slots * width)
        return texts
    }()

    func deallocate() {
        keys.deallocate()
        texts.deallocate()
    }

    /// The text of `value`, nil when it is too long to keep (the caller makes it with `make`).
    @inline(__always) mutating func text(of value: Double) -> UnsafeBufferPointer<UInt8>? {
        let bits = value.bitPattern
        let slot = Int(truncatingIfNeeded: (bits &* 0x9E37_79B9_7F4A_7C15) >> 52)
        let text = texts + slot * Self.width
        if text[0] == 0 || keys[slot] != bits {
            let made = Self.make(value)
            guard made.count < Self.width else { return nil }
            keys[slot] = bits
            text[0] = UInt8(made.count)
            (text + 1).initialize(from: made, count: made.count)
        }
        return UnsafeBufferPointer(start: text + 1, count: Int(text[0]))
    }

    /// A double as `JSONEncoder` writes it: Swift's shortest round-trip text, without a trailing `.0`.
    static func make(_ value: Double) -> [UInt8] {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return Array(text.utf8)
    }
}
