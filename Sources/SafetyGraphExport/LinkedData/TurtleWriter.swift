import Foundation

/// Writes Turtle: prefixes first, then one block per node (`a` types, predicates, comma-separated objects),
/// in the same order and with the same triples as `NTriplesWriter`.
///
/// An IRI is abbreviated to `prefix:local` only when the local part is plainly safe (letters, digits, `_`, `-`,
/// not starting with `-`); anything else stays `<…>`, which needs no escaping after `IRIEncoding`.
public final class TurtleWriter: Sendable {
    public let vocabulary: LinkedVocabulary
    /// `(prefix, namespace)`, longest namespace first so the most specific prefix wins.
    let prefixes: [(String, String)]
    /// The same as bytes in one buffer (`prefix:` then namespace, for each in that order), for comparing without
    /// going through `String` or retaining an array per prefix tried.
    private let prefixBytes: [UInt8]
    private let prefixSpans: [(prefix: Range<Int>, namespace: Range<Int>)]
    /// Per byte value, 1 when a local name may hold it (`isPlainLocalByte`): a look-up per byte of every name
    /// written is cheaper than the bit arithmetic.
    private let plainLocalBytes: [UInt8] = TurtleWriter.plainLocalTable()
    /// The written name of every class of the vocabulary (a node's type), found once.
    private let vocabularyNames: VocabularyNames
    /// Per property: its written name (`schema:name`), and its range.
    private let predicates: PropertyBytes
    private let ranges: [LinkedProperty.Range]

    public init(vocabulary: LinkedVocabulary) {
        self.vocabulary = vocabulary
        let all = vocabulary.prefixes + [
            ("concept", vocabulary.base.conceptNamespace), ("entry", vocabulary.base.entryNamespace),
            ("section", vocabulary.base.sectionNamespace),
        ]
        self.prefixes = all.sorted { ($0.1.utf8.count, $0.0) > ($1.1.utf8.count, $1.0) }
        var bytes: [UInt8] = []
        var spans: [(prefix: Range<Int>, namespace: Range<Int>)] = []
        for (prefix, namespace) in prefixes {
            let start = bytes.count
            bytes += Array(prefix.utf8) + [UInt8(ascii: ":")]
            let middle = bytes.count
            bytes += Array(namespace.utf8)
            spans.append((start..<middle, middle..<bytes.count))
        }
        self.prefixBytes = bytes
        self.prefixSpans = spans
        func writtenName(_ iri: String) -> [UInt8] {
            let sink = ByteSink()
            Self.writeName(iri, prefixBytes: bytes, prefixSpans: spans, plain: Self.plainLocalTable(), to: sink)
            return sink.bytes
        }
        var names = VocabularyNames()
        for type in vocabulary.classes { names.insert(iri: Array(type.iri.utf8), name: writtenName(type.iri)) }
        self.vocabularyNames = names
        predicates = PropertyBytes(vocabulary) { writtenName($0.iri) }
        ranges = vocabulary.propertyTable.map(\.range)
    }

    public func writeHeader(to sink: ByteSink) {
        for (prefix, namespace) in prefixes.sorted(by: { $0.0 < $1.0 }) {
            sink.append("@prefix \(prefix): <\(namespace)> .\n")
        }
    }

    public func write(_ node: LinkedNode, to sink: ByteSink) {
        sink.append(UInt8(ascii: "\n"))
        writeName(node.iri, to: sink)
        let typed = !node.types.isEmpty
        if typed {
            sink.append("\n    a ")
            node.forEachTypeIRI { i, type in
                if i > 0 { sink.append(", ") }
                writeVocabularyName(utf8: type, to: sink)
            }
        }
        // Values are read as bytes the node holds, and statements name their property by index: nothing is retained
        // per value.
        predicates.withLookUp { predicate in
            ranges.withUnsafeBufferPointer { ranges in
                node.withValues { values in
                    node.statements.withUnsafeBufferPointer { statements in
                        for k in statements.indices {
                            sink.append(k == 0 && !typed ? "\n    " : " ;\n    ")
                            sink.append(predicate[statements[k].property])
                            sink.append(UInt8(ascii: " "))
                            let range = statements[k].range
                            for i in range {
                                if i > range.lowerBound { sink.append(", ") }
                                let objectRange = ranges[Int(statements[k].property)]
                                values.withUTF8(i) { value in
                                    switch objectRange {
                                    case .iri: writeName(utf8: value, to: sink)
                                    case .string: sink.appendRDFString(utf8: value)
                                    case .english:
                                        sink.appendRDFString(utf8: value)
                                        sink.append("@en")
                                    case .datatype(let datatype):
                                        sink.appendRDFString(utf8: value)
                                        sink.append("^^")
                                        writeName(datatype, to: sink)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        sink.append(" .\n")
    }

    /// `writeName` for a class's IRI (its UTF-8 bytes): looked up when the vocabulary has it.
    private func writeVocabularyName(utf8 iri: UnsafeBufferPointer<UInt8>, to sink: ByteSink) {
        if !vocabularyNames.withName(of: iri, { sink.append($0) }) { writeName(utf8: iri, to: sink) }
    }

    /// The written names of the vocabulary's class IRIs, found by a hash of an IRI's length and last bytes and
    /// confirmed byte for byte: every node names its type, and hashing its whole IRI cost more than trying every
    /// prefix.
    private struct VocabularyNames: Sendable {
        private var slots = [Int](repeating: -1, count: 256)
        /// Every IRI and its written name, end to end in one buffer: an array per IRI was retained and released at
        /// every look-up.
        private var bytes: [UInt8] = []
        private var spans: [(iri: Range<Int>, name: Range<Int>)] = []

        private static func slot(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
            for byte in bytes.suffix(8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            return Int(truncatingIfNeeded: hash >> 56)
        }

        mutating func insert(iri: [UInt8], name: [UInt8]) {
            guard spans.count < 200 else { return }  // keep the table sparse; the rest take the prefix search
            var slot = iri.withUnsafeBufferPointer(Self.slot)
            while slots[slot] >= 0 {
                if Array(bytes[spans[slots[slot]].iri]) == iri { return }
                slot = (slot + 1) & 255
            }
            slots[slot] = spans.count
            let start = bytes.count
            bytes += iri
            let middle = bytes.count
            bytes += name
            spans.append((start..<middle, middle..<bytes.count))
        }

        /// Hands `body` the written name of `iri` and returns true, or returns false when the IRI is not here.
        func withName(of iri: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
            var slot = Self.slot(iri)
            return bytes.withUnsafeBufferPointer { all in
                while slots[slot] >= 0 {
                    let span = spans[slots[slot]]
                    let same = span.iri.count == iri.count
                        && (iri.isEmpty || memcmp(all.baseAddress! + span.iri.lowerBound, iri.baseAddress!, iri.count) == 0)
                    if same {
                        body(UnsafeBufferPointer(rebasing: all[span.name]))
                        return true
                    }
                    slot = (slot + 1) & 255
                }
                return false
            }
        }
    }

    /// Writes `prefix:local` when safe, else `<iri>`, without building a string.
    func writeName(_ iri: String, to sink: ByteSink) {
        Self.writeName(iri, prefixBytes: prefixBytes, prefixSpans: prefixSpans, plain: plainLocalBytes, to: sink)
    }

    /// `writeName` of the IRI whose UTF-8 bytes are `bytes` (a node's value, as the node holds it).
    func writeName(utf8 bytes: UnsafeBufferPointer<UInt8>, to sink: ByteSink) {
        prefixBytes.withUnsafeBufferPointer { known in
            prefixSpans.withUnsafeBufferPointer { spans in
                plainLocalBytes.withUnsafeBufferPointer { plain in
                    Self.writeName(bytes, known: known, spans: spans, plain: plain, to: sink)
                }
            }
        }
    }

    private static func writeName(
        _ iri: String, prefixBytes: [UInt8], prefixSpans: [(prefix: Range<Int>, namespace: Range<Int>)],
        plain: [UInt8], to sink: ByteSink
    ) {
        withUTF8Bytes(of: iri) { bytes in
            prefixBytes.withUnsafeBufferPointer { known in
                prefixSpans.withUnsafeBufferPointer { spans in
                    plain.withUnsafeBufferPointer { plain in writeName(bytes, known: known, spans: spans, plain: plain, to: sink) }
                }
            }
        }
    }

    /// `writeName` over the IRI's bytes and the prefixes' (`known`, cut by `spans`, longest namespace first).
    ///
    /// The first namespace (in that order) the IRI starts with and leaves a plain local name after wins. The IRI's
    /// plain tail is found first, from its end: a namespace shorter than where it starts leaves a byte no local name
    /// may hold, and so does every namespace after it (they are no longer), so the search stops there. An IRI with a
    /// `/` in its local part (an author's, a tagging's, a web link) tries no prefix at all, instead of every one.
    private static func writeName(
        _ bytes: UnsafeBufferPointer<UInt8>, known: UnsafeBufferPointer<UInt8>,
        spans: UnsafeBufferPointer<(prefix: Range<Int>, namespace: Range<Int>)>, plain: UnsafeBufferPointer<UInt8>,
        to sink: ByteSink
    ) {
        let plainFrom = plainTailStart(bytes, plain: plain)
        for span in spans {
            let length = span.namespace.count
            guard length >= plainFrom else { break }
            // A local name of one byte or more (all plain, as `length >= plainFrom`), not starting with `-`; the
            // namespace's last byte (a `/` or `#`) first, where most namespaces are told apart.
            guard bytes.count > length, bytes[length] != UInt8(ascii: "-"),
                bytes[length - 1] == known[span.namespace.upperBound - 1],
                memcmp(known.baseAddress! + span.namespace.lowerBound, bytes.baseAddress!, length) == 0
            else { continue }
            sink.append(UnsafeBufferPointer(rebasing: known[span.prefix]))
            sink.append(UnsafeBufferPointer(rebasing: bytes[length...]))
            return
        }
        sink.append(UInt8(ascii: "<"))
        sink.append(bytes)
        sink.append(UInt8(ascii: ">"))
    }

    /// Where the run of plain bytes (`isPlainLocalByte`) that ends `bytes` starts: sixteen bytes at a time from the
    /// end (`PlainBlock`) while all are plain, then the one that stops it found among them at once; fewer than
    /// sixteen left byte by byte (through `plain`). The byte loop was most of the cost of an IRI's written name.
    static func plainTailStart(_ bytes: UnsafeBufferPointer<UInt8>, plain: UnsafeBufferPointer<UInt8>) -> Int {
        var start = bytes.count
        while start >= 16 {
            let plainLanes = PlainBlock.plainTailCount(Block.load(bytes, start - 16))
            start -= plainLanes
            if plainLanes < 16 { return start }
        }
        while start > 0, plain[Int(bytes[start - 1])] != 0 { start -= 1 }
        return start
    }

    /// `plainLocalBytes`: 256 bytes, 1 for each byte value `isPlainLocalByte` accepts.
    static func plainLocalTable() -> [UInt8] { (0...255).map { isPlainLocalByte(UInt8($0)) ? 1 : 0 } }

    /// Whether `b` may be in a local name written after a prefix (`A–Z a–z 0–9 _ -`; the bits of `isPlainLocalName`).
    @inline(__always) static func isPlainLocalByte(_ b: UInt8) -> Bool {
        let bits: UInt64 = b < 64 ? 0x03FF_2000_0000_0000 : (b < 128 ? 0x07FF_FFFE_87FF_FFFE : 0)
        return (bits >> UInt64(b & 63)) & 1 != 0
    }

    /// Whether `local` is a local name written as is after a prefix: `A–Z a–z 0–9 _ -`, not starting with `-`. The
    /// two constants are those bytes a bit each: `-` and `0–9` among bytes 0–63 (bit `b`); `A–Z`, `_` and `a–z`
    /// among bytes 64–127 (bit `b - 64`). The rule in one piece: tests check `writeName`'s search against it.
    static func isPlainLocalName(_ local: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = local.first, first != UInt8(ascii: "-") else { return false }
        for b in local {
            let bits: UInt64 = b < 64 ? 0x03FF_2000_0000_0000 : (b < 128 ? 0x07FF_FFFE_87FF_FFFE : 0)
            if (bits >> UInt64(b & 63)) & 1 == 0 { return false }
        }
        return true
    }
}

/// `isPlainLocalByte` over sixteen bytes at once, with compares that compile to vector instructions (`.<` on
/// wrapped differences; see `Block`).
enum PlainBlock {
    typealias Bytes = SIMD16<UInt8>

    /// How many of the sixteen bytes, counted from the last, are plain before one that is not (16 when all are).
    @inline(__always) static func plainTailCount(_ v: Bytes) -> Int {
        let digit = (v &- Bytes(repeating: 0x30)) .< Bytes(repeating: 10)
        let letter = ((v | Bytes(repeating: 0x20)) &- Bytes(repeating: 0x61)) .< Bytes(repeating: 26)
        let underscore = (v ^ Bytes(repeating: 0x5F)) .< Bytes(repeating: 1)
        let hyphen = (v ^ Bytes(repeating: 0x2D)) .< Bytes(repeating: 1)
        // Lanes are all ones where plain; byte `i` of the halves is lane `i` (little-endian), the last in the top
        // byte of the second: the other lanes' leading zero bits, eight a lane, count the plain lanes at the end.
        let halves = unsafeBitCast(digit .| letter .| underscore .| hyphen, to: SIMD2<UInt64>.self)
        let high = ~halves[1], low = ~halves[0]
        if high != 0 { return high.leadingZeroBitCount >> 3 }
        return 8 + (low.leadingZeroBitCount >> 3)
    }
}
