import SafetyGraphCore

/// The overview (`index.html`): what this is, the topic map, the facets with counts, the kinds, the newest
/// and the most connected entries.
extension PageBuilder {
    func index() throws -> String {
        let scheme = model.scheme
        let newest = model.newest(8)
        let connected = model.mostConnected(8)
        let page = SitePage(subject: .home, title: scheme.title, entries: (newest + connected).map(\.id).uniqued())
        let frame = try frame(root: "", title: "Overview", description: scheme.definition, section: .overview, page: page)
        let svg = try inlineSVG(
            model.inputs.topicMapSVG, name: "topic map", label: "Topic map of \(HTMLEscaping.cleaned(scheme.title))",
            description: "Every topic of the scheme grouped by facet, sized by the number of entries; "
                + "broader and related topics are joined by lines. Each topic links to its page.",
            idPrefix: "map-")
        let facets: [[String: Any]] = scheme.topConcepts
            .sorted { (model.label($0.id), $0.id) < (model.label($1.id), $1.id) }
            .map { facet in
                var values = topicLink(facet.id)
                values["definition"] = HTMLEscaping.cleaned(facet.definition)
                let children = scheme.narrower(facet.id).sorted {
                    (-model.count($0).total, model.label($0), $0) < (-model.count($1).total, model.label($1), $1)
                }
                values["children"] = children.map(topicLink)
                values["hasChildren"] = !children.isEmpty
                return values
            }
        let kinds: [[String: Any]] = model.kinds.map {
            ["plural": $0.plural, "href": $0.file, "count": $0.entries.count]
        }
        let lists = Set(model.graph.entries.flatMap { $0.entry.sources.map(\.file) }).count
        return try render("index", frame: frame, [
            "definition": HTMLEscaping.cleaned(scheme.definition),
            "facetCount": facets.count, "kindCount": kinds.count, "listCount": lists,
            "listsPlural": lists != 1,
            "hasMap": svg != nil, "svg": svg ?? "",
            "facets": facets, "kinds": kinds,
            "newest": model.entryContexts(newest), "hasNewest": !newest.isEmpty,
            "connected": model.entryContexts(connected), "hasConnected": !connected.isEmpty,
        ])
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each only the first time it occurs.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
