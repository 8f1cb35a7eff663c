import Yams

/// A value read from YAML, with where it was written.
struct Located<Value> {
    var value: Value
    var location: SourceLocation
}

/// Typed access to a Yams node tree of one file: every mismatch is logged at the exact key or value, and the
/// caller gets what could be read. Scalars are read as the text written (the basic resolver keeps `no`, `1.0`
/// and `2020` as text); a plain empty, `~` or `null` value is "nothing".
struct YAMLNodeReader {
    /// The file as the user named it (`Ontology/concepts/robustness.yaml`).
    let file: String
    var log = DiagnosticLog()

    init(file: String) { self.file = file }

    /// One `key: value` pair of a mapping.
    struct Field {
        var key: String
        var keyLocation: SourceLocation
        var value: Node
    }

    // MARK: - Locations

    func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    // MARK: - Mappings

    /// The pairs of a mapping in document order, or nil (logged) when `node` is not a mapping.
    /// `what` names the expected thing for the message: "a concept", "the top level of the file".
    mutating func fields(of node: Node, what: String) -> [Field]? {
        guard case .mapping(let mapping) = node else {
            log.error(
                .wrongType, "\(what) must be a mapping (key: value), not \(Self.describe(node))", at: location(node))
            return nil
        }
        var fields: [Field] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key, !Self.isNull(key) else {
                log.error(.wrongType, "keys must be plain words, not \(Self.describe(key))", at: location(key))
                continue
            }
            fields.append(Field(key: scalar.string, keyLocation: location(key), value: value))
        }
        return fields
    }

    /// Logs every key not in `allowed`, suggesting the closest allowed key. Returns the keys suggested, so that
    /// the caller does not also report them as missing (one typo, one error).
    @discardableResult
    mutating func checkKeys(_ fields: [Field], allowed: [String], in context: String) -> Set<String> {
        var suggested: Set<String> = []
        for field in fields where !allowed.contains(field.key) {
            let suggestion = Spelling.closest(to: field.key, among: allowed)
            if let suggestion { suggested.insert(suggestion) }
            let hint =
                suggestion.map { "did you mean '\($0)'?" } ?? "expected one of: \(allowed.joined(separator: ", "))"
            log.error(
                .unknownKey, "unknown key \(quoted(field.key)) in \(context); \(hint)", at: field.keyLocation)
        }
        return suggested
    }

    // MARK: - Strings

    /// The trimmed text of a scalar field; nil when it is not a scalar (logged) or empty (logged as missing when
    /// `required`, as empty otherwise).
    mutating func string(_ field: Field, of context: String, required: Bool = false) -> Located<String>? {
        guard case .scalar(let scalar) = field.value else {
            log.error(
                .wrongType, "'\(field.key)' of \(context) must be a string, not \(Self.describe(field.value))",
                at: location(field.value))
            return nil
        }
        let text = Self.isNull(field.value) ? "" : scalar.string.trimmingWhitespace()
        guard !text.isEmpty else {
            if required {
                log.error(.missingKey, "\(context) has an empty '\(field.key)'; it is required", at: field.keyLocation)
            } else {
                log.error(
                    .emptyString, "'\(field.key)' of \(context) is empty; give it a value or remove the key",
                    at: field.keyLocation)
            }
            return nil
        }
        return Located(value: text, location: location(field.value))
    }

    /// The trimmed strings of a list field. A single string is NOT taken as a one-item list: the author gets an
    /// error saying how to write the list. Empty and non-string items are logged and skipped.
    mutating func stringList(_ field: Field, of context: String) -> [Located<String>] {
        guard case .sequence(let sequence) = field.value else {
            var hint = ""
            if case .scalar(let scalar) = field.value {
                hint =
                    Self.isNull(field.value)
                    ? "; write [] or remove the key" : "; write [\(Self.excerpt(scalar.string))] for one item"
            }
            log.error(
                .wrongType, "'\(field.key)' of \(context) must be a list, not \(Self.describe(field.value))\(hint)",
                at: location(field.value))
            return []
        }
        var items: [Located<String>] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else {
                log.error(
                    .wrongType, "items of '\(field.key)' in \(context) must be strings, not \(Self.describe(item))",
                    at: location(item))
                continue
            }
            let text = Self.isNull(item) ? "" : scalar.string.trimmingWhitespace()
            guard !text.isEmpty else {
                log.error(.emptyString, "'\(field.key)' of \(context) holds an empty string", at: location(item))
                continue
            }
            items.append(Located(value: text, location: location(item)))
        }
        return items
    }

    // MARK: - Node kinds

    /// A plain scalar that YAML reads as null: empty, `~`, `null`.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The start of `text` on one line, for quoting user input in messages without flooding them.
    ///
    /// Text of printable ASCII only (every id, most labels) is already one line whose characters are its bytes,
    /// so it is cut by bytes: the plain path, a character at a time, cost 20 K instructions a call, and every
    /// concept's name (`concept 'id'`, made for its messages) is quoted as it is read.
    static func excerpt(_ text: String, limit: Int = 60) -> String {
        guard text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else { return excerptByCharacters(text, limit: limit) }
        return text.utf8.count <= limit ? text : String(decoding: text.utf8.prefix(max(limit, 0)), as: UTF8.self) + "…"
    }

    /// The plain path of `excerpt`: whitespace made spaces, then cut by characters.
    static func excerptByCharacters(_ text: String, limit: Int) -> String {
        let line = String(text.unicodeScalars.lazy.map { $0.properties.isWhitespace ? " " : Character($0) })
        return line.count <= limit ? line : String(line.prefix(limit)) + "…"
    }

    /// "a string", "a list", "a mapping" or "nothing", for messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar: return isNull(node) ? "nothing" : "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }
}

/// User text quoted for a message: `'text'`, shortened to one line of at most 60 characters.
func quoted(_ text: String) -> String { "'\(YAMLNodeReader.excerpt(text))'" }
