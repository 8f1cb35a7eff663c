import SafetyGraphCore

/// Why Graphviz could not lay out or render a graph. Graphviz's own messages are kept in the case.
///
/// Prints like a compiler, `graph/topic-map.dot:12: error: syntax error near 'x'`, when the source has a name.
public enum GraphvizError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The DOT text could not be parsed (`agmemread` returned NULL). The location is the DOT source and,
    /// when Graphviz names it, the line.
    case syntax(SourceLocation, messages: [String])
    /// The layout engine is not available: the plugins are not registered (or the name is unknown).
    case engineUnavailable(String, at: SourceLocation, messages: [String])
    /// The layout engine ran and failed.
    case layoutFailed(String, at: SourceLocation, messages: [String])
    /// The output format is not available: the plugins are not registered (or the name is unknown).
    case formatUnavailable(String, at: SourceLocation, messages: [String])
    /// Rendering ran and failed, or Graphviz reported an error on the way.
    case renderFailed(String, at: SourceLocation, messages: [String])
    /// No Graphviz context could be created (libgvc found no configuration at all).
    case noContext(at: SourceLocation, messages: [String])
    /// The input cannot be given to Graphviz (it holds a NUL byte, which would cut the C string short).
    case invalidInput(at: SourceLocation, reason: String)

    /// The hint printed when a plugin is missing.
    public static let pluginHint =
        "Graphviz plugins may not be registered: run 'dot -c' (with root privileges) to register them, "
        + "and check that the engine is one of: " + LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")

    public var location: SourceLocation {
        switch self {
        case .syntax(let at, _), .engineUnavailable(_, let at, _), .layoutFailed(_, let at, _),
            .formatUnavailable(_, let at, _), .renderFailed(_, let at, _), .noContext(let at, _),
            .invalidInput(let at, _):
            return at
        }
    }

    /// Graphviz's own messages, as it wrote them (without the `Error: ` prefix).
    public var messages: [String] {
        switch self {
        case .syntax(_, let m), .engineUnavailable(_, _, let m), .layoutFailed(_, _, let m),
            .formatUnavailable(_, _, let m), .renderFailed(_, _, let m), .noContext(_, let m):
            return m
        case .invalidInput: return []
        }
    }

    public var description: String {
        let detail = messages.isEmpty ? "" : ": " + messages.joined(separator: "; ")
        let what: String
        switch self {
        case .syntax: what = "Graphviz could not read the DOT" + detail
        case .engineUnavailable(let engine, _, _):
            what = "layout engine '\(engine)' is not available" + detail + ". " + Self.pluginHint
        case .layoutFailed(let engine, _, _): what = "layout with '\(engine)' failed" + detail
        case .formatUnavailable(let format, _, _):
            what = "output format '\(format)' is not available" + detail + ". " + Self.pluginHint
        case .renderFailed(let format, _, _): what = "rendering \(format) failed" + detail
        case .noContext: what = "Graphviz could not start (no context)" + detail + ". " + Self.pluginHint
        case .invalidInput(_, let reason): what = "cannot give this DOT to Graphviz: " + reason
        }
        let place = location.line > 0 ? location.description : location.file
        return "\(place): error: \(what)"
    }
}
