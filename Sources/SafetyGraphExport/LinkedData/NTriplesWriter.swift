/// Writes N-Triples: one triple per line, full IRIs, literals in the canonical escaped form.
///
/// Order: the nodes' order (see `LinkedDataModel`), and within a node `rdf:type` first, then predicates by
/// IRI, objects in code-point order. Every IRI has gone through `IRIEncoding`, so none needs escaping.
public struct NTriplesWriter: Sendable {
    public init() {}

    public func write(_ node: LinkedNode, to sink: ByteSink) {
        // Every line of a node starts with its subject, and every line of a statement with its predicate: each
        // is made once.
        let subject = "<" + node.iri + "> "
        for type in node.types {
            sink.append(subject)
            sink.append(Self.typePredicate)
            sink.append(type.iri)
            sink.append("> .\n")
        }
        for statement in node.statements {
            let predicate = "<" + statement.property.iri + "> "
            for value in statement.values {
                sink.append(subject)
                sink.append(predicate)
                Self.writeObject(value, range: statement.property.range, to: sink)
                sink.append(" .\n")
            }
        }
    }

    private static let typePredicate = "<" + Namespace.rdfType + "> <"

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
