import SafetyGraphCore

/// A concept's page (`topics/<id>.html`): breadcrumbs up every broader path, the definition, narrower, related
/// and external concepts, its neighbourhood graph, and its entries — its own first, then those it holds through
/// each narrower concept.
extension PageBuilder {
    func topic(_ concept: Concept) throws -> String {
        let id = concept.id
        let scheme = model.scheme
        let own = model.graph.entries(taggedWith: id, includeNarrower: false)
            .sorted { (SiteText.sortKey($0.entry.title), $0.id) < (SiteText.sortKey($1.entry.title), $1.id) }
        var shown = Set(own.map(\.id))
        var groups: [[String: Any]] = []
        var listed: [TaggedEntry] = own
        let narrower = scheme.narrower(id).sorted { (model.label($0), $0) < (model.label($1), $1) }
        for child in narrower {
            let entries = model.graph.entries(taggedWith: child, includeNarrower: true)
                .filter { shown.insert($0.id).inserted }
                .sorted { (SiteText.sortKey($0.entry.title), $0.id) < (SiteText.sortKey($1.entry.title), $1.id) }
            guard !entries.isEmpty else { continue }
            listed += entries
            var group = topicLink(child)
            group["entries"] = model.entryContexts(entries)
            group["shownCount"] = entries.count
            groups.append(group)
        }

        let label = model.label(id)
        let page = SitePage(subject: .topic(id), title: label, entries: listed.map(\.id))
        let frame = try frame(root: "../", title: label, description: concept.definition, section: .topics, page: page)
        let svg = try inlineSVG(
            model.inputs.neighbourhoodSVGs[id], name: "neighbourhood of \(id)", label: "Neighbourhood of \(label)",
            description: "\(label) with its broader, narrower and related topics and some of its entries. "
                + "Each topic links to its page.",
            idPrefix: "hood-")
        let breadcrumbs: [[String: Any]] = model.broaderPaths(of: id).map { path in
            ["steps": path.map(topicLink), "current": label]
        }
        let matches = concept.exactMatch.map { ($0, "Same as") } + concept.closeMatch.map { ($0, "Close to") }
        let external: [[String: Any]] = matches.map { raw, relation in
            let href = SafeLink.href(raw)
            return [
                "relation": relation, "hasHref": href != nil, "href": href ?? "",
                "text": SiteModel.shortURL(raw), "full": HTMLEscaping.cleaned(raw),
            ]
        }
        let count = model.count(id)
        let broader = concept.broader.sorted { (model.label($0), $0) < (model.label($1), $1) }
        let related = concept.related.sorted { (model.label($0), $0) < (model.label($1), $1) }
        let facets = scheme.facets(of: id).filter { $0 != id }
        return try render("topic", frame: frame, [
            "id": id.rawValue, "label": label,
            "definition": HTMLEscaping.cleaned(concept.definition),
            "hasScopeNote": concept.scopeNote != nil, "scopeNote": concept.scopeNote.map(HTMLEscaping.cleaned) ?? "",
            "altLabels": concept.altLabels.map(HTMLEscaping.cleaned), "hasAltLabels": !concept.altLabels.isEmpty,
            "isFacet": concept.isFacet, "facets": facets.map(topicLink), "hasFacets": !facets.isEmpty,
            "breadcrumbs": breadcrumbs, "hasBreadcrumbs": !breadcrumbs.isEmpty,
            "broader": broader.map(topicLink), "hasBroader": !broader.isEmpty,
            "narrower": narrower.map(topicLink), "hasNarrower": !narrower.isEmpty,
            "related": related.map(topicLink), "hasRelated": !related.isEmpty,
            "external": external, "hasExternal": !external.isEmpty,
            "hasMap": svg != nil, "svg": svg ?? "",
            "own": count.own, "total": count.total, "hasEntries": count.total > 0,
            "ownEntries": model.entryContexts(own), "hasOwnEntries": !own.isEmpty,
            "groups": groups, "hasGroups": !groups.isEmpty,
        ])
    }
}
