/// Writes Turtle: prefixes first, then one block per node (`a` types, predicates, comma-separated objects),
/// in the same order and with the same triples as `NTriplesWriter`.
///
/// An IRI is abbreviated to `prefix:local` only when the local part is plainly safe (letters, digits, `_`, `-`,
/// not starting with `-`); anything else stays `<…>`, which needs no escaping after `IRIEncoding`.
public struct TurtleWriter: Sendable {
    public let vocabulary: LinkedVocabulary
    /// `(prefix, namespace)`, longest namespace first so the most specific prefix wins.
    private let prefixes: [(String, String)]

    public init(vocabulary: LinkedVocabulary) {
        self.vocabulary = vocabulary
        let all = vocabulary.prefixes + [
            ("concept", vocabulary.base.conceptNamespace), ("entry", vocabulary.base.entryNamespace),
            ("section", vocabulary.base.sectionNamespace),
        ]
        self.prefixes = all.sorted { ($0.1.utf8.count, $0.0) > ($1.1.utf8.count, $1.0) }
    }

    public func writeHeader(to sink: ByteSink) {
        for (prefix, namespace) in prefixes.sorted(by: { $0.0 < $1.0 }) {
            sink.append("@prefix \(prefix): <\(namespace)> .\n")
        }
    }

    public func write(_ node: LinkedNode, to sink: ByteSink) {
        sink.append("\n")
        sink.append(name(node.iri))
        var first = true
        func startPredicate(_ text: String) {
            sink.append(first ? "\n    " : " ;\n    ")
            first = false
            sink.append(text)
            sink.append(" ")
        }
        if !node.types.isEmpty {
            startPredicate("a")
            sink.append(node.types.map { name($0.iri) }.joined(separator: ", "))
        }
        for statement in node.statements {
            startPredicate(name(statement.property.iri))
            for (i, value) in statement.values.enumerated() {
                if i > 0 { sink.append(", ") }
                switch statement.property.range {
                case .iri: sink.append(name(value))
                case .string: sink.appendRDFString(value)
                case .english:
                    sink.appendRDFString(value)
                    sink.append("@en")
                case .datatype(let datatype):
                    sink.appendRDFString(value)
                    sink.append("^^")
                    sink.append(name(datatype))
                }
            }
        }
        sink.append(" .\n")
    }

    /// `prefix:local` when safe, else `<iri>`.
    func name(_ iri: String) -> String {
        for (prefix, namespace) in prefixes where iri.hasPrefix(namespace) {
            let local = iri.utf8.dropFirst(namespace.utf8.count)
            if Self.isPlainLocalName(local) { return prefix + ":" + String(decoding: local, as: UTF8.self) }
        }
        return "<" + iri + ">"
    }

    static func isPlainLocalName(_ local: Substring.UTF8View) -> Bool {
        guard let first = local.first, first != UInt8(ascii: "-") else { return false }
        return local.allSatisfy { b in
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                return true
            default: return false
            }
        }
    }
}
