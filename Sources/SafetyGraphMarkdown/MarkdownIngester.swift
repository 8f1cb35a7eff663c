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

    /// Reads the file at `path` (printed in diagnostics exactly as given) and ingests it.
    ///
    /// Throws when the file cannot be read as text at all: missing, a directory, unreadable, binary, or not UTF-8.
    public func ingest(fileAt path: String) throws(IngestError) -> IngestResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .missingFile(path: path)
        }
        if isDirectory.boolValue { throw .isDirectory(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        switch SourceText.decode([UInt8](data), path: path) {
        case .failure(let error): throw error
        case .success(let decoded): return ingest(decoded, path: path)
        }
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
        let tree = MarkdownTree.parse(decoded.text)
        let extracted = EntryExtractor(tree: tree, path: path, rules: rules).extract()
        let merged = EntryMerger.merge([extracted.entries])
        let diagnostics = (decoded.diagnostics + extracted.diagnostics + merged.diagnostics).sorted()
        return IngestResult(entries: merged.entries, diagnostics: diagnostics)
    }
}
