import Foundation
import Testing
@testable import SafetyGraphCore

/// Checks the ontology the project ships (`Ontology/`), not a fixture: it must load cleanly, hold every
/// concept `../shared/ontology-core.md` requires, and tag real-looking text the way a careful curator would.
@Suite struct ShippedOntologyTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        return url
    }()

    static let loaded: (ontology: Ontology, warnings: [Diagnostic])? = try? OntologyLoader.load(
        folder: root.appendingPathComponent("Ontology").path)

    static func ontology() throws -> Ontology { try #require(loaded?.ontology) }

    // MARK: - Structure

    @Test func loadsWithoutWarnings() throws {
        let loaded = try #require(Self.loaded)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings.map(\.description))")
        #expect(loaded.ontology.scheme.concepts.count >= 70)
    }

    /// The facets and ids of ontology-core.md, read from that file (`Facet \`id\`` lines and `- \`id\`` items).
    static func requiredIDs() throws -> [(facet: String, ids: [String])] {
        let core = Self.root.deletingLastPathComponent().appendingPathComponent("shared/ontology-core.md")
        let text = try String(contentsOf: core, encoding: .utf8)
        var result: [(facet: String, ids: [String])] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "`")
            guard parts.count >= 2 else { continue }
            if line.hasPrefix("Facet `") {
                result.append((String(parts[1]), []))
            } else if line.hasPrefix("- `"), !result.isEmpty {
                result[result.count - 1].ids.append(String(parts[1]))
            }
        }
        return result
    }

    @Test func holdsEveryRequiredFacetAndConcept() throws {
        let scheme = try Self.ontology().scheme
        let required = try Self.requiredIDs()
        #expect(required.count == 8)
        #expect(required.reduce(0) { $0 + $1.ids.count } >= 40)
        for (facet, ids) in required {
            let concept = try #require(scheme[ConceptID(facet)], "missing facet \(facet)")
            #expect(concept.isFacet, "\(facet) must be a top concept")
            for id in ids {
                let c = try #require(scheme[ConceptID(id)], "missing concept \(id)")
                #expect(scheme.ancestors(of: c.id).contains(ConceptID(facet)), "\(id) must fall under \(facet)")
            }
        }
        // Only the required facets are top concepts.
        #expect(Set(scheme.topConcepts.map(\.id.rawValue)) == Set(required.map(\.facet)))
    }

    @Test func everyConceptIsDefinedAndReachable() throws {
        let scheme = try Self.ontology().scheme
        for concept in scheme.concepts {
            #expect(concept.definition.count >= 30, "\(concept.id) needs a real definition")
            #expect(!scheme.facets(of: concept.id).isEmpty)
            for iri in concept.exactMatch + concept.closeMatch {
                #expect(iri.hasPrefix("http://") || iri.hasPrefix("https://"))
            }
        }
        #expect(scheme.concepts.filter { !$0.exactMatch.isEmpty || !$0.closeMatch.isEmpty }.count >= 15)
    }

    // MARK: - Tagging with the real labels

    static func tags(
        title: String, description: String? = nil, authors: [String] = [], organization: String? = nil,
        sections: [[String]] = [["Articles"]]
    ) throws -> Set<String> {
        let entry = Entry(
            id: "test-entry", title: title, url: "https://example.org/test", authors: authors,
            organization: organization, description: description, sectionPaths: sections, kind: .article)
        let tagged = Tagger(ontology: try ontology()).tag(entry)
        return Set(tagged.tags.map(\.concept.rawValue))
    }

    /// Texts that contain a label's word without meaning the concept.
    @Test(arguments: [
        ("Robust estimation of the standard deviation in small samples", "standards"),
        ("A gold standard corpus for clinical text", "standards"),
        ("Inductive bias and generalisation in deep networks", "fairness"),
        ("Logging experiments with Weights & Biases", "fairness"),
        ("The geometry of latent space in vision transformers", "space"),
        ("Explained: how attention works", "interpretability"),
    ])
    func trapsDoNotTag(text: String, concept: String) throws {
        #expect(!(try Self.tags(title: text)).contains(concept))
    }

    @Test func aPersonNamedBiasIsNotAboutFairness() throws {
        let tags = try Self.tags(
            title: "Clinical decision support with machine learning", authors: ["Bias", "Meyer"])
        #expect(!tags.contains("fairness"))
        #expect(tags.contains("healthcare"))
    }

    /// Texts a curator would tag; the expected concept must be among the stored (most specific) tags.
    @Test(arguments: [
        ("Auditing algorithmic bias in hiring systems", "fairness"),
        ("Prompt injection attacks against LLM-integrated applications", "prompt-injection"),
        ("Out-of-distribution detection for autonomous driving perception", "out-of-distribution-detection"),
        ("Out-of-distribution detection for autonomous driving perception", "autonomous-vehicles"),
        ("Safety cases for machine learning components", "assurance-cases"),
        ("Fault injection campaigns on GPU-based DNN accelerators", "fault-injection"),
        ("Formal verification of neural network controllers", "neural-network-verification"),
        ("Differentially private stochastic gradient descent", "differential-privacy"),
        ("Jailbreaking aligned language models with adversarial suffixes", "jailbreaks"),
        ("Certification of machine learning in avionics", "certification"),
        ("Certification of machine learning in avionics", "aviation"),
        // Look-alike characters: full-width letters and a ligature read as plain letters.
        ("Ｐｒｏｍｐｔ ｉｎｊｅｃｔｉｏｎ in the wild", "prompt-injection"),
        ("Certiﬁed robustness of image classifiers", "certified-robustness"),
    ])
    func curatorTags(text: String, concept: String) throws {
        let tags = try Self.tags(title: text)
        #expect(tags.contains(concept), "\(text) → \(tags.sorted())")
    }

    @Test func onlyTheMostSpecificTagsAreStored() throws {
        let scheme = try Self.ontology().scheme
        let tags = try Self.tags(
            title: "Adversarial examples and certified robustness of deep neural networks",
            description: "Robustness of image classifiers to adversarial attacks.")
        for tag in tags {
            for other in tags where other != tag {
                #expect(!scheme.ancestors(of: ConceptID(other)).contains(ConceptID(tag)), "\(tag) is broader than \(other)")
            }
        }
        #expect(!tags.contains("robustness"))
    }

    @Test func provenanceNamesRuleTermAndField() throws {
        let entry = Entry(
            id: "p", title: "Hazard analysis for learning-enabled systems", url: "https://example.org/p",
            organization: "EUROCAE", sectionPaths: [["Standards"]], kind: .standard)
        let tagged = Tagger(ontology: try Self.ontology()).tag(entry)
        let all = tagged.tags.flatMap(\.provenance)
        #expect(all.contains { $0.rule == .label && $0.field == .title })
        #expect(all.contains { $0.rule == .organization && $0.term == "EUROCAE" })
        #expect(tagged.tags.contains { $0.concept == "aviation" })
    }
}
