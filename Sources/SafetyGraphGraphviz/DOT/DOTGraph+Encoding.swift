// MARK: - Encoding

extension DOTGraph {
    /// The graph as DOT text: sorted, every id and value quoted and escaped (see `DOTText`), ending in a
    /// newline. The same model always encodes to the same bytes.
    ///
    /// In a graph with clusters, an edge's `label` is written as `xlabel` (placed after layout): Graphviz 2.43's
    /// dot layout frees a rank array twice when a labelled edge runs between nodes of one rank in a graph with
    /// clusters (found by fuzzing; a double free inside our process). SafetyGraph's own drawings label no edge.
    public func encoded() -> String {
        var text = ""
        encode { text += $0 }
        return text
    }

    /// The text of `encoded()`, handed to `write` in pieces of about a megabyte as it is made, so that the DOT of a
    /// 100,000-entry graph never sits in memory whole.
    public func encode(_ write: (String) -> Void) {
        withoutActuallyEscaping(write) { write in
            var out = DOTWriter(edgeLabelsOutside: hasClusters, sink: write)
            out.line(0, (isDirected ? "digraph " : "graph ") + DOTText.quotedID(id) + " {")
            out.body(
                depth: 1, directed: isDirected, attributes: attributes, nodeDefaults: nodeDefaults,
                edgeDefaults: edgeDefaults, subgraphs: subgraphs, nodes: nodes, edges: edges)
            out.line(0, "}")
            out.flush()
        }
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
    /// Where the text goes once a megabyte has gathered; nil keeps it all in `text` (subgraphs, which are sorted
    /// by their text before they are written).
    var sink: ((String) -> Void)? = nil

    mutating func line(_ depth: Int, _ content: String) {
        for _ in 0..<depth { text += "  " }
        text += content
        text += "\n"
        if let sink, text.utf8.count >= 1 << 20 {
            sink(text)
            text = ""
        }
    }

    mutating func flush() {
        if let sink, !text.isEmpty { sink(text) }
        text = ""
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
        // Nodes by id and edges by their ends; only statements that tie there are made together and sorted by
        // their text, so a large graph is written statement by statement.
        let nodeOrder = nodes.indices.sorted { nodes[$0].id < nodes[$1].id }
        var start = 0
        while start < nodeOrder.count {
            var end = start + 1
            while end < nodeOrder.count, nodes[nodeOrder[end]].id == nodes[nodeOrder[start]].id { end += 1 }
            let statements = nodeOrder[start..<end].map { index in
                DOTText.quotedID(nodes[index].id) + Self.list(nodes[index].attributes) + ";"
            }
            for statement in statements.sorted() { line(depth, statement) }
            start = end
        }
        let arrow = directed ? " -> " : " -- "
        let edgeOrder = edges.indices.sorted { (edges[$0].from, edges[$0].to) < (edges[$1].from, edges[$1].to) }
        start = 0
        while start < edgeOrder.count {
            let first = edges[edgeOrder[start]]
            var end = start + 1
            while end < edgeOrder.count, edges[edgeOrder[end]].from == first.from, edges[edgeOrder[end]].to == first.to {
                end += 1
            }
            let statements = edgeOrder[start..<end].map { index in
                let edge = edges[index]
                return DOTText.quotedID(edge.from) + arrow + DOTText.quotedID(edge.to) + edgeList(edge.attributes) + ";"
            }
            for statement in statements.sorted() { line(depth, statement) }
            start = end
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
    static func list(_ attributes: DOTAttributes) -> String { DOTText.attributeList(attributes) }
}
