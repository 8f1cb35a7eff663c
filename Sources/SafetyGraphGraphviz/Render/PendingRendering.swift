import Foundation

/// A render whose PNG, if one was asked for, is still Graphviz's bitmap (see `PNGEncoder`): `finished()` encodes
/// it. The encoding needs no Graphviz call, so it runs outside the Graphviz lock, and `GraphFiles` runs it
/// on a thread of its own while the topic drawings are rendered.
struct PendingRendering: Sendable {
    /// What rendered it, and its DOT: for Graphviz's own PNG should the bitmap be one we do not read.
    let renderer: GraphvizRenderer
    let dot: String
    let source: String
    var warnings: [String]
    var outputs: [RenderFormat: Data] = [:]
    /// Graphviz's `bmp` output, standing in for the PNG.
    var bitmap: Data?

    init(renderer: GraphvizRenderer, dot: String, source: String, warnings: [String]) {
        self.renderer = renderer
        self.dot = dot
        self.source = source
        self.warnings = warnings
    }

    /// The rendering, with the PNG encoded from the bitmap; a bitmap `BitmapImage` refuses (or one zlib fails
    /// on) is replaced by Graphviz's own PNG, rendered again from the DOT, so a PNG is never half made.
    func finished() throws(GraphvizError) -> GraphvizRendering {
        var outputs = outputs
        if let bitmap {
            if let png = PNGEncoder.png(fromBitmap: bitmap) {
                outputs[.png] = png
            } else {
                let output = try GraphvizSession.render(
                    dot, engine: renderer.engine.rawValue, formats: [RenderFormat.png.rawValue], source: source)
                outputs[.png] = output.data[0]
            }
        }
        return GraphvizRendering(outputs: outputs, warnings: warnings)
    }

    /// Starts `finished()` on a thread of its own; `wait()` on the result gives what it returned.
    func finishingInBackground() -> Finishing { Finishing(self) }

    /// `finished()` running on its own thread.
    final class Finishing: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        /// Written by the thread before it signals `done`; read only after waiting for it.
        private var outcome: Result<GraphvizRendering, GraphvizError>?

        fileprivate init(_ pending: PendingRendering) {
            let thread = Thread { [self] in
                outcome = Result { () throws(GraphvizError) in try pending.finished() }
                done.signal()
            }
            thread.start()
        }

        /// Waits for the encoding (call once) and gives its result.
        func wait() throws(GraphvizError) -> GraphvizRendering {
            done.wait()
            return try outcome!.get()
        }
    }
}
