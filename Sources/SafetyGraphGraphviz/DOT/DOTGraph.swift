/// A small model of a Graphviz DOT graph: attributes, nodes, edges and (cluster) subgraphs.
///
/// The model holds plain strings; `DOTGraph.encoded()` quotes and escapes every id and value, and writes
/// everything sorted (attributes by name, subgraphs and nodes by id, edges by endpoints), so the same
/// model always gives the same bytes whatever order it was built in. Labels are plain text: record shapes
/// and HTML-like labels are not supported, so `{`, `|`, `<` in a label are just characters.
public struct DOTGraph: Sendable, Hashable {
    /// The graph's name (written quoted; it becomes the SVG `<title>` of the graph).
    public var id: String
    /// `digraph` when true, `graph` otherwise (edges are written `->` or `--` accordingly).
    public var isDirected: Bool
    /// Graph attributes (`rankdir`, `label`, …).
    public var attributes: DOTAttributes
    /// Defaults for every node (`node [...]`).
    public var nodeDefaults: DOTAttributes
    /// Defaults for every edge (`edge [...]`).
    public var edgeDefaults: DOTAttributes
    public var subgraphs: [DOTSubgraph]
    public var nodes: [DOTNode]
    public var edges: [DOTEdge]

    public init(
        id: String, isDirected: Bool = true, attributes: DOTAttributes = [:], nodeDefaults: DOTAttributes = [:],
        edgeDefaults: DOTAttributes = [:], subgraphs: [DOTSubgraph] = [], nodes: [DOTNode] = [],
        edges: [DOTEdge] = []
    ) {
        self.id = id
        self.isDirected = isDirected
        self.attributes = attributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.subgraphs = subgraphs
        self.nodes = nodes
        self.edges = edges
    }

    /// Every node id declared anywhere in the graph (root and subgraphs), sorted, without duplicates.
    public var allNodeIDs: [String] {
        var ids = Set(nodes.map(\.id))
        var stack = subgraphs
        while let sub = stack.popLast() {
            ids.formUnion(sub.nodes.map(\.id))
            stack += sub.subgraphs
        }
        return ids.sorted()
    }
}

/// Attribute name → value. Written sorted by name; values are always quoted and escaped.
public typealias DOTAttributes = [String: String]

/// A subgraph; a cluster (drawn as a box around its nodes) when `isCluster` is true.
public struct DOTSubgraph: Sendable, Hashable {
    /// The subgraph's name without the `cluster` prefix, which `encoded()` adds for clusters. Subgraphs are
    /// written sorted by this id, which is how callers order clusters.
    public var id: String
    public var isCluster: Bool
    public var attributes: DOTAttributes
    public var nodeDefaults: DOTAttributes
    public var edgeDefaults: DOTAttributes
    public var subgraphs: [DOTSubgraph]
    public var nodes: [DOTNode]
    public var edges: [DOTEdge]

    public init(
        id: String, isCluster: Bool = true, attributes: DOTAttributes = [:], nodeDefaults: DOTAttributes = [:],
        edgeDefaults: DOTAttributes = [:], subgraphs: [DOTSubgraph] = [], nodes: [DOTNode] = [],
        edges: [DOTEdge] = []
    ) {
        self.id = id
        self.isCluster = isCluster
        self.attributes = attributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.subgraphs = subgraphs
        self.nodes = nodes
        self.edges = edges
    }

    /// The name written to DOT: `cluster_<id>` for clusters (Graphviz draws only those as boxes).
    public var dotName: String { isCluster ? "cluster_" + id : id }
}

/// A node statement: an id and its attributes.
public struct DOTNode: Sendable, Hashable {
    public var id: String
    public var attributes: DOTAttributes

    public init(_ id: String, _ attributes: DOTAttributes = [:]) {
        self.id = id
        self.attributes = attributes
    }
}

/// An edge statement from `from` to `to` (direction only matters in a `digraph`).
public struct DOTEdge: Sendable, Hashable {
    public var from: String
    public var to: String
    public var attributes: DOTAttributes

    public init(_ from: String, _ to: String, _ attributes: DOTAttributes = [:]) {
        self.from = from
        self.to = to
        self.attributes = attributes
    }
}
