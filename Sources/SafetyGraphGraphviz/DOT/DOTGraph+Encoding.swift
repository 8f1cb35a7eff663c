// MARK: - Encoding

extension DOTGraph {
    /// The graph as DOT text: sorted, every id and value quoted and escaped (see `DOTText`), ending in a
    /// newline. The same model always encodes to the same bytes.
    public func encoded() -> String {
        var out = DOTWriter()
        out.line(0, (isDirected ? "digraph " : "graph ") + DOTText.quotedID(id) + " {")
        out.body(
            depth: 1, directed: isDirected, attributes: attributes, nodeDefaults: nodeDefaults,
            edgeDefaults: edgeDefaults, subgraphs: subgraphs, nodes: nodes, edges: edges)
        out.line(0, "}")
        return out.text
    }
}

/// Writes statements with indentation; shared by the graph and its subgraphs.
private struct DOTWriter {
    var text = ""

    mutating func line(_ depth: Int, _ content: String) {
        text += String(repeating: "  ", count: depth) + content + "\n"
    }

    mutating func body(
        depth: Int, directed: Bool, attributes: DOTAttributes, nodeDefaults: DOTAttributes,
        edgeDefaults: DOTAttributes, subgraphs: [DOTSubgraph], nodes: [DOTNode], edges: [DOTEdge]
    ) {
        if !attributes.isEmpty { line(depth, "graph" + Self.list(attributes) + ";") }
        if !nodeDefaults.isEmpty { line(depth, "node" + Self.list(nodeDefaults) + ";") }
        if !edgeDefaults.isEmpty { line(depth, "edge" + Self.list(edgeDefaults) + ";") }
        for sub in subgraphs.sorted(by: { ($0.dotName, $0.isCluster ? 1 : 0) < ($1.dotName, $1.isCluster ? 1 : 0) }) {
            line(depth, "subgraph " + DOTText.quotedID(sub.dotName) + " {")
            body(
                depth: depth + 1, directed: directed, attributes: sub.attributes, nodeDefaults: sub.nodeDefaults,
                edgeDefaults: sub.edgeDefaults, subgraphs: sub.subgraphs, nodes: sub.nodes, edges: sub.edges)
            line(depth, "}")
        }
        for node in nodes.sorted(by: { $0.id < $1.id }) {
            line(depth, DOTText.quotedID(node.id) + Self.list(node.attributes) + ";")
        }
        let arrow = directed ? " -> " : " -- "
        let written = edges.map { edge in
            (edge, DOTText.quotedID(edge.from) + arrow + DOTText.quotedID(edge.to) + Self.list(edge.attributes) + ";")
        }
        for (_, statement) in written.sorted(by: { ($0.0.from, $0.0.to, $0.1) < ($1.0.from, $1.0.to, $1.1) }) {
            line(depth, statement)
        }
    }

    /// ` [a="1", b="2"]`, sorted by name; empty when there are no attributes.
    static func list(_ attributes: DOTAttributes) -> String {
        guard !attributes.isEmpty else { return "" }
        let items = attributes.sorted { $0.key < $1.key }.map {
            DOTText.attributeName($0.key) + "=" + DOTText.quotedValue($0.value, attribute: $0.key)
        }
        return " [" + items.joined(separator: ", ") + "]"
    }
}
