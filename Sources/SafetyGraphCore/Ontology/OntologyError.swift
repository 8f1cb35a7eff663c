/// Why an ontology folder could not be loaded: every problem found, not just the first.
///
/// Prints one line per diagnostic, like a compiler:
/// `Ontology/concepts/robustness.yaml:42:5: error: concept 'x' names broader 'y', which does not exist`.
/// Warnings found in the same run are included, so the user sees everything at once.
public struct OntologyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What sort of failure this is, so the CLI can pick its exit code.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The folder itself is missing or is not a directory (exit 66, `EX_NOINPUT`).
        case missingInput
        /// The folder exists but its content is invalid (exit 65, `EX_DATAERR`).
        case invalidData
    }

    public var kind: Kind
    /// Every error and warning, sorted (location-less ones first); at least one is an error.
    public var diagnostics: [Diagnostic]

    public init(kind: Kind, diagnostics: [Diagnostic]) {
        self.kind = kind
        self.diagnostics = diagnostics.sorted()
    }

    /// Whether the folder was missing rather than invalid.
    public var isMissingInput: Bool { kind == .missingInput }

    /// The exit code the CLI uses: 66 for missing input, 65 for bad data.
    public var exitCode: Int32 { kind == .missingInput ? 66 : 65 }

    /// Only the errors.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// The `code` of every diagnostic the loader emits: short, stable, for filtering and tests.
public enum OntologyIssue: String, Sendable, Hashable, Codable, CaseIterable {
    // Files and folders
    case missingFolder = "missing-folder"
    case missingFile = "missing-file"
    case notAFile = "not-a-file"
    case unreadable
    case fileTooLarge = "file-too-large"
    case notUTF8 = "not-utf8"
    // YAML
    case yamlSyntax = "yaml-syntax"
    case yamlDuplicateKey = "yaml-duplicate-key"
    case yamlAlias = "yaml-alias"
    case yamlTooDeep = "yaml-too-deep"
    // Shape
    case wrongType = "wrong-type"
    case unknownKey = "unknown-key"
    case missingKey = "missing-key"
    case emptyString = "empty-string"
    case emptyList = "empty-list"
    case duplicateItem = "duplicate-item"
    case noConcepts = "no-concepts"
    // Concepts
    case invalidID = "invalid-id"
    case duplicateID = "duplicate-id"
    case danglingReference = "dangling-reference"
    case selfReference = "self-reference"
    case broaderCycle = "broader-cycle"
    case broaderAndRelated = "broader-and-related"
    case labelCollision = "label-collision"
    case duplicateLabel = "duplicate-label"
    case emptyLabel = "empty-label"
    case invalidIRI = "invalid-iri"
    // Rules and overrides
    case ignorePhraseIsLabel = "ignore-phrase-is-label"
    case invalidKind = "invalid-kind"
    case unknownKind = "unknown-kind"
    case conflictingKind = "conflicting-kind"
    case invalidURL = "invalid-url"
    case emptyOverride = "empty-override"
    case conflictingOverride = "conflicting-override"
    case duplicateOverride = "duplicate-override"
}

/// Collects diagnostics while loading; any error makes the load fail at the end.
struct DiagnosticLog {
    private(set) var items: [Diagnostic] = []

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    mutating func error(_ issue: OntologyIssue, _ message: String, at location: SourceLocation?) {
        items.append(Diagnostic(.error, code: issue.rawValue, message, at: location))
    }

    mutating func warning(_ issue: OntologyIssue, _ message: String, at location: SourceLocation?) {
        items.append(Diagnostic(.warning, code: issue.rawValue, message, at: location))
    }

    mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }

    mutating func append(contentsOf other: DiagnosticLog) { items += other.items }
}
