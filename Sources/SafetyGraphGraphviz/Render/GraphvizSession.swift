internal import CGraphviz
import Foundation
import SafetyGraphCore

/// The only code that calls libgvc/libcgraph.
///
/// Graphviz keeps global state (the error level, the error callback, plugin tables, font caches) and is not
/// thread-safe, so every call goes through one process-wide lock. Each render creates its graph inside that
/// lock and frees everything before returning — in the order Graphviz requires: the render data, the layout,
/// the graph — so no graph, layout or buffer outlives a call. Graphviz's warnings and errors go to our callback
/// (never to stderr) and come back as `GraphvizError` or as warnings.
///
/// The one exception is the `GVC_t` context: it is created once and kept for the life of the process. In
/// Graphviz 2.43 every `gvContext()` leaks the plugin configuration it reads (`gvconfig`, about 3.6 kB, lost
/// even after `gvFreeContext`), so a context per render grows the process without bound; one context also
/// saves re-reading the plugin configuration on every render. A context holds no graph between calls.
enum GraphvizSession {
    private static let lock = NSLock()
    /// Created on first use, under the lock; never freed (see above).
    nonisolated(unsafe) private static var sharedContext: OpaquePointer?

    /// Set, under the lock, once Graphviz said it cannot render `bmp` (its gdk plugin is missing): later calls ask
    /// for `png` straight away.
    nonisolated(unsafe) private static var bitmapUnavailable = false

    /// What one call produced: each format's bytes, in the order asked, and Graphviz's warnings.
    struct Output {
        var data: [Data]
        /// For each output, whether it is Graphviz's `bmp` standing in for the `png` asked for.
        var isBitmap: [Bool]
        var warnings: [String]
    }

    /// Parses `dot`, lays it out once with `engine`, and renders it in each of `formats` (Graphviz names such
    /// as `svg`, `png`, `dot`, `xdot`). `source` names the DOT in errors.
    ///
    /// With `bitmapForPNG`, a `png` is rendered as Graphviz's `bmp` instead — far cheaper; the caller encodes the
    /// PNG after the lock is released — when the graph's background is opaque (a bitmap has no alpha channel)
    /// and the `bmp` device is there. A missing device throws `formatUnavailable("bmp", …)` once.
    static func render(
        _ dot: String, engine: String, formats: [String], bitmapForPNG: Bool = false, source: String
    ) throws(GraphvizError) -> Output {
        let origin = SourceLocation(file: source, line: 0)
        guard !dot.utf8.contains(0) else { throw .invalidInput(at: origin, reason: "the text holds a NUL byte") }
        lock.lock()
        defer { lock.unlock() }

        let sink = GraphvizMessageSink.shared
        sink.reset()
        let previousHandler = agseterrf(collectGraphvizMessage)
        let previousLevel = agseterr(AGWARN)
        _ = agreseterrors()
        defer {
            _ = agseterrf(previousHandler)
            _ = agseterr(previousLevel)
        }

        if sharedContext == nil {
            let context = gvContext()
            if agerrors() > 0 {
                if let context { _ = gvFreeContext(context) }
                throw .noContext(at: origin, messages: sink.errors)
            }
            sharedContext = context
        }
        guard let context = sharedContext else { throw .noContext(at: origin, messages: sink.errors) }

        // The scanner is global and keeps what it had read past the end of the previous graph (text after the
        // closing brace, even a whole second graph) for the next parse: flush it, and restart its line count.
        aglexbad()
        agreadline(1)
        let reader = Unmanaged.passRetained(DOTReader(dot))
        defer { reader.release() }
        guard let graph = agread(reader.toOpaque(), GraphvizDisciplines.discipline) else {
            throw .syntax(SourceLocation(file: source, line: sink.errorLine ?? 0), messages: sink.errors)
        }
        defer { _ = agclose(graph) }
        if agerrors() > 0 {
            throw .syntax(SourceLocation(file: source, line: sink.errorLine ?? 0), messages: sink.errors)
        }

        let laidOut = gvLayout(context, graph, engine)
        // Safe after a failed layout too: it frees whatever part of the layout was made.
        defer { _ = gvFreeLayout(context, graph) }
        if laidOut != 0 || agerrors() > 0 {
            if sink.errors.contains(where: { $0.contains("not recognized") }) {
                throw .engineUnavailable(engine, at: origin, messages: sink.errors)
            }
            throw .layoutFailed(engine, at: origin, messages: sink.errors)
        }

        let bitmap = bitmapForPNG && !bitmapUnavailable && hasOpaqueBackground(graph)
        var outputs: [Data] = []
        var isBitmap: [Bool] = []
        for requested in formats {
            let format = bitmap && requested == "png" ? "bmp" : requested
            var buffer: UnsafeMutablePointer<CChar>?
            var length: UInt32 = 0
            let rendered = gvRenderData(context, graph, format, &buffer, &length)
            defer { if let buffer { gvFreeRenderData(buffer) } }
            guard rendered == 0, agerrors() == 0, let buffer else {
                // gvRenderData says "renderer for x is unavailable" (gvRenderFilename says "not recognized").
                if sink.errors.contains(where: { $0.contains("not recognized") || $0.contains("unavailable") }) {
                    if format == "bmp" && requested != "bmp" { bitmapUnavailable = true }
                    throw .formatUnavailable(format, at: origin, messages: sink.errors)
                }
                throw .renderFailed(format, at: origin, messages: sink.errors)
            }
            outputs.append(Data(bytes: buffer, count: Int(length)))
            isBitmap.append(format != requested)
        }
        return Output(data: outputs, isBitmap: isBitmap, warnings: sink.warnings)
    }

    /// Whether the root graph's `bgcolor` certainly paints every pixel opaque: unset (Graphviz paints white), a
    /// `#rrggbb` colour, `#rrggbbff`, or a colour name other than `transparent`, `none` or `invis`. Anything else
    /// (an alpha below ff, a gradient list, a scheme-qualified name, HSV numbers) is left to Graphviz's own PNG,
    /// which keeps the alpha channel a bitmap loses.
    private static func hasOpaqueBackground(_ graph: UnsafeMutablePointer<Agraph_t>) -> Bool {
        let value = "bgcolor".withCString { agget(graph, UnsafeMutablePointer(mutating: $0)) }
        return isOpaqueColour(value.map { String(cString: $0) } ?? "")
    }

    static func isOpaqueColour(_ colour: String) -> Bool {
        guard let first = colour.unicodeScalars.first else { return true }
        if first == "#" {
            let digits = colour.unicodeScalars.dropFirst()
            guard digits.allSatisfy(\.properties.isASCIIHexDigit) else { return false }
            return digits.count == 6 || (digits.count == 8 && colour.lowercased().hasSuffix("ff"))
        }
        let isLetter = { (scalar: Unicode.Scalar) in scalar.isASCII && scalar.properties.isAlphabetic }
        let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
        guard isLetter(first), colour.unicodeScalars.allSatisfy({ isLetter($0) || isDigit($0) }) else { return false }
        return !["transparent", "none", "invis"].contains(colour.lowercased())
    }
}

/// Receives Graphviz's messages (a C function pointer cannot capture context, so it writes to the shared sink;
/// it only runs inside a Graphviz call, which holds the session lock).
private func collectGraphvizMessage(_ message: UnsafeMutablePointer<CChar>?) -> Int32 {
    guard let message else { return 0 }
    GraphvizMessageSink.shared.append(String(cString: message))
    return 0
}

/// The text Graphviz reported during one call, split into messages. Only touched under the session lock.
final class GraphvizMessageSink: @unchecked Sendable {
    static let shared = GraphvizMessageSink()

    private var text = ""

    func reset() { text = "" }

    func append(_ piece: String) {
        // Bound what one call can accumulate: a hostile graph could make Graphviz warn once per node.
        if text.utf8.count < 1 << 20 { text += piece }
    }

    /// Messages as (is error, text): Graphviz sends `Error`/`Warning`, `: `, then the message; continuation
    /// lines have no prefix and belong to the message before them.
    var messages: [(isError: Bool, text: String)] {
        var result: [(isError: Bool, text: String)] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if line.hasPrefix("Error: ") {
                result.append((true, String(line.dropFirst("Error: ".count))))
            } else if line.hasPrefix("Warning: ") {
                result.append((false, String(line.dropFirst("Warning: ".count))))
            } else if let last = result.indices.last {
                result[last].text += " " + line
            } else {
                result.append((false, line))
            }
        }
        return result
    }

    var errors: [String] { messages.filter(\.isError).map(\.text) }
    var warnings: [String] { messages.filter { !$0.isError }.map(\.text) }

    /// The line named by the first syntax error (`… in line 12 near …`).
    var errorLine: Int? {
        for message in errors {
            guard let range = message.range(of: "line ") else { continue }
            let digits = message[range.upperBound...].prefix(while: \.isNumber)
            if let line = Int(digits) { return line }
        }
        return nil
    }
}
