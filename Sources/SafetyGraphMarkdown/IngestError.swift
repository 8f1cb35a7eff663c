import SafetyGraphCore

// MARK: - IngestError

/// Why a list could not be read at all. Per-item problems are warnings (`Diagnostic`), never errors.
public enum IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing exists at the path (the CLI exits 66).
    case missingFile(path: String)
    /// The path names a directory.
    case isDirectory(path: String)
    /// The path names a device, FIFO or socket, not a regular file.
    case notRegularFile(path: String)
    /// The file is larger than `MarkdownIngester.maxFileSize` bytes.
    case tooLarge(path: String, limit: Int)
    /// The file exists but could not be read (permissions, I/O error).
    case unreadable(path: String)
    /// The file holds binary data (a NUL byte near the start), not text; the location is the first NUL.
    case notText(SourceLocation)
    /// The bytes are not UTF-8 and could not be repaired; the location is the first bad byte.
    case invalidUTF8(SourceLocation)

    /// The file the error is about, as the user named it.
    public var path: String {
        switch self {
        case .missingFile(let path), .isDirectory(let path), .notRegularFile(let path), .tooLarge(let path, _),
            .unreadable(let path):
            return path
        case .notText(let location), .invalidUTF8(let location): return location.file
        }
    }

    /// The conventional exit status: 66 (EX_NOINPUT) for a missing or unreadable input, 65 (EX_DATAERR) for bad data.
    public var exitCode: Int32 {
        switch self {
        case .missingFile, .isDirectory, .notRegularFile, .unreadable: return 66
        case .tooLarge, .notText, .invalidUTF8: return 65
        }
    }

    public var description: String {
        switch self {
        case .missingFile(let path): return "\(path): error: no such file"
        case .isDirectory(let path): return "\(path): error: is a directory, not a Markdown file"
        case .notRegularFile(let path): return "\(path): error: is not a regular file (a device, FIFO or socket)"
        case .tooLarge(let path, let limit):
            return "\(path): error: file is larger than \(limit / 1024 / 1024) MiB; reading lists must be smaller"
        case .unreadable(let path): return "\(path): error: cannot read the file"
        case .notText(let location): return "\(location): error: binary data (a NUL byte), not a Markdown text file"
        case .invalidUTF8(let location):
            return "\(location): error: invalid UTF-8 (the file must be UTF-8 text; re-save it as UTF-8)"
        }
    }

    /// The error as a diagnostic, for callers that collect problems instead of stopping.
    public var diagnostic: Diagnostic {
        switch self {
        case .invalidUTF8(let location):
            return Diagnostic(.error, code: "invalid-utf8", "invalid UTF-8 (the file must be UTF-8 text)", at: location)
        case .notText(let location):
            return Diagnostic(.error, code: "not-text", "binary data (a NUL byte), not a Markdown text file", at: location)
        case .tooLarge:
            return Diagnostic(.error, code: "file-too-large", description, at: SourceLocation(file: path, line: 0))
        case .missingFile, .isDirectory, .notRegularFile, .unreadable:
            return Diagnostic(.error, code: "unreadable-file", description, at: SourceLocation(file: path, line: 0))
        }
    }
}
