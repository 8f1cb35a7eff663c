import SafetyGraphCore

/// Renders each page: builds its template values from the model and hands them to its template inside the
/// shared frame (`layout`).
struct PageBuilder {
    let model: SiteModel
    let templates: SiteTemplates

    enum Section: String { case overview, topics, kinds, aToZ, search, coverage }

    // MARK: - The frame

    /// The values every page has: where the root is, titles, navigation, JSON-LD, downloads.
    func frame(
        root: String, title: String, description: String, section: Section?, page: SitePage
    ) throws -> [String: Any] {
        let json = try model.inputs.linkedData.jsonLD(for: page, in: model.graph)
        let nav: [(String, String, Section)] = [
            ("Overview", "index.html", .overview), ("Topics", "index.html#topics", .topics),
            ("Kinds", "index.html#kinds", .kinds), ("A–Z", "a-z.html", .aToZ), ("Search", "search.html", .search),
            ("Coverage", "coverage.html", .coverage),
        ]
        return [
            "root": root,
            "siteTitle": HTMLEscaping.cleaned(model.scheme.title),
            "pageTitle": HTMLEscaping.cleaned(title),
            "description": HTMLEscaping.cleaned(Self.summary(description)),
            "jsonLD": ScriptJSON.escape(json),
            // `page` for the page itself; `true` for the group a page belongs to (a topic page under Topics).
            "nav": nav.map { label, href, s in
                [
                    "label": label, "href": root + href, "current": s == section,
                    "ariaCurrent": [.topics, .kinds].contains(s) ? "true" : "page",
                ]
            },
            "downloads": model.inputs.downloads.map { ["label": HTMLEscaping.cleaned($0.label), "href": root + $0.path] },
            "hasDownloads": !model.inputs.downloads.isEmpty,
            "entryCount": model.graph.entries.count,
            "topicCount": model.scheme.concepts.count,
        ]
    }

    func render(_ template: String, frame: [String: Any], _ values: [String: Any]) throws(SiteError) -> String {
        try templates.render(template, frame.merging(values) { _, page in page })
    }

    /// The first sentence or 200 characters of `text`, for `<meta name="description">`.
    static func summary(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if collapsed.count <= 200 { return collapsed }
        return String(collapsed.prefix(199)) + "…"
    }

    // MARK: - Shared pieces

    func topicLink(_ id: ConceptID) -> [String: Any] {
        let count = model.count(id)
        return [
            "label": model.label(id), "href": model.topicFile(id), "id": id.rawValue, "own": count.own,
            "total": count.total, "empty": count.total == 0,
        ]
    }

    /// An SVG from the Graphviz stage, made safe to inline; nil when there is none.
    func inlineSVG(_ svg: String?, name: String, label: String, description: String, idPrefix: String)
        throws(SiteError) -> String?
    {
        guard let svg, !svg.isEmpty else { return nil }
        do {
            return try SVGSanitizer.sanitize(
                svg, options: .init(label: label, description: description, idPrefix: idPrefix))
        } catch {
            throw .svg(name: name, reason: error.description)
        }
    }
}
