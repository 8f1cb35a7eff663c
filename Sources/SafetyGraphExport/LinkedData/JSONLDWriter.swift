/// Writes JSON-LD: the context (every term spelled out, no `@vocab`) and flat `@graph` documents that carry
/// that context inline, one node per line, keys in a fixed order (`@id`, `@type`, then terms alphabetically).
///
/// Values are plain JSON strings: the context says which are IRIs (`"@type": "@id"`), which are English
/// (`"@language": "en"`) and which are typed (`xsd:gYear`), so a node reads like ordinary JSON.
public final class JSONLDWriter: Sendable {
    public let vocabulary: LinkedVocabulary
    /// Per property: `, "term": `, what comes before its values in a node.
    private let keys: PropertyBytes
    /// `vocabulary.termRanks`, held here: read through the vocabulary, the array was retained (and released) per
    /// node written; a stored property of the writer's own is read in place, as `keys` are.
    private let termRanks: [Int32]

    public init(vocabulary: LinkedVocabulary) {
        self.vocabulary = vocabulary
        termRanks = vocabulary.termRanks
        keys = PropertyBytes(vocabulary) { property in
            let sink = ByteSink()
            sink.append(", ")
            sink.appendJSONString(property.term)
            sink.append(": ")
            return Array(sink.text.utf8)
        }
    }

    // MARK: - Context

    /// `context.jsonld`: `{"@context": {…}}`.
    public func writeContextDocument(to sink: ByteSink) {
        sink.append("{\n  \"@context\": ")
        writeContext(to: sink, indent: "  ")
        sink.append("\n}\n")
    }

    /// The context object, pretty-printed, its closing brace at `indent`.
    public func writeContext(to sink: ByteSink, indent: String) {
        var entries: [(String, () -> Void)] = []
        for (prefix, namespace) in vocabulary.prefixes {
            entries.append((prefix, { sink.appendJSONString(namespace) }))
        }
        for type in vocabulary.classes {
            entries.append((type.term, { sink.appendJSONString(type.iri) }))
        }
        for property in vocabulary.properties {
            entries.append((property.term, { self.writeDefinition(of: property, to: sink) }))
        }
        entries.sort { $0.0 < $1.0 }
        sink.append("{")
        for (i, (term, value)) in entries.enumerated() {
            sink.append(i == 0 ? "\n" : ",\n")
            sink.append(indent + "  ")
            sink.appendJSONString(term)
            sink.append(": ")
            value()
        }
        sink.append("\n" + indent + "}")
    }

    private func writeDefinition(of property: LinkedProperty, to sink: ByteSink) {
        sink.append("{\"@id\": ")
        sink.appendJSONString(property.iri)
        switch property.range {
        case .iri: sink.append(", \"@type\": \"@id\"")
        case .english: sink.append(", \"@language\": \"en\"")
        case .datatype(let datatype):
            sink.append(", \"@type\": ")
            sink.appendJSONString(datatype)
        case .string: break
        }
        sink.append("}")
    }

    // MARK: - Documents

    /// Opens a dump: the inline context and the start of `@graph`.
    public func beginDocument(_ sink: ByteSink) {
        sink.append("{\n  \"@context\": ")
        writeContext(to: sink, indent: "  ")
        sink.append(",\n  \"@graph\": [")
    }

    /// Closes a dump opened with `beginDocument`.
    public func endDocument(_ sink: ByteSink, empty: Bool) {
        sink.append(empty ? "]\n}\n" : "\n  ]\n}\n")
    }

    /// One node as a one-line JSON object (no separator, no indentation).
    public func write(_ node: LinkedNode, to sink: ByteSink) {
        sink.append("{\"@id\": ")
        sink.appendJSONString(node.iri)
        if node.types.count == 1 {
            sink.append(", \"@type\": ")
            node.forEachTypeTerm { _, term in sink.appendJSONString(utf8: term) }  // the node's bytes, no string
        } else if !node.types.isEmpty {
            sink.append(", \"@type\": ")
            writeValues(node.types.map(\.term), to: sink)
        }
        // Terms in order: the statements' positions are sorted by their terms' ranks (in a buffer on the stack),
        // not the statements, which are read in place (a copy of the array was retained, per node).
        node.statements.withUnsafeBufferPointer { statements in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: statements.count) { buffer in
                let order = buffer
                for i in statements.indices { order.initializeElement(at: i, to: i) }
                termRanks.withUnsafeBufferPointer { ranks in
                    sortSmall(order) { ranks[Int(statements[$0].property)] < ranks[Int(statements[$1].property)] }
                }
                keys.withLookUp { key in
                    node.withValues { values in
                        for i in order {
                            sink.append(key[statements[i].property])
                            writeValues(values, statements[i].range, to: sink)
                        }
                    }
                }
            }
        }
        sink.append("}")
    }

    /// Appends `node` to an open dump; `first` tells whether a separator is needed.
    public func append(_ encodedNode: ByteSink, to sink: ByteSink, first: Bool) {
        sink.append(Self.separator(first: first))
        sink.append(contentsOf: encodedNode)
    }

    /// `write(node)` straight into an open dump, after the separator `append` puts: the same bytes, for a node
    /// that goes to one dump only (no copy through a sink of its own).
    public func append(_ node: LinkedNode, to sink: ByteSink, first: Bool) {
        sink.append(Self.separator(first: first))
        write(node, to: sink)
    }

    /// What comes before a node in a dump: a line break (and a comma unless it is the first), then the indentation.
    private static func separator(first: Bool) -> StaticString { first ? "\n    " : ",\n    " }

    /// Appends a run of nodes, each appended with `first: false`, to an open dump; `first` tells whether the
    /// run's first node is the dump's first (then its separator loses the comma).
    public func appendRun(_ encodedNodes: ByteSink, to sink: ByteSink, first: Bool) {
        appendRunLater(encodedNodes, to: sink, first: first)?.perform()
    }

    /// `appendRun` in two steps (`ByteSink.appendLater`): a large run for a file is given its place now and the
    /// write that puts it there is returned.
    public func appendRunLater(_ encodedNodes: ByteSink, to sink: ByteSink, first: Bool) -> ByteSink.PendingWrite? {
        sink.appendLater(contentsOf: encodedNodes, droppingFirst: first ? 1 : 0)
    }

    /// The values in `range`: one as is, several as an array (their bytes, as the node holds them).
    private func writeValues(_ values: LinkedNode.Values, _ range: Range<Int>, to sink: ByteSink) {
        if range.count == 1 {
            values.withUTF8(range.lowerBound) { sink.appendJSONString(utf8: $0) }
            return
        }
        sink.append("[")
        for i in range {
            if i > range.lowerBound { sink.append(", ") }
            values.withUTF8(i) { sink.appendJSONString(utf8: $0) }
        }
        sink.append("]")
    }

    /// One value as is, several as an array.
    private func writeValues(_ values: some Collection<String>, to sink: ByteSink) {
        if values.count == 1, let only = values.first {
            sink.appendJSONString(only)
            return
        }
        sink.append("[")
        for (i, value) in values.enumerated() {
            if i > 0 { sink.append(", ") }
            sink.appendJSONString(value)
        }
        sink.append("]")
    }
}
