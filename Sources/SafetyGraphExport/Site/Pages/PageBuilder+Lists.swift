import SafetyGraphCore

/// The list pages: one per kind, the A–Z list, the coverage report and the search page.
extension PageBuilder {
    func kind(_ kind: SiteModel.Kind) throws -> String {
        let page = SitePage(subject: .kind(kind.kind), title: kind.plural, entries: kind.entries.map(\.id))
        let frame = try frame(
            root: "../", title: kind.plural,
            description: "\(kind.plural) in \(model.scheme.title): \(kind.entries.count) entries.", section: .kinds,
            page: page)
        let others: [[String: Any]] = model.kinds.map {
            ["plural": $0.plural, "href": $0.file, "count": $0.entries.count, "current": $0.kind == kind.kind]
        }
        return try render("kind", frame: frame, [
            "plural": kind.plural, "kind": kind.kind.rawValue, "count": kind.entries.count,
            "entries": model.entryContexts(kind.entries), "kinds": others,
        ])
    }

    func aToZ() throws -> String {
        let entries = model.entriesByTitle
        let page = SitePage(subject: .aToZ, title: "A–Z", entries: entries.map(\.id))
        let frame = try frame(
            root: "", title: "A–Z", description: "Every entry of \(model.scheme.title), A to Z.", section: .aToZ,
            page: page)
        var byLetter: [String: [TaggedEntry]] = [:]
        for tagged in entries { byLetter[SiteText.letter(tagged.entry.title), default: []].append(tagged) }
        let letters = (UnicodeScalar("A").value...UnicodeScalar("Z").value).compactMap { UnicodeScalar($0) }
            .map { String($0) } + ["#"]
        let index: [[String: Any]] = letters.map { letter in
            ["letter": letter, "anchor": Self.anchor(letter), "hasEntries": byLetter[letter] != nil]
        }
        let sections: [[String: Any]] = letters.compactMap { letter in
            guard let group = byLetter[letter] else { return nil }
            return [
                "letter": letter, "anchor": Self.anchor(letter), "count": group.count,
                "entries": model.entryContexts(group),
            ]
        }
        return try render("a-z", frame: frame, ["letters": index, "sections": sections, "count": entries.count])
    }

    static func anchor(_ letter: String) -> String { letter == "#" ? "letter-other" : "letter-" + letter.lowercased() }

    func coverage() throws -> String {
        let untagged = model.entriesByTitle.filter { $0.tags.isEmpty }
        let page = SitePage(subject: .coverage, title: "Coverage", entries: untagged.map(\.id))
        let frame = try frame(
            root: "", title: "Coverage",
            description: "For curators: entries without topics, topics without entries, and lint findings.",
            section: .coverage, page: page)
        let empty = model.scheme.concepts.filter { model.count($0.id).total == 0 }
            .sorted { (model.label($0.id), $0.id) < (model.label($1.id), $1.id) }
            .map { concept -> [String: Any] in
                var link = topicLink(concept.id)
                link["facets"] = model.scheme.facets(of: concept.id).filter { $0 != concept.id }.map(model.label)
                    .joined(separator: ", ")
                return link
            }
        let findings: [[String: Any]] = model.inputs.findings.map { finding in
            [
                "location": HTMLEscaping.cleaned(finding.location?.description ?? "–"),
                "severity": finding.severity.rawValue, "isError": finding.severity == .error,
                "code": HTMLEscaping.cleaned(finding.code), "message": HTMLEscaping.cleaned(finding.message),
            ]
        }
        var codes: [String: Int] = [:]
        for finding in model.inputs.findings { codes[finding.code, default: 0] += 1 }
        return try render("coverage", frame: frame, [
            "untagged": model.entryContexts(untagged), "untaggedCount": untagged.count, "hasUntagged": !untagged.isEmpty,
            "emptyTopics": empty, "emptyCount": empty.count, "hasEmptyTopics": !empty.isEmpty,
            "findings": findings, "findingCount": findings.count, "hasFindings": !findings.isEmpty,
            "codes": codes.keys.sorted().map { ["code": HTMLEscaping.cleaned($0), "count": codes[$0] ?? 0] },
        ])
    }

    func search() throws -> String {
        let page = SitePage(subject: .search, title: "Search", entries: [])
        let frame = try frame(
            root: "", title: "Search", description: "Search and filter the entries of \(model.scheme.title).",
            section: .search, page: page)
        let facets: [[String: Any]] = model.scheme.topConcepts
            .sorted { (model.label($0.id), $0.id) < (model.label($1.id), $1.id) }
            .map { facet in
                var options: [[String: Any]] = []
                var stack: [(ConceptID, Int)] = [(facet.id, 0)]
                var seen: Set<ConceptID> = []
                while let (id, depth) = stack.popLast() {
                    guard seen.insert(id).inserted else { continue }
                    var option = topicLink(id)
                    option["depth"] = depth
                    option["indent"] = "depth-\(min(depth, 4))"
                    options.append(option)
                    let children = model.scheme.narrower(id).sorted { (model.label($0), $0) > (model.label($1), $1) }
                    stack.append(contentsOf: children.map { ($0, depth + 1) })
                }
                return ["label": model.label(facet.id), "facetID": facet.id.rawValue, "options": options]
            }
        return try render("search", frame: frame, [
            "facets": facets,
            "kinds": model.kinds.map { ["kind": $0.kind.rawValue, "plural": $0.plural, "count": $0.entries.count] },
        ])
    }
}
