import SafetyGraphCore

/// The template values of one entry (`entry` and `entry-line` partials). Links to pages are relative to the
/// site's root; templates put `{{root}}` before them.
///
/// Every key is always present (false, empty) because Mustache looks a missing key up in the enclosing
/// contexts: an entry without a description must not show the page's description.
extension SiteModel {
    func entryContext(_ tagged: TaggedEntry) -> [String: Any] {
        let e = tagged.entry
        let href = SafeLink.href(e.url)
        let byline = SiteText.people(e.authors)
        let organization = e.organization.map(HTMLEscaping.cleaned) ?? ""
        let description = e.description.map(HTMLEscaping.cleaned) ?? ""
        let sections = e.sectionLabels.map(HTMLEscaping.cleaned)
        let tags: [[String: Any]] = tagged.tags.sorted { (label($0.concept), $0.concept) < (label($1.concept), $1.concept) }
            .map { tag in
                let reasons = tag.provenance.map(SiteText.reason)
                return [
                    "label": label(tag.concept), "href": topicFile(tag.concept), "concept": tag.concept.rawValue,
                    "why": "Tagged because of " + reasons.joined(separator: "; "), "reasons": reasons,
                ]
            }
        let others: [[String: Any]] = e.otherURLs.compactMap { raw in
            SafeLink.href(raw).map { ["href": $0, "text": Self.shortURL($0)] }
        }
        return [
            "id": e.id.rawValue,
            "title": HTMLEscaping.cleaned(e.title),
            "hasHref": href != nil, "href": href ?? "",
            "url": HTMLEscaping.cleaned(e.url),
            "kind": e.kind.rawValue, "kindName": SiteText.kindName(e.kind), "kindHref": kindFile(e.kind),
            "hasYear": e.year != nil, "year": e.year.map(String.init) ?? "",
            "hasAuthors": !byline.isEmpty, "authors": byline,
            "hasOrganization": !organization.isEmpty, "organization": organization,
            "hasDescription": !description.isEmpty, "description": description,
            "hasSections": !sections.isEmpty, "sections": sections,
            "hasTags": !tags.isEmpty, "tags": tags,
            "hasOtherLinks": !others.isEmpty, "otherLinks": others,
            "hasRepo": e.githubRepo != nil, "repo": e.githubRepo.map(HTMLEscaping.cleaned) ?? "",
        ]
    }

    func entryContexts(_ entries: [TaggedEntry]) -> [[String: Any]] { entries.map(entryContext) }

    /// `arxiv.org/abs/2501…` — host and path, for showing a secondary link.
    static func shortURL(_ url: String) -> String {
        var s = Substring(url)
        for prefix in ["https://", "http://", "mailto:"] where s.lowercased().hasPrefix(prefix) {
            s = s.dropFirst(prefix.count)
            break
        }
        if s.hasPrefix("www.") { s = s.dropFirst(4) }
        let text = HTMLEscaping.cleaned(String(s))
        return text.count > 60 ? String(text.prefix(59)) + "…" : text
    }
}
