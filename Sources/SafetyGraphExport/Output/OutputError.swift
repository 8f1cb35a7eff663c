/// Why an output folder could not be written.
public enum OutputError: Error, CustomStringConvertible, Sendable {
    /// The output path exists and is not a folder.
    case notADirectory(String)
    /// The output folder exists, is not empty, and does not look like an earlier build's output.
    case foreignDirectory(String, marker: String)
    /// A path derived from input would leave the output folder or is otherwise unusable.
    case unsafePath(String)
    /// Two outputs would land in the same file (case-insensitively).
    case collision(String, String)
    /// The file system refused an operation.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .notADirectory(let p): return "\(p): error: the output path exists and is not a folder"
        case .foreignDirectory(let p, let marker):
            return "\(p): error: refusing to replace this folder: it is not empty and holds no '\(marker)' "
                + "from an earlier build (choose another --output or empty it)"
        case .unsafePath(let p): return "error: refusing to write '\(p)': the path would leave the output folder"
        case .collision(let a, let b): return "error: '\(a)' and '\(b)' would be the same file on a case-insensitive file system"
        case .io(let p, let reason): return "\(p): error: \(reason)"
        }
    }
}
