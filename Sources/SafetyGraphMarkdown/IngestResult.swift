import SafetyGraphCore

/// What reading one list produced: its entries (merged by URL within the file, sorted by id) and every warning or
/// error found on the way (sorted by location).
public struct IngestResult: Sendable, Hashable {
    public var entries: [Entry]
    public var diagnostics: [Diagnostic]

    public init(entries: [Entry], diagnostics: [Diagnostic]) {
        self.entries = entries
        self.diagnostics = diagnostics
    }

    /// Whether any diagnostic is an error (the file could not be read at all).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
