import SafetyGraphCore

/// Why the site could not be generated. Prints like a compiler: `templates/topic.mustache:12:5: error: …`.
public enum SiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A template does not parse.
    case template(file: String, line: Int, column: Int, reason: String)
    /// A template folder or file cannot be read.
    case unreadable(path: String, reason: String)
    /// Templates include each other in a circle (rendering would never end).
    case partialCycle(file: String, chain: [String])
    /// An SVG input cannot be inlined.
    case svg(name: String, reason: String)
    /// A step failed: which page, and why.
    case step(name: String, path: String, reason: String)

    public var description: String {
        switch self {
        case .template(let file, let line, let column, let reason):
            let place = column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)"
            return "\(place): error: \(reason)"
        case .unreadable(let path, let reason): return "\(path): error: \(reason)"
        case .partialCycle(let file, let chain):
            return "\(file): error: templates include each other in a circle: \(chain.joined(separator: " → "))"
        case .svg(let name, let reason): return "\(name): error: cannot inline the SVG: \(reason)"
        case .step(let name, let path, let reason): return "site/\(path): error: step '\(name)' failed: \(reason)"
        }
    }
}
