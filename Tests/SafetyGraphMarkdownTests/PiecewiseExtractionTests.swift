import Foundation
import Testing
import SafetyGraphCore
@testable import SafetyGraphMarkdown

/// Large documents are read in pieces on all cores; the pieces must give exactly what one pass gives: the same
/// entries in the same order (sections, parents, tables, navigation included) and the same diagnostics.
@Suite struct PiecewiseExtractionTests {
    @Test(arguments: [1, 7, 300, 5_000])
    func piecesGiveWhatOnePassGives(pieceNodes: Int) throws {
        try #require(!Corpus.files.isEmpty, "the corpora in ../shared/corpora are needed")
        var compared = 0
        for name in Corpus.files {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Corpus.path(name))))
            guard case .success(let decoded) = SourceText.decode(bytes, path: name) else { continue }
            let tree = MarkdownTree.parse(decoded.text)
            var whole = EntryExtractor(tree: tree, path: name, rules: Corpus.kindRules)
            whole.piecewise = .never
            var pieces = whole
            pieces.piecewise = .always(nodes: pieceNodes)
            let (expected, expectedDiagnostics) = whole.extract()
            let (got, gotDiagnostics) = pieces.extract()
            #expect(got.count == expected.count, "\(name)")
            if let first = zip(got, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                Issue.record("\(name), entry \(first): \(got[first].id) \(got[first].sectionPaths) differs from one pass")
            }
            #expect(gotDiagnostics.count == expectedDiagnostics.count, "\(name)")
            if let first = zip(gotDiagnostics, expectedDiagnostics).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
                Issue.record("\(name), diagnostic \(first): \(gotDiagnostics[first]) differs from one pass")
            }
            compared += expected.count
        }
        #expect(compared > 2_000)
    }
}
