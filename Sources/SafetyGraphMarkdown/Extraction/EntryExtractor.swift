import Foundation
import SafetyGraphCore

// MARK: - EntryExtractor

/// Walks a parsed document once, in document order, and turns list items and table rows into entries.
///
/// The walk is a single loop over the arena (pre-order), so it is linear in the size of the document and uses no
/// recursion. Headings at the top level set the section path; items and rows under navigation sections are skipped.
/// Sub-items without links belong to the entry above them (author lines, `Key Word:` lines, `<details>` digests).
struct EntryExtractor {
    let tree: MarkdownTree
    let path: String
    let rules: IngestRules

    /// An entry being built: its fields and where it was found.
    private struct Draft {
        var fields: EntryFields
        var sectionPath: [String]
        var kind: EntryKind
        var line: Int
        /// The text of a link-less parent item (`The gospel of Trustworthy AI according to`), used when the entry
        /// has no description of its own.
        var groupContext: String?
    }

    private struct State {
        var drafts: [Draft] = []
        var diagnostics: [Diagnostic] = []
        /// Item node → index of the draft it produced.
        var draftOfItem: [Int: Int] = [:]
        /// Link-less item node → its text, as context for the entries nested in it.
        var groupTextOfItem: [Int: String] = [:]
        /// Table node → the role of each column.
        var tableRoles: [Int: [TableRowReader.Role]] = [:]
        /// The kind the current section path gives, for the path it was found for (paths change only at headings,
        /// and an unchanged path is the same array, compared at once).
        var sectionKind: (keys: [String], kind: EntryKind?)?
    }

    /// The kind of an entry under `sections` whose main link is `link`.
    private func kind(
        sections: SectionTracker, link: LinkToken, classifier: EntryClassifier, state: inout State
    ) -> EntryKind {
        let sectionKind: EntryKind?
        if let known = state.sectionKind, known.keys == sections.keys {
            sectionKind = known.kind
        } else {
            sectionKind = classifier.sectionKind(forSectionKeys: sections.keys)
            state.sectionKind = (sections.keys, sectionKind)
        }
        return classifier.kind(sectionKind: sectionKind, url: link.url, normalized: link.normalizedURL)
    }

    /// The part's top-level headings in order, each with its level and cleaned name and key (`SectionTracker.heading`).
    func topLevelHeadings() -> [(node: Int, level: Int, heading: (name: String, key: String))] {
        var headings: [(node: Int, level: Int, heading: (name: String, key: String))] = []
        var child = tree.nodes.isEmpty ? -1 : tree.nodes[0].firstChild
        while child >= 0 {
            if case .heading(let level) = tree.nodes[child].kind {
                headings.append((child, level, SectionTracker.heading(InlineCollector.text(in: tree, at: child))))
            }
            child = tree.nodes[child].nextSibling
        }
        return headings
    }

    /// The section state after this part's top-level `headings` (`topLevelHeadings()`), from `sections` at its start.
    func sections(
        after sections: SectionTracker, headings: [(node: Int, level: Int, heading: (name: String, key: String))],
        holdsFirstHeading: Bool
    ) -> SectionTracker {
        let titleHeading = holdsFirstHeading ? documentTitleHeading() : nil
        var sections = sections
        for heading in headings where heading.node != titleHeading {
            sections.enter(level: heading.level, heading: heading.heading)
        }
        return sections
    }

    /// One part of a document cut by `MarkdownChunks`, read on its own: `sections` is the section state at its
    /// start, and `holdsFirstHeading` says whether this part holds the document's first heading (whose title test
    /// is made here: the part ends where the next part's heading starts, so the test sees what it sees in the
    /// whole). `headings` are the part's `topLevelHeadings()`.
    func extractPart(
        startingIn sections: SectionTracker, holdsFirstHeading: Bool,
        headings: [(node: Int, level: Int, heading: (name: String, key: String))]
    ) -> (entries: [Entry], diagnostics: [Diagnostic]) {
        guard !tree.nodes.isEmpty else { return ([], []) }
        var names: [Int: (name: String, key: String)] = [:]
        for heading in headings { names[heading.node] = heading.heading }
        return read(
            0..<tree.nodes.count, startingIn: sections, titleHeading: holdsFirstHeading ? documentTitleHeading() : nil,
            headings: names, classifier: EntryClassifier(rules: rules))
    }

    /// The entries and diagnostics of the nodes `nodes`, read in one pass from the section state `sections`.
    private func read(
        _ nodes: Range<Int>, startingIn sections: SectionTracker, titleHeading: Int?,
        headings: [Int: (name: String, key: String)], classifier: EntryClassifier
    ) -> (entries: [Entry], diagnostics: [Diagnostic]) {
        var sections = sections
        var state = State()
        for node in nodes {
            visit(node, titleHeading: titleHeading, headings: headings, sections: &sections, classifier: classifier, state: &state)
        }
        return (state.drafts.compactMap(entry), state.diagnostics)
    }

    func extract() -> (entries: [Entry], diagnostics: [Diagnostic]) {
        guard !tree.nodes.isEmpty else { return ([], []) }
        let classifier = EntryClassifier(rules: rules)
        let titleHeading = documentTitleHeading()
        let (pieces, headings) = pieces(titleHeading: titleHeading)
        let all = concurrentMap(pieces.count) { [self] index in
            read(
                pieces[index].nodes, startingIn: pieces[index].sections, titleHeading: titleHeading, headings: headings,
                classifier: classifier)
        }
        return (all.flatMap(\.entries), all.flatMap(\.diagnostics))
    }

    private func visit(
        _ index: Int, titleHeading: Int?, headings: [Int: (name: String, key: String)], sections: inout SectionTracker,
        classifier: EntryClassifier, state: inout State
    ) {
        // The kind and parent read in place: a copy of the node would retain and release its two strings.
        switch tree.nodes[index].kind {
        case .heading(let level) where tree.nodes[index].parent == 0:
            if index != titleHeading {
                let heading = headings[index] ?? SectionTracker.heading(InlineCollector.text(in: tree, at: index))
                sections.enter(level: level, heading: heading)
            }
        case .item where !sections.isNavigation:
            readItem(index, sections: sections, classifier: classifier, state: &state)
        case .table where !sections.isNavigation:
            state.tableRoles[index] = headerRoles(ofTable: index)
        case .tableRow(isHeader: false) where !sections.isNavigation:
            readRow(index, sections: sections, classifier: classifier, state: &state)
        default:
            break
        }
    }

    // MARK: - Pieces read at once

    /// How the document is cut into pieces read at once: `automatic` reads documents above 100,000 nodes in
    /// pieces on all cores; tests cut every document into pieces of about `nodes` nodes to check the two agree.
    enum Piecewise: Sendable {
        case automatic, never
        case always(nodes: Int)
    }

    var piecewise: Piecewise = .automatic

    /// Consecutive runs of the document's top-level blocks, each with the section state at its start. Everything an
    /// item or row looks up (its parent item, its table's header) lies inside its own top-level block, and only
    /// top-level headings change the section, so reading the pieces apart gives exactly what one pass gives.
    /// Also gives the name and key of every top-level heading it passed, so that the pieces do not clean them again.
    private func pieces(
        titleHeading: Int?
    ) -> (pieces: [(nodes: Range<Int>, sections: SectionTracker)], headings: [Int: (name: String, key: String)]) {
        let total = tree.nodes.count
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let target: Int
        switch piecewise {
        case .automatic where total > 100_000 && cores > 1: target = total / (cores * 4)
        case .always(let nodes): target = max(nodes, 1)
        default: return ([(0..<total, SectionTracker(rules: rules))], [:])
        }
        var pieces: [(nodes: Range<Int>, sections: SectionTracker)] = []
        var headings: [Int: (name: String, key: String)] = [:]
        var sections = SectionTracker(rules: rules)
        var start = 0
        var startSections = sections
        var child = tree.nodes[0].firstChild
        while child >= 0 {
            let next = tree.nodes[child].nextSibling
            if case .heading(let level) = tree.nodes[child].kind, child != titleHeading {
                let heading = SectionTracker.heading(InlineCollector.text(in: tree, at: child))
                headings[child] = heading
                sections.enter(level: level, heading: heading)
            }
            let end = next >= 0 ? next : total
            if end - start >= target || next < 0 {
                pieces.append((start..<end, startSections))
                start = end
                startSections = sections
            }
            child = next
        }
        if start < total { pieces.append((start..<total, startSections)) }
        return (pieces, headings)
    }
    // MARK: - List items

    private func readItem(_ index: Int, sections: SectionTracker, classifier: EntryClassifier, state: inout State) {
        let (tokens, truncated) = InlineCollector.collect(in: tree, container: index)
        if truncated { state.diagnostics.append(truncation(index)) }
        // The links are looked up among the tokens where they lie: arrays of all of them and of the entry links,
        // and the ignored-link filter, made three or four arrays per item and copied every link token into them
        // (its strings retained, then released). The list of links is made only for an item with a link to leave out.
        let parentItem = enclosingItem(of: index)
        let parentDraft = parentItem.flatMap { state.draftOfItem[$0] }
        guard let mainLink = Self.firstLink(in: tokens, where: { $0.isEntryLink }) else {
            if let broken = Self.firstLink(in: tokens, where: { $0.isBroken }) {
                state.diagnostics.append(unreadable(index, link: broken))
            } else if let parentDraft {
                attach(tokens, to: &state.drafts[parentDraft].fields)
            } else {
                let text = InlineToken.plainText(tokens)
                if !text.isEmpty { state.groupTextOfItem[index] = text }
            }
            return
        }
        // `Slides available [here](url)` under an entry is part of that entry, not an entry of its own.
        if let parentDraft, ItemReader.isGeneric(mainLink.text, preHasProse: false) {
            for case .link(let link) in tokens where link.isEntryLink {
                state.drafts[parentDraft].fields.addOtherURL(link.url, normalized: link.normalizedURL)
            }
            return
        }
        let sectionPath = sections.path
        let kind = kind(sections: sections, link: mainLink, classifier: classifier, state: &state)
        guard let fields = ItemReader.read(tokens, authorCitationKind: classifier.citationNamesPeople(kind: kind)),
              !fields.title.isEmpty else {
            state.diagnostics.append(Diagnostic(
                .warning, code: "unparseable-item", "list item has a link but no title; it is not an entry",
                at: location(of: index)))
            return
        }
        if Self.firstLink(in: tokens, where: { $0.isIgnored }) != nil {
            state.diagnostics += ignoredLinks(index, links: tokens.compactMap(\.link))
        }
        state.drafts.append(Draft(
            fields: fields, sectionPath: sectionPath, kind: kind, line: tree.nodes[index].line,
            groupContext: parentItem.flatMap { state.groupTextOfItem[$0] }))
        state.draftOfItem[index] = state.drafts.count - 1
    }

    /// The first link among `tokens` that passes `test`.
    private static func firstLink(in tokens: [InlineToken], where test: (LinkToken) -> Bool) -> LinkToken? {
        for index in tokens.indices {
            if case .link(let link) = tokens[index], test(link) { return link }
        }
        return nil
    }

    /// A link-less sub-item's contribution to its parent entry.
    private func attach(_ tokens: [InlineToken], to fields: inout EntryFields) {
        let text = InlineToken.plainText(tokens)
        guard !text.isEmpty else { return }
        if let colon = text.firstIndex(ofASCII: ":"),
           ["key word", "key words", "keyword", "keywords", "tags"].contains(text[..<colon].lowercased().trimmingWhitespace()) {
            let body = text[text.index(after: colon)...]
            let separator: Character = body.contains(";") ? ";" : ","
            for keyword in body.split(separator: separator) { fields.addKeyword(String(keyword)) }
        } else if tokens.allSatisfy({ if case .htmlBlock = $0 { true } else { $0 == .space } }) {
            fields.descriptionParts.append(text)
        } else if fields.authors.isEmpty, let names = NameHeuristics.authorNames(text) {
            fields.authors = names
        } else {
            fields.descriptionParts.append(text)
        }
    }

    /// The list item that directly contains the list that contains `index` (item → list → item).
    private func enclosingItem(of index: Int) -> Int? {
        let list = tree.nodes[index].parent
        guard list >= 0, tree.nodes[list].kind == .list else { return nil }
        let item = tree.nodes[list].parent
        return item >= 0 && tree.nodes[item].kind == .item ? item : nil
    }

    // MARK: - Table rows

    private func headerRoles(ofTable index: Int) -> [TableRowReader.Role] {
        guard let header = tree.children(of: index).first(where: { tree.nodes[$0].kind == .tableRow(isHeader: true) })
        else { return [] }
        return tree.children(of: header).map { TableRowReader.role(ofHeader: InlineCollector.text(in: tree, at: $0)) }
    }

    private func readRow(_ index: Int, sections: SectionTracker, classifier: EntryClassifier, state: inout State) {
        let collected = tree.children(of: index).map { InlineCollector.collect(in: tree, container: $0) }
        if collected.contains(where: \.truncated) { state.diagnostics.append(truncation(index)) }
        let cells = collected.map(\.tokens)
        let links = cells.flatMap { $0.compactMap(\.link) }
        guard let mainLink = links.first(where: \.isEntryLink) else {
            if let broken = links.first(where: \.isBroken) { state.diagnostics.append(unreadable(index, link: broken)) }
            return
        }
        let sectionPath = sections.path
        let kind = kind(sections: sections, link: mainLink, classifier: classifier, state: &state)
        guard let fields = TableRowReader.read(cells: cells, roles: state.tableRoles[tree.nodes[index].parent] ?? []),
              !fields.title.isEmpty else {
            state.diagnostics.append(Diagnostic(
                .warning, code: "unparseable-item", "table row has a link but no title; it is not an entry",
                at: location(of: index)))
            return
        }
        state.diagnostics += ignoredLinks(index, links: links)
        state.drafts.append(Draft(
            fields: fields, sectionPath: sectionPath, kind: kind, line: tree.nodes[index].line, groupContext: nil))
    }

    // MARK: - Document title

    /// The first heading when it is an h1 with no entry between it and the next heading: the list's own title
    /// (`# Awesome Safety-Critical AI`), which is not a section. Lists whose first h1 directly holds entries keep it.
    private func documentTitleHeading() -> Int? {
        let headings = tree.children(of: 0).filter {
            if case .heading = tree.nodes[$0].kind { true } else { false }
        }
        guard let first = headings.first, tree.nodes[first].kind == .heading(level: 1) else { return nil }
        let end = headings.dropFirst().first ?? tree.nodes.count
        var openEnds: [Int] = []
        for j in (first + 1)..<end {
            while let last = openEnds.last, last <= j { openEnds.removeLast() }
            switch tree.nodes[j].kind {
            case .item, .tableRow(isHeader: false):
                openEnds.append(tree.nodes[j].end)
            case .link where !openEnds.isEmpty:
                if InlineCollector.link(in: tree, at: j).isEntryLink { return nil }
            default:
                break
            }
        }
        return first
    }

    // MARK: - Output

    private func entry(_ draft: Draft) -> Entry? {
        let fields = draft.fields
        guard let normalized = fields.normalizedURL else { return nil }
        return Entry(
            id: URLNormalizer.entryID(forNormalized: normalized), title: fields.title, url: fields.url,
            otherURLs: fields.otherURLs, authors: fields.authors, year: fields.year,
            organization: fields.organization,
            description: fields.description ?? draft.groupContext.map(TextNormalizer.collapseWhitespace),
            keywords: fields.keywords, sectionPaths: [draft.sectionPath], kind: draft.kind,
            githubRepo: EntryClassifier.githubRepository(of: fields.url, normalized: normalized),
            sources: [SourceLocation(file: path, line: draft.line)])
    }

    private func location(of index: Int) -> SourceLocation {
        SourceLocation(file: path, line: tree.nodes[index].line, column: tree.nodes[index].column)
    }

    private func truncation(_ index: Int) -> Diagnostic {
        Diagnostic(
            .warning, code: "long-item-truncated",
            "item text is longer than \(InlineCollector.textLimit) bytes; only the start is read", at: location(of: index))
    }

    /// One warning per link an entry leaves out (`javascript:`, `data:`, relative…), at most five per item: the
    /// site never links them, and a curator should know they are gone.
    private func ignoredLinks(_ index: Int, links: [LinkToken]) -> [Diagnostic] {
        links.filter(\.isIgnored).prefix(5).map { link in
            let target = link.url.trimmingWhitespace()
            let shown = target.isEmpty ? "an empty URL" : "'\(target.prefix(200))'"
            return Diagnostic(
                .warning, code: "ignored-link",
                "link '\(link.text.prefix(120))' points to \(shown), which is not an http(s) or mailto URL; "
                    + "the entry leaves it out", at: SourceLocation(file: path, line: link.line, column: link.column))
        }
    }

    private func unreadable(_ index: Int, link: LinkToken) -> Diagnostic {
        let target = link.url.trimmingWhitespace()
        let reason = target.isEmpty ? "has an empty URL" : "points to '\(target.prefix(200))', which is not an http(s) URL"
        let what = tree.nodes[index].kind == .item ? "list item" : "table row"
        return Diagnostic(
            .warning, code: "unparseable-item",
            "\(what) looks like an entry but its link '\(link.text.prefix(120))' \(reason); it is not an entry",
            at: location(of: index))
    }
}
