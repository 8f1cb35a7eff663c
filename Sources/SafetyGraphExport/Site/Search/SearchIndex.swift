import SafetyGraphCore

/// The search index (`assets/search-index.js`): every entry's title, people, year, kind, link and topics, and
/// every topic's label and page, assigned to a global.
///
/// A script, not a JSON file: browsers refuse `fetch()` of a file from a page opened as `file://`, but they
/// run a `<script src>` next to it. The JSON inside is escaped like inline JSON (`ScriptJSON`).
enum SearchIndex {
    struct Entry: Encodable {
        var id: String
        var title: String
        var authors: String
        var organization: String
        var year: Int?
        var kind: String
        /// The link when `SafeLink` allows it, else empty (the script shows no link).
        var url: String
        /// Stored tags (shown).
        var tags: [String]
        /// Stored tags and all their broader concepts (what a topic filter matches).
        var topics: [String]
    }

    struct Topic: Encodable {
        var label: String
        var page: String
        var facet: Bool
    }

    struct Kind: Encodable {
        var name: String
        var plural: String
        var page: String
    }

    struct Document: Encodable {
        var format = "safetygraph-search"
        var version = 1
        var entries: [Entry]
        var topics: [String: Topic]
        var kinds: [String: Kind]
    }

    static func document(model: SiteModel) -> Document {
        let scheme = model.scheme
        let entries = model.entriesByTitle.map { tagged -> Entry in
            let e = tagged.entry
            var closure = Set(tagged.conceptIDs)
            for tag in tagged.conceptIDs { closure.formUnion(scheme.ancestors(of: tag)) }
            return Entry(
                id: e.id.rawValue, title: HTMLEscaping.cleaned(e.title), authors: SiteText.people(e.authors),
                organization: e.organization.map(HTMLEscaping.cleaned) ?? "", year: e.year, kind: e.kind.rawValue,
                url: SafeLink.href(e.url) ?? "", tags: tagged.conceptIDs.map(\.rawValue),
                topics: closure.map(\.rawValue).sorted())
        }
        var topics: [String: Topic] = [:]
        for concept in scheme.concepts {
            topics[concept.id.rawValue] = Topic(
                label: model.label(concept.id), page: model.topicFile(concept.id), facet: concept.isFacet)
        }
        var kinds: [String: Kind] = [:]
        for kind in model.kinds { kinds[kind.kind.rawValue] = Kind(name: kind.name, plural: kind.plural, page: kind.file) }
        return Document(entries: entries, topics: topics, kinds: kinds)
    }

    /// The script text: one assignment, then a newline.
    static func script(model: SiteModel) throws -> String {
        "window.SAFETYGRAPH_INDEX = " + (try ScriptJSON.encode(document(model: model))) + ";\n"
    }
}
