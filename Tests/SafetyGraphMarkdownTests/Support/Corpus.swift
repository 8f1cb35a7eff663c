import Foundation
import SafetyGraphCore
import SafetyGraphMarkdown

/// Access to the real lists in `../shared/corpora` and to this target's fixtures.
enum Corpus {
    /// `<package root>/../shared/corpora`, found from this source file's path.
    static let directory: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { break }
        }
        return url.deletingLastPathComponent().appendingPathComponent("shared/corpora")
    }()

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Every list in the corpus (README excluded).
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
    }()

    /// Ingests a corpus file (results are cached: the files are read-only and ingest is deterministic).
    static func ingest(_ name: String, rules: IngestRules = .standard) throws -> IngestResult {
        try MarkdownIngester(rules: rules).ingest(fileAt: path(name))
    }

    static func fixture(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }

    /// Rules with kind rules, for tests that check kinds (names as in the lists' headings).
    static let kindRules = IngestRules(
        navigationSections: IngestRules.standard.navigationSections,
        kindRules: [
            KindRule(kind: .article, sections: ["Articles", "Papers", "Academic Research"], location: here),
            KindRule(kind: .book, sections: ["Books"], location: here),
            KindRule(kind: .tool, sections: ["Tools", "Toolboxes"], location: here),
            KindRule(kind: .standard, sections: ["Standards"], location: here),
            KindRule(kind: .course, sections: ["Courses"], location: here),
        ],
        authorCitationKinds: [.article, .book])

    private static let here = SourceLocation(file: "test", line: 1)
}

extension IngestResult {
    /// The entry whose title is exactly `title`.
    func entry(titled title: String) -> Entry? { entries.first { $0.title == title } }

    /// The entry whose main URL normalises like `url`.
    func entry(url: String) -> Entry? {
        let normalized = URLNormalizer.normalize(url)
        return entries.first { URLNormalizer.normalize($0.url) == normalized }
    }

    func diagnostics(code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
}
