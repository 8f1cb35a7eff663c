// MARK: - Encoding

extension DOTGraph {
    /// The graph as DOT text: sorted, every id and value quoted and escaped (see `DOTText`), ending in a
    /// newline. The same model always encodes to the same bytes.
    ///
    /// In a graph with clusters, an edge's `label` is written as `xlabel` (placed after layout): Graphviz 2.43's
    /// dot layout frees a rank array twice when a labelled edge runs between nodes of one rank in a graph with
    /// clusters (found by fuzzing; a double free inside our process). SafetyGraph's own drawings label no edge.
    public func encoded() -> String {
        var out = DOTWriter(edgeLabelsOutside: hasClusters)
        out.line(0, (isDirected ? "digraph " : "graph ") + DOTText.quotedID(id) + " {")
        out.body(
            depth: 1, directed: isDirected, attributes: attributes, nodeDefaults: nodeDefaults,
            edgeDefaults: edgeDefaults, subgraphs: subgraphs, nodes: nodes, edges: edges)
        out.line(0, "}")
        return out.text
    }
}

extension DOTGraph {
    /// Whether any subgraph, at any depth, is a cluster.
    var hasClusters: Bool {
        var stack = subgraphs
        while let sub = stack.popLast() {
            if sub.isCluster { return true }
            stack += sub.subgraphs
        }
        return false
    }
}

/// Writes statements with indentation; shared by the graph and its subgraphs.
private struct DOTWriter {
    var text = ""
    /// Write edges' `label` as `xlabel` (see `DOTGraph.encoded()`).
    var edgeLabelsOutside = false

    mutating func line(_ depth: Int, _ content: String) {
        text += String(repeating: "  ", count: depth) + content + "\n"
    }

    mutating func body(
        depth: Int, directed: Bool, attributes: DOTAttributes, nodeDefaults: DOTAttributes,
        edgeDefaults: DOTAttributes, subgraphs: [DOTSubgraph], nodes: [DOTNode], edges: [DOTEdge]
    ) {
        if !attributes.isEmpty { line(depth, "graph" + Self.list(attributes) + ";") }
        if !nodeDefaults.isEmpty { line(depth, "node" + Self.list(nodeDefaults) + ";") }
        if !edgeDefaults.isEmpty { line(depth, "edge" + edgeList(edgeDefaults) + ";") }
        // Ties (two subgraphs of one name, two statements for one node) are broken by the text written, so that
        // even such a model encodes the same whatever order it was built in (the fuzzer found the order leaking).
        let writtenSubgraphs = subgraphs.map { sub in
            var inner = DOTWriter(edgeLabelsOutside: edgeLabelsOutside)
            inner.line(depth, "subgraph " + DOTText.quotedID(sub.dotName) + " {")
            inner.body(
                depth: depth + 1, directed: directed, attributes: sub.attributes, nodeDefaults: sub.nodeDefaults,
                edgeDefaults: sub.edgeDefaults, subgraphs: sub.subgraphs, nodes: sub.nodes, edges: sub.edges)
            inner.line(depth, "}")
            return (name: sub.dotName, cluster: sub.isCluster ? 1 : 0, text: inner.text)
        }
        for sub in writtenSubgraphs.sorted(by: { ($0.name, $0.cluster, $0.text) < ($1.name, $1.cluster, $1.text) }) {
            text += sub.text
        }
        let writtenNodes = nodes.map { node in
            (id: node.id, statement: DOTText.quotedID(node.id) + Self.list(node.attributes) + ";")
        }
        for node in writtenNodes.sorted(by: { ($0.id, $0.statement) < ($1.id, $1.statement) }) {
            line(depth, node.statement)
        }
        let arrow = directed ? " -> " : " -- "
        let written = edges.map { edge in
            (edge, DOTText.quotedID(edge.from) + arrow + DOTText.quotedID(edge.to) + edgeList(edge.attributes) + ";")
        }
        for (_, statement) in written.sorted(by: { ($0.0.from, $0.0.to, $0.1) < ($1.0.from, $1.0.to, $1.1) }) {
            line(depth, statement)
        }
    }

    /// An edge's attribute list, its `label` moved to `xlabel` when edge labels go outside.
    func edgeList(_ attributes: DOTAttributes) -> String {
        guard edgeLabelsOutside, let label = attributes["label"] else { return Self.list(attributes) }
        var moved = attributes
        moved["label"] = nil
        moved["xlabel"] = label
        return Self.list(moved)
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
