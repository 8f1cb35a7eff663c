import Foundation
import SafetyGraphCore
import Testing

@testable import SafetyGraphExport

/// File names that will come from input (`site/topics/<concept-id>.html`, per-entry files) can never leave the
/// output folder or clash on a case-insensitive file system, because the ids they are made of cannot: entry ids are
/// a lowercase ASCII slug plus a hash, concept ids are validated lowercase kebab-case.
@Suite struct InputDerivedNameTests {
    static let hostileURLs = [
        "https://example.org/../../etc/passwd", "https://example.org/%2e%2e/%2e%2e/x", "https://EXAMPLE.org/CON",
        "https://example.org/" + String(repeating: "a/", count: 500), "https://例え.jp/パス", "https://example.org/.hidden",
        "https://example.org/a:b\\c", "https://example.org/Robustness", "https://example.org/robustness",
        "https://example.org/ǅ/ﬃ/K", "https://example.org/?q=../../x#/../y", "http://[2001:db8::1]/x",
    ]

    @Test(arguments: hostileURLs)
    func entryIDsAreSafeFileNames(url: String) throws {
        let normalized = try #require(URLNormalizer.normalize(url))
        let id = URLNormalizer.entryID(forNormalized: normalized).rawValue
        #expect(id == id.lowercased())
        #expect(id.utf8.count <= 57)
        #expect(id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        #expect(throws: Never.self) { try OutputStaging.checkedComponents("site/entries/\(id).html") }
    }

    @Test func entryIDsOfDistinctURLsNeverCollideIgnoringCase() {
        let ids = Self.hostileURLs.compactMap(URLNormalizer.normalize).map {
            URLNormalizer.entryID(forNormalized: $0).rawValue.lowercased()
        }
        #expect(Set(ids).count == Set(Self.hostileURLs.compactMap(URLNormalizer.normalize)).count)
    }

    @Test(arguments: ["../a", "a/b", "Upper", ".hidden", "a..b", "con:x", "a\\b", "", String(repeating: "a", count: 65)])
    func invalidConceptIDsAreRefused(id: String) {
        #expect(!ConceptID.isValid(id))
    }

    @Test(arguments: ["robustness", "adversarial-robustness", "iso-26262", "a", String(repeating: "a", count: 64)])
    func validConceptIDsAreSafeFileNames(id: String) {
        #expect(ConceptID.isValid(id))
        #expect(throws: Never.self) { try OutputStaging.checkedComponents("site/topics/\(id).html") }
    }
}
