import Foundation
import SafetyGraphCore

/// Every Graphviz file of a build, rendered in-process: the topic map (DOT, SVG, PNG), one neighbourhood SVG per
/// concept, and the DOT of the whole graph (with an SVG only while it is readable).
///
/// Paths are relative to the output folder (`graph/…`); links inside point to `site/topics/<id>.html`.
public struct GraphFiles: Sendable {
    /// One file: its path in the output folder and its bytes.
    public struct File: Sendable, Hashable {
        public var path: String
        public var data: Data
    }

    /// Sorted by path.
    public var files: [File]
    /// Graphviz's warnings, each prefixed with the file it came from (`graph/topic-map.svg: …`).
    public var warnings: [String]

    /// Which of the whole graph's files `render` makes.
    public enum WholeGraph: Sendable {
        /// Its DOT, and its SVG when readable.
        case dotAndDrawing
        /// Only its SVG when readable: a caller writing a large catalogue streams the DOT with `writeWholeGraphDOT`
        /// instead of holding it in memory.
        case drawingOnly
        /// Neither (`build --no-full-graph`).
        case none
    }

    /// Renders everything for `graph` with `engine`; `relatedLimit` related entries per entry go into the whole
    /// graph's DOT. Fails on the first Graphviz error.
    public static func render(
        graph: KnowledgeGraph, engine: LayoutEngine = .dot, relatedLimit: Int = 5, wholeGraph: WholeGraph = .dotAndDrawing
    ) throws(GraphvizError) -> GraphFiles {
        let renderer = GraphvizRenderer(engine: engine)
        var files: [File] = []
        var warnings: [String] = []

        func add(_ path: String, _ dot: String, _ formats: [RenderFormat]) throws(GraphvizError) {
            let rendering = try renderer.render(dot, formats: formats, source: path)
            for format in formats {
                files.append(File(path: path.replacingSuffix(".dot", with: "." + format.rawValue), data: rendering.data(format)))
            }
            warnings += rendering.warnings.map { "\(path): \($0)" }
        }

        let map = TopicMap().dot(for: graph).encoded()
        let mapPath = "graph/topic-map.dot"
        files.append(File(path: mapPath, data: Data(map.utf8)))
        // The map's PNG is encoded on a thread of its own while the topic drawings take the Graphviz lock.
        let pendingMap = try renderer.renderLeavingPNG(map, formats: [.svg, .png], source: mapPath)
        warnings += pendingMap.warnings.map { "\(mapPath): \($0)" }
        let finishingMap = pendingMap.finishingInBackground()

        let neighbourhood = TopicNeighbourhood()
        for concept in graph.scheme.concepts {
            guard let dot = neighbourhood.dot(for: concept.id, in: graph)?.encoded() else { continue }
            try add("graph/topics/\(ConceptLink.fileStem(concept.id)).dot", dot, [.svg])
        }
        let drawnMap = try finishingMap.wait()
        for format in [RenderFormat.svg, .png] {
            files.append(File(path: "graph/topic-map." + format.rawValue, data: drawnMap.data(format)))
        }

        let wholeGraphDOT = wholeGraph == .dotAndDrawing
        guard wholeGraph != .none else { return GraphFiles(files: files.sorted { $0.path < $1.path }, warnings: warnings) }
        // A readable whole graph is small: encoded once, for its DOT file and its drawing.
        var whole = Data()
        if wholeGraphDOT || KnowledgeGraphDOT.isReadable(graph) {
            writeWholeGraphDOT(of: graph, relatedLimit: relatedLimit) { whole.append($0) }
        }
        let readable = KnowledgeGraphDOT.isReadable(graph) ? String(decoding: whole, as: UTF8.self) : nil
        if wholeGraphDOT { files.append(File(path: wholeGraphPath, data: whole)) }
        if let readable { try add(wholeGraphPath, readable, [.svg]) }
        return GraphFiles(files: files.sorted { $0.path < $1.path }, warnings: warnings)
    }

    /// Where the whole graph's DOT goes.
    public static let wholeGraphPath = "graph/knowledge-graph.dot"

    /// The whole graph's DOT (the text `files` holds at `wholeGraphPath`), handed to `write` in pieces.
    public static func writeWholeGraphDOT(
        of graph: KnowledgeGraph, relatedLimit: Int, _ write: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        KnowledgeGraphDOT(relatedLimit: relatedLimit).encode(graph, write)
    }
}

extension String {
    fileprivate func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
