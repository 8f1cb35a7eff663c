import Foundation
import SafetyGraphCore

// MARK: - MarkdownIngester

/// Reads an awesome list (GitHub-flavoured Markdown) into entries.
///
/// The stages: bytes → text (BOM, line endings, UTF-8 check, Mac OS Roman mojibake repair) → cmark-gfm parse with
/// the table, autolink and strikethrough extensions → one walk that reads list items and table rows → merge of the
/// same URL within the file (`EntryMerger`). Nothing in it throws on bad Markdown: problems become diagnostics.
///
/// ```swift
/// let result = try MarkdownIngester().ingest(fileAt: "catalogue.md")
/// for entry in result.entries { print(entry.title, entry.url) }
/// ```
public struct MarkdownIngester: Sendable {
    public var rules: IngestRules

    /// Creates an ingester; `rules` say which sections are navigation, how sections map to kinds, and in which
    /// kinds a one-name citation names an author.
    public init(rules: IngestRules = .standard) {
        self.rules = rules
    }

    /// Reading lists are small (the largest real ones are a few hundred kB); a bigger file is a mistake or an attack,
    /// and is refused before it is read.
    public static let maxFileSize = 64 * 1024 * 1024

    /// Reads the file at `path` (printed in diagnostics exactly as given) and ingests it.
    ///
    /// Throws when the file cannot be read as text at all: missing, a directory or other non-regular file, larger
    /// than `maxFileSize`, unreadable, binary, or not UTF-8.
    public func ingest(fileAt path: String) throws(IngestError) -> IngestResult {
        ingest(try Self.read(fileAt: path))
    }

    /// A list read and decoded, not yet parsed (reading needs no rules: it can go on while they are loaded).
    public struct Source: Sendable {
        fileprivate let decoded: SourceText.Decoded
        fileprivate let path: String
    }

    /// Ingests a list `read(fileAt:)` gave.
    public func ingest(_ source: Source) -> IngestResult {
        ingest(source.decoded, path: source.path)
    }

    /// Reads and decodes the file at `path`; throws as `ingest(fileAt:)` does.
    public static func read(fileAt path: String) throws(IngestError) -> Source {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .missingFile(path: path) }
            throw .unreadable(path: path)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .isDirectory(path: path)
        default: throw .notRegularFile(path: path)
        }
        if Int(info.st_size) > maxFileSize { throw .tooLarge(path: path, limit: maxFileSize) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(path: path) }
        defer { close(fd) }
        // Never more than the limit, even if the file grew since `stat`.
        guard let bytes = readAll(fd, expected: Int(info.st_size), limit: maxFileSize + 1) else {
            throw .unreadable(path: path)
        }
        if bytes.count > maxFileSize { throw .tooLarge(path: path, limit: maxFileSize) }
        switch SourceText.decode(bytes, path: path) {
        case .failure(let error): throw error
        case .success(let decoded): return Source(decoded: decoded, path: path)
        }
    }

    /// Everything `fd` holds up to `limit` bytes, read straight into the array (no `Data` copied after), in one
    /// `read` for a file of the `expected` size; nil on a read error. A large file is read in two halves at once
    /// (`readInHalves`) when it still has the size `stat` gave.
    static func readAll(_ fd: Int32, expected: Int, limit: Int, halvesFrom: Int = halvesFrom) -> [UInt8]? {
        if expected >= halvesFrom, expected < limit, let bytes = readInHalves(fd, size: expected) { return bytes }
        var bytes: [UInt8] = []
        var capacity = min(max(expected + 1, 4_096), limit)  // one byte more: the end is seen without a second read
        while true {
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity - bytes.count) { buffer, initialized in
                while initialized < buffer.count {
                    let got = Glibc.read(fd, buffer.baseAddress! + initialized, buffer.count - initialized)
                    if got < 0 && errno == EINTR { continue }
                    if got < 0 { failed = true }
                    if got <= 0 { break }
                    initialized += got
                }
            }
            if failed { return nil }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            if bytes.count < capacity || capacity >= limit { return bytes }
            capacity = min(capacity * 2, limit)
        }
    }

    /// From this size on, a list is read in two halves at once.
    static let halvesFrom = 8 << 20

    /// The `size` bytes of `fd`, read in two halves at once (`pread`, which leaves the file's offset where it is),
    /// or nil when they are not exactly its content: a read error, or a file that shrank or grew since `stat` (then
    /// `readAll` reads it again from the start, the plain way). Reading a 27 MB list (the kernel's copy, and a page
    /// fault per 4 KiB of the new array) was the longest step before its parse could start, on one core.
    static func readInHalves(_ fd: Int32, size: Int) -> [UInt8]? {
        // Not made with no capacity (see `EntryMerger.merge`): an empty file is read the plain way.
        guard size > 0 else { return nil }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            let middle = size / 2
            let shared = UncheckedSendable(buffer)
            let done = concurrentMap(2) { half in
                let range = half == 0 ? 0..<middle : middle..<size
                let start = range.lowerBound
                return preadFully(fd, into: shared.value.baseAddress! + start, count: range.count, at: start)
            }
            var probe: UInt8 = 0
            complete = done[0] && done[1] && pread(fd, &probe, 1, off_t(size)) == 0
            initialized = complete ? size : 0
        }
        return complete ? bytes : nil
    }

    /// Reads exactly `count` bytes at `offset` into `destination`; false on an error or an early end of file.
    private static func preadFully(
        _ fd: Int32, into destination: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int
    ) -> Bool {
        var done = 0
        while done < count {
            let got = pread(fd, destination + done, count - done, off_t(offset + done))
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { return false }
            done += got
        }
        return true
    }

    /// Ingests `bytes` as if read from `path`. Never throws: unreadable data gives no entries and an error diagnostic.
    public func ingest(bytes: [UInt8], path: String) -> IngestResult {
        switch SourceText.decode(bytes, path: path) {
        case .failure(let error): return IngestResult(entries: [], diagnostics: [error.diagnostic])
        case .success(let decoded): return ingest(decoded, path: path)
        }
    }

    /// Ingests already-decoded Markdown text (tests, generated catalogues).
    public func ingest(text: String, path: String) -> IngestResult {
        ingest(bytes: Array(text.utf8), path: path)
    }

    private func ingest(_ decoded: SourceText.Decoded, path: String) -> IngestResult {
        let (lists, extractionDiagnostics) = extract(decoded.text, path: path)
        // Given up here: the merge moves the entries out of the lists instead of copying them.
        let merged = EntryMerger.merge(consume lists)
        var diagnostics = (decoded.diagnostics + extractionDiagnostics + merged.diagnostics)
        if merged.entries.isEmpty {
            // An empty result is almost always the wrong file or a format we do not read: say so, once.
            diagnostics.append(Diagnostic(
                .warning, code: "no-entries",
                "the list holds no entries (no list item or table row with an http(s) link outside navigation sections)",
                at: SourceLocation(file: path, line: 1)))
        }
        diagnostics.sort()
        return IngestResult(entries: merged.entries, diagnostics: diagnostics)
    }

    /// The entries of the document, in document order, as one list or (read in parts) a list per part: a large
    /// document is read in parts, parsed while the parts before are read (`PartwiseExtraction`), anything else
    /// whole.
    func extract(_ text: String, path: String) -> (lists: [[Entry]], diagnostics: [Diagnostic]) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let size = text.utf8.count
        if cores > 1, size >= MarkdownChunks.minimumDocumentBytes,
            let parts = PartwiseExtraction.extractParts(
                text, path: path, rules: rules, partBytes: max(size / (cores * 32), 1 << 18))
        {
            return (parts.parts, parts.diagnostics)
        }
        let whole = EntryExtractor(tree: MarkdownTree.parse(text), path: path, rules: rules).extract()
        return ([whole.entries], whole.diagnostics)
    }
}
