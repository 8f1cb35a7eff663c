import Foundation
import SafetyGraphCore

/// The default page JSON-LD: a schema.org `CollectionPage` (or `WebPage`) whose `about` and `mainEntity` name
/// the scheme, the concept and the listed entries by the linked-data export's IRIs — `{base}scheme`,
/// `{base}concepts/{id}`, `{base}entries/{id}` — with enough of each to be useful on its own (name, url,
/// authors, year, topics).
public struct SchemaOrgPageData: SiteLinkedData {
    /// The base IRI, ending with `/` or `#`.
    public var base: String
    /// schema.org type per kind (`ScholarlyArticle` for `article`); unknown kinds are `CreativeWork`.
    public var typeOfKind: @Sendable (EntryKind) -> String

    public init(
        base: String = "https://example.org/safetygraph/",
        typeOfKind: @escaping @Sendable (EntryKind) -> String = SchemaOrgPageData.defaultType
    ) {
        self.base = base
        self.typeOfKind = typeOfKind
    }

    public var schemeIRI: String { base + "scheme" }
    public func conceptIRI(_ id: ConceptID) -> String { base + "concepts/" + id.rawValue }
    public func entryIRI(_ id: EntryID) -> String { base + "entries/" + id.rawValue }

    public func jsonLD(for page: SitePage, in graph: KnowledgeGraph) throws -> String {
        var document: [String: JSONValue] = [
            "@context": ["@vocab": "https://schema.org/", "skos": "http://www.w3.org/2004/02/skos/core#"],
            "@type": page.subject == .search ? "SearchResultsPage" : "CollectionPage",
            "name": .string(page.title),
            "isPartOf": ["@type": "WebSite", "name": .string(graph.scheme.title)],
        ]
        switch page.subject {
        case .home:
            document["about"] = scheme(graph, withTerms: true)
        case .topic(let id):
            if let concept = graph.scheme[id] { document["about"] = self.concept(concept) }
        case .kind, .aToZ, .coverage, .search:
            document["about"] = ["@id": .string(schemeIRI)]
        }
        let items = page.entries.compactMap(graph.entry)
        if !items.isEmpty {
            document["mainEntity"] = [
                "@type": "ItemList",
                "numberOfItems": .int(items.count),
                "itemListElement": .array(items.enumerated().map { index, tagged in
                    ["@type": "ListItem", "position": .int(index + 1), "item": entry(tagged)]
                }),
            ]
        }
        return try ScriptJSON.encode(JSONValue.object(document))
    }

    // MARK: - Nodes

    func scheme(_ graph: KnowledgeGraph, withTerms: Bool) -> JSONValue {
        var node: [String: JSONValue] = [
            "@id": .string(schemeIRI), "@type": ["DefinedTermSet", "skos:ConceptScheme"],
            "name": .string(graph.scheme.title), "description": .string(graph.scheme.definition),
        ]
        if withTerms {
            node["hasDefinedTerm"] = .array(graph.scheme.topConcepts.map { concept($0) })
        }
        return .object(node)
    }

    func concept(_ concept: Concept) -> JSONValue {
        var node: [String: JSONValue] = [
            "@id": .string(conceptIRI(concept.id)), "@type": ["DefinedTerm", "skos:Concept"],
            "name": .string(concept.prefLabel), "description": .string(concept.definition),
            "termCode": .string(concept.id.rawValue), "inDefinedTermSet": ["@id": .string(schemeIRI)],
        ]
        if !concept.altLabels.isEmpty { node["alternateName"] = .array(concept.altLabels.map(JSONValue.string)) }
        let matches = (concept.exactMatch + concept.closeMatch).filter(SafeLink.isAllowed)
        if !matches.isEmpty { node["sameAs"] = .array(matches.map(JSONValue.string)) }
        return .object(node)
    }

    func entry(_ tagged: TaggedEntry) -> JSONValue {
        let e = tagged.entry
        var node: [String: JSONValue] = [
            "@id": .string(entryIRI(e.id)), "@type": .string(typeOfKind(e.kind)), "name": .string(e.title),
            "url": .string(e.url), "identifier": .string(e.id.rawValue),
        ]
        if let year = e.year { node["datePublished"] = .string(String(year)) }
        if !e.authors.isEmpty {
            node["author"] = .array(e.authors.map { ["@type": "Person", "name": .string($0)] })
        }
        if let organization = e.organization {
            node["publisher"] = ["@type": "Organization", "name": .string(organization)]
        }
        if let description = e.description { node["description"] = .string(description) }
        if !tagged.tags.isEmpty {
            node["about"] = .array(tagged.tags.map { ["@id": .string(conceptIRI($0.concept))] })
        }
        return .object(node)
    }

    /// A schema.org type per kind; anything else is a `CreativeWork`.
    public static func defaultType(_ kind: EntryKind) -> String {
        switch kind.rawValue {
        case "article": return "ScholarlyArticle"
        case "book": return "Book"
        case "tool": return "SoftwareSourceCode"
        case "course": return "Course"
        case "report", "whitepaper": return "Report"
        case "video": return "VideoObject"
        case "dataset", "database": return "Dataset"
        case "blog": return "BlogPosting"
        case "news": return "NewsArticle"
        case "podcast": return "PodcastSeries"
        case "regulation": return "Legislation"
        default: return "CreativeWork"
        }
    }
}
