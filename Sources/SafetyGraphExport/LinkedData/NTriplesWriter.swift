/// Writes N-Triples: one triple per line, full IRIs, literals in the canonical escaped form.
///
/// Order: the nodes' order (see `LinkedDataModel`), and within a node `rdf:type` first, then predicates by
/// IRI, objects in code-point order. Every IRI has gone through `IRIEncoding`, so none needs escaping.
public final class NTriplesWriter: Sendable {
    /// Per property: `<iri> `.
    private let predicates: PropertyBytes
    /// Per property: its range.
    private let ranges: [LinkedProperty.Range]

    public init(vocabulary: LinkedVocabulary) {
        predicates = PropertyBytes(vocabulary) { Array("<\($0.iri)> ".utf8) }
        ranges = vocabulary.propertyTable.map(\.range)
    }

    public func write(_ node: LinkedNode, to sink: ByteSink) {
        // Values are lent in place, and statements name their property by index: nothing is retained per triple.
        // The subject, `<iri> `, is the same on every line: its bytes are read out of the string once.
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
                ranges.withUnsafeBufferPointer { ranges in
                    node.withValues { values in
                        for statement in node.statements {
                            for i in statement.range {
                                subject()
                                sink.append(predicate[statement.property])
                                values.withUTF8(i) { Self.writeObject(utf8: $0, range: ranges[Int(statement.property)], to: sink) }
                                sink.append(" .\n")
                            }
                        }
                    }
                }
            }
        }
    }

    private static let typePredicate = "<" + Namespace.rdfType + "> <"

    static func writeObject(_ value: String, range: LinkedProperty.Range, to sink: ByteSink) {
        withUTF8Bytes(of: value) { writeObject(utf8: $0, range: range, to: sink) }
    }

    /// `writeObject` of the string whose UTF-8 bytes are `value` (a node's value, read where it lies).
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
