/// Writes N-Triples: one triple per line, full IRIs, literals in the canonical escaped form.
///
/// Order: the nodes' order (see `LinkedDataModel`), and within a node `rdf:type` first, then predicates by
/// IRI, objects in code-point order. Every IRI has gone through `IRIEncoding`, so none needs escaping.
public final class NTriplesWriter: Sendable {
    /// Per property: `<iri> `.
    private let predicates: PropertyBytes
    /// Per property: its range, and whether it is `.iri` (read as a flag: reading the range copied it, and the
    /// string of a datatype with it).
    private let ranges: [LinkedProperty.Range]
    private let objectIsIRI: [Bool]

    public init(vocabulary: LinkedVocabulary) {
        predicates = PropertyBytes(vocabulary) { Array("<\($0.iri)> ".utf8) }
        ranges = vocabulary.propertyTable.map(\.range)
        objectIsIRI = ranges.map { if case .iri = $0 { true } else { false } }
    }

    public func write(_ node: LinkedNode, to sink: ByteSink) {
        // Values are read as bytes the node holds, and statements name their property by index: nothing is retained
        // per triple. The subject, `<iri> `, is the same on every line: its bytes are read out of the string once.
        withUTF8Bytes(of: node.iri) { iri in
            func subject() {
                sink.append(UInt8(ascii: "<"))
                sink.append(iri)
                sink.append("> ")
            }
            node.forEachTypeIRI { _, type in
                subject()
                sink.append(Self.typePredicate)
                sink.append(type)
                sink.append("> .\n")
            }
            predicates.withLookUp { predicate in
                objectIsIRI.withUnsafeBufferPointer { objectIsIRI in
                    node.withValues { values in
                        for statement in node.statements {
                            let property = Int(statement.property)
                            let isIRI = objectIsIRI[property]
                            for i in statement.range {
                                let value = values.utf8(i)
                                // The line's start, and all of it when the object is an IRI (most are), in one piece:
                                // a check for room and a call per part cost more than the copying.
                                let start = iri.count + 3 + predicate[statement.property].count
                                let length = start + (isIRI ? value.count + 5 : 0)
                                if length <= Self.longestPiece {
                                    sink.appendInPlace(upTo: length) { out in
                                        Self.line(iri, predicate[statement.property], object: isIRI ? value : nil, at: out)
                                    }
                                    if isIRI { continue }
                                } else {
                                    subject()
                                    sink.append(predicate[statement.property])
                                }
                                Self.writeObject(utf8: value, range: ranges[property], to: sink)
                                sink.append(" .\n")
                            }
                        }
                    }
                }
            }
        }
    }

    /// The longest line (or start of one) written in one piece (`appendInPlace`); longer ones go part by part.
    static let longestPiece = 4096

    /// Writes `<subject> predicate` at `out`, and, given an IRI `object`, `<object> .` and the line break; returns
    /// how many bytes it wrote.
    @inline(__always) static func line(
        _ subject: UnsafeBufferPointer<UInt8>, _ predicate: UnsafeBufferPointer<UInt8>, object: UnsafeBufferPointer<UInt8>?,
        at out: UnsafeMutablePointer<UInt8>
    ) -> Int {
        out[0] = UInt8(ascii: "<")
        var at = ByteSink.copy(subject, to: out + 1)
        at[0] = UInt8(ascii: ">")
        at[1] = UInt8(ascii: " ")
        at = ByteSink.copy(predicate, to: at + 2)
        if let object {
            at[0] = UInt8(ascii: "<")
            at = ByteSink.copy(object, to: at + 1)
            at[0] = UInt8(ascii: ">")
            at[1] = UInt8(ascii: " ")
            at[2] = UInt8(ascii: ".")
            at[3] = UInt8(ascii: "\n")
            at += 4
        }
        return at - out
    }

    private static let typePredicate = "<" + Namespace.rdfType + "> <"

    static func writeObject(_ value: String, range: LinkedProperty.Range, to sink: ByteSink) {
        withUTF8Bytes(of: value) { writeObject(utf8: $0, range: range, to: sink) }
    }

    /// `writeObject` of the string whose UTF-8 bytes are `value` (a node's value, as the node holds it).
    static func writeObject(utf8 value: UnsafeBufferPointer<UInt8>, range: LinkedProperty.Range, to sink: ByteSink) {
        switch range {
        case .iri:
            sink.append("<")
            sink.append(value)
            sink.append(">")
        case .string:
            sink.appendRDFString(utf8: value)
        case .english:
            sink.appendRDFString(utf8: value)
            sink.append("@en")
        case .datatype(let datatype):
            sink.appendRDFString(utf8: value)
            sink.append("^^<")
            sink.append(datatype)
            sink.append(">")
        }
    }
}
