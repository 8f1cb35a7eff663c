import SafetyGraphGraphviz

// Shared by the DOT fuzz target (Fuzz/Sources/FuzzDOT links to this file) and FuzzRegressionTests, which
// replays the fuzzer's findings through it.

/// Reads fuzz bytes as a little program that builds a `DOTGraph`, so that every id, label, tooltip and URL
/// the encoder sees is hostile. Fields are separated by 0xFF (never part of UTF-8, so NUL and every other
/// byte can appear inside a field); the first byte of a field is its operation, the rest its text:
///
///     0 node(text) with label = next field       4 close the innermost subgraph
///     1 edge between two earlier nodes, label     5 attribute (name picked by a byte) = text on the last node
///     2 graph attribute (picked by a byte) = text 6 edge from a new node (text) to the last node
///     3 open a subgraph (cluster when odd)        7 attribute on the last edge
///
/// The graph's id is the first field. Sizes are capped so that a layout stays quick.
struct DOTProgram {
    /// The attributes SafetyGraph fills with text that comes from lists and the ontology, plus `id`.
    static let textAttributes = ["label", "tooltip", "URL", "xlabel", "id", "class", "headlabel", "comment"]

    private(set) var graph: DOTGraph
    private var stack: [DOTSubgraph] = []
    private var nodeIDs: [String] = []

    init(_ bytes: [UInt8], isDirected: Bool) {
        let fields = bytes.split(separator: 0xFF, omittingEmptySubsequences: false).map { [UInt8]($0) }
        graph = DOTGraph(id: String(decoding: fields.first ?? [], as: UTF8.self), isDirected: isDirected)
        var index = 1
        while index < fields.count, nodeIDs.count < 40, index < 200 {
            let field = fields[index]
            index += 1
            guard let op = field.first else { continue }
            let text = String(decoding: field.dropFirst(), as: UTF8.self)
            let pick = field.count > 1 ? Int(field[1]) : 0
            switch op % 8 {
            case 0:
                let label = index < fields.count ? String(decoding: fields[index], as: UTF8.self) : ""
                index += 1
                addNode(DOTNode(text, ["label": label]))
            case 1 where !nodeIDs.isEmpty:
                let to = field.count > 2 ? Int(field[2]) : 0
                addEdge(DOTEdge(nodeIDs[pick % nodeIDs.count], nodeIDs[to % nodeIDs.count], ["label": text]))
            case 2:
                graph.attributes[Self.textAttributes[pick % Self.textAttributes.count]] = text
            case 3 where stack.count < 4:
                stack.append(DOTSubgraph(id: text, isCluster: op % 2 == 1, attributes: ["label": text]))
            case 4:
                closeSubgraph()
            case 5 where !nodeIDs.isEmpty:
                setOnLastNode(Self.textAttributes[pick % Self.textAttributes.count], text)
            case 6 where !nodeIDs.isEmpty:
                let to = nodeIDs[nodeIDs.count - 1]
                nodeIDs.append(text)
                addEdge(DOTEdge(text, to, [:]))
            case 7:
                setOnLastEdge(Self.textAttributes[pick % Self.textAttributes.count], text)
            default:
                break
            }
        }
        while !stack.isEmpty { closeSubgraph() }
    }

    private mutating func addNode(_ node: DOTNode) {
        nodeIDs.append(node.id)
        if stack.isEmpty { graph.nodes.append(node) } else { stack[stack.count - 1].nodes.append(node) }
    }

    private mutating func addEdge(_ edge: DOTEdge) {
        guard graph.edges.count < 80 else { return }
        if stack.isEmpty { graph.edges.append(edge) } else { stack[stack.count - 1].edges.append(edge) }
    }

    private mutating func closeSubgraph() {
        guard let sub = stack.popLast() else { return }
        if stack.isEmpty { graph.subgraphs.append(sub) } else { stack[stack.count - 1].subgraphs.append(sub) }
    }

    private mutating func setOnLastNode(_ name: String, _ value: String) {
        if stack.isEmpty {
            if !graph.nodes.isEmpty { graph.nodes[graph.nodes.count - 1].attributes[name] = value }
        } else if !stack[stack.count - 1].nodes.isEmpty {
            let last = stack[stack.count - 1].nodes.count - 1
            stack[stack.count - 1].nodes[last].attributes[name] = value
        }
    }

    private mutating func setOnLastEdge(_ name: String, _ value: String) {
        if !graph.edges.isEmpty { graph.edges[graph.edges.count - 1].attributes[name] = value }
    }
}

extension DOTGraph {
    /// The same graph built in the opposite order: every list reversed, at every depth.
    var reversedConstruction: DOTGraph {
        var copy = self
        copy.nodes.reverse()
        copy.edges.reverse()
        copy.subgraphs = subgraphs.reversed().map(\.reversedConstruction)
        return copy
    }
}

extension DOTSubgraph {
    var reversedConstruction: DOTSubgraph {
        var copy = self
        copy.nodes.reverse()
        copy.edges.reverse()
        copy.subgraphs = subgraphs.reversed().map(\.reversedConstruction)
        return copy
    }
}
