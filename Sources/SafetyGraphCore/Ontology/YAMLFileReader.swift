import Foundation
import Yams

/// Reads one YAML file of the ontology into a Yams node tree, refusing what is unsafe or unusable: directories
/// and special files, files over `maxFileSize`, text that is not UTF-8, anchors and aliases, absurd nesting, YAML
/// syntax errors. Every refusal is logged with the file as the user named it.
enum YAMLFileReader {
    /// Ontology files are small; anything bigger is a mistake or an attack.
    static let maxFileSize = 8 * 1024 * 1024

    enum Outcome {
        /// Nothing exists at the path (the caller decides whether that is an error).
        case missing
        /// The file could not be used; the reason is logged.
        case failed
        /// The document's root node; nil for an empty document (only whitespace and comments).
        case document(Node?)
    }

    // MARK: - Reading

    /// Reads `path` from `files` and reports problems against `displayPath` (as the user named it).
    static func read(
        path: String, displayPath: String, files: some OntologyFiles, log: inout DiagnosticLog
    ) -> Outcome {
        switch files.kind(of: path) {
        case .missing: return .missing
        case .unreadable(let reason):
            log.error(.unreadable, "\(displayPath): cannot be read (\(reason))", at: nil)
            return .failed
        case .regularFile: break
        case .directory:
            log.error(.notAFile, "\(displayPath): is a directory, expected a YAML file", at: nil)
            return .failed
        case .special:
            log.error(.notAFile, "\(displayPath): is not a regular file", at: nil)
            return .failed
        }
        // Read at most one byte past the limit, so a huge file is never loaded whole.
        guard let bytes = files.read(path, limit: maxFileSize + 1) else {
            log.error(.unreadable, "\(displayPath): cannot be read", at: nil)
            return .failed
        }
        let data = Data(bytes)
        if data.count > maxFileSize {
            log.error(
                .fileTooLarge, "file is larger than \(maxFileSize / 1024 / 1024) MiB; ontology files must be smaller",
                at: SourceLocation(file: displayPath, line: 1, column: 1))
            return .failed
        }
        guard var text = decodeUTF8(data, displayPath: displayPath, log: &log) else { return .failed }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return parse(text, displayPath: displayPath, log: &log)
    }

    /// The text of `data`, or nil (logged) when it is not valid UTF-8.
    private static func decodeUTF8(_ data: Data, displayPath: String, log: inout DiagnosticLog) -> String? {
        if let text = String(validating: data, as: UTF8.self) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = data.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1, encoded.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                let byte = offset < data.count ? data[data.startIndex + offset] : 0
                let hex = String(byte, radix: 16, uppercase: true)
                log.error(
                    .notUTF8, "file is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex)); save it as UTF-8",
                    at: SourceLocation(file: displayPath, line: line, column: column))
                return nil
            case .emptyInput:
                log.error(
                    .notUTF8, "file is not valid UTF-8", at: SourceLocation(file: displayPath, line: 1, column: 1))
                return nil
            }
        }
    }

    // MARK: - Parsing

    /// Parses YAML text (already decoded) into its root node, or logs why not. `prescan` is off only in tests of
    /// the anchor check that backs it up.
    static func parse(_ text: String, displayPath: String, prescan: Bool = true, log: inout DiagnosticLog) -> Outcome {
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: displayPath, line: line, column: column)
        }
        switch prescan ? YAMLPrescan.check(text) : nil {
        case .anchorOrAlias(let line, let column):
            log.error(.yamlAlias, aliasMessage, at: at(line, column))
            return .failed
        case .tooDeep(let line, let column, let reason):
            log.error(
                .yamlTooDeep, "YAML nesting is too deep (\(reason)); ontology files need only a few levels",
                at: at(line, column))
            return .failed
        case nil:
            break
        }
        do {
            // The basic resolver keeps every scalar as text: `no`, `on` or `1.0` stay what the author typed.
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            let root = try parser.singleRoot()
            // Anchors are weak references owned by the parser: look for them while it is alive.
            let anchored = withExtendedLifetime(parser) { root.flatMap(firstAnchoredMark) }
            if let (line, column) = anchored {
                log.error(.yamlAlias, aliasMessage, at: at(line, column))
                return .failed
            }
            return .document(root)
        } catch let error as YamlError {
            log.append(translate(error, text: text, displayPath: displayPath))
            return .failed
        } catch {
            log.error(.yamlSyntax, "YAML error: \(error)", at: at(1, 1))
            return .failed
        }
    }

    static let aliasMessage = "YAML anchors and aliases are not allowed in ontology files; write the value out"

    /// The mark of the first node that carries an anchor (a definition or an alias to it), in document order.
    /// Does not descend into anchored nodes, so an alias bomb costs no more than its text.
    private static func firstAnchoredMark(_ root: Node) -> (line: Int, column: Int)? {
        var stack = [root]
        while let node = stack.popLast() {
            if node.anchor != nil { return node.mark.map { ($0.line, $0.column) } ?? (1, 1) }
            // Children are pushed in order and then swapped end for end in place, so that the first is popped first
            // (without the arrays `reversed()` and `[value, key]` made for every node: a third of this walk's cost).
            let pushed = stack.count
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence)
            case .scalar, .alias:
                break
            }
            var (low, high) = (pushed, stack.count - 1)
            while low < high {
                stack.swapAt(low, high)
                (low, high) = (low + 1, high - 1)
            }
        }
        return nil
    }

    /// Turns a Yams error into a diagnostic at the line and column libyaml gave.
    private static func translate(_ error: YamlError, text: String, displayPath: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { at(mark.line, mark.column) }
        func at(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: displayPath, line: line, column: column)
        }
        func syntax(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> Diagnostic {
            var message = "YAML syntax error: \(problem)"
            if let context, context.mark.line > 0, context.text.utf8.count < 200 {
                message += " (\(context.text) at \(context.mark.line):\(context.mark.column))"
            }
            return Diagnostic(.error, code: OntologyIssue.yamlSyntax.rawValue, message, at: at(mark))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return syntax(context, problem, mark)
        case .reader(let problem, let offset, _, _):
            return Diagnostic(
                .error, code: OntologyIssue.yamlSyntax.rawValue, "YAML syntax error: \(problem)",
                at: offset.map { offset in
                    let (line, column) = position(ofCharacterOffset: offset, in: text)
                    return at(line, column)
                } ?? at(1, 1))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(
                .error, code: OntologyIssue.yamlDuplicateKey.rawValue,
                "key \(keys) appears more than once in this mapping (this is the first)", at: at(context.mark))
        default:
            return Diagnostic(
                .error, code: OntologyIssue.yamlSyntax.rawValue, "YAML error: \(error)",
                at: SourceLocation(file: displayPath, line: 1, column: 1))
        }
    }

    /// Line and column (1-based, columns in Unicode scalars) of a character offset, as Yams reports reader errors.
    private static func position(ofCharacterOffset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }
}
