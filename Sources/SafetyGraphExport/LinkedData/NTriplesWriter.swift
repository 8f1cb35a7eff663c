/// Writes N-Triples: one triple per line, full IRIs, literals in the canonical escaped form.
///
/// Order: the nodes' order (see `LinkedDataModel`), and within a node `rdf:type` first, then predicates by
/// IRI, objects in code-point order. Every IRI has gone through `IRIEncoding`, so none needs escaping.
public struct NTriplesWriter: Sendable {
    public init() {}

    public func write(_ node: LinkedNode, to sink: ByteSink) {
        for type in node.types {
            subject(node.iri, to: sink)
            sink.append(Self.typePredicate)
            sink.append(type.iri)
            sink.append("> .\n")
        }
        // Statements and values are lent in place: iterating copied each statement (retaining its property's
        // strings and its values) and each value.
        node.statements.withUnsafeBufferPointer { statements in
            for s in statements.indices {
                statements[s].values.withUnsafeBufferPointer { values in
                    for i in values.indices {
                        subject(node.iri, to: sink)
                        sink.append(UInt8(ascii: "<"))
                        sink.append(statements[s].property.iri)
                        sink.append("> ")
                        Self.writeObject(values[i], range: statements[s].property.range, to: sink)
                        sink.append(" .\n")
                    }
                }
            }
        }
    }

    private static let typePredicate = "<" + Namespace.rdfType + "> <"

    private func subject(_ iri: String, to sink: ByteSink) {
        sink.append(UInt8(ascii: "<"))
        sink.append(iri)
        sink.append("> ")
    }

    static func writeObject(_ value: String, range: LinkedProperty.Range, to sink: ByteSink) {
        switch range {
        case .iri:
            sink.append("<")
            sink.append(value)
            sink.append(">")
        case .string:
            sink.appendRDFString(value)
        case .english:
            sink.appendRDFString(value)
            sink.append("@en")
        case .datatype(let datatype):
            sink.appendRDFString(value)
            sink.append("^^<")
            sink.append(datatype)
            sink.append(">")
        }
    }
}
