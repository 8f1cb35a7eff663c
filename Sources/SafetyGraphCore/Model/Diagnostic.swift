/// A problem found in the input that does not stop the run (a warning) or that does (an error).
///
/// Prints like a compiler: `Ontology/topics.yaml:42:5: error: concept 'x' names broader 'y', which does not exist`.
public struct Diagnostic: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case warning, error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// A short stable code for the kind of problem (`unparseable-item`, `duplicate-url`, …), for filtering and tests.
    public var code: String
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: Severity, code: String, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        let la = a.location ?? SourceLocation(file: "", line: 0)
        let lb = b.location ?? SourceLocation(file: "", line: 0)
        return (la, a.code, a.message) < (lb, b.code, b.message)
    }
}
