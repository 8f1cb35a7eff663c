/// Cross-checks the drafts of all ontology files and, when nothing is wrong, builds the model.
///
/// Checks: concept ids (valid, unique), references (`broader`, `related`, rule and override concepts exist, no
/// concept names itself), `broader` has no cycle, labels (none empty once normalised, none shared by two
/// concepts), external IRIs, then the rules and overrides (see `OntologyValidator+Rules.swift`). Concepts are
/// visited in reading order, so "the second" of two clashing things is the later one in the files.
struct OntologyValidator {
    /// How a valid id looks, for messages.
    static let idRule =
        "use lowercase ASCII letters and digits in groups joined by single hyphens, at most 64 characters"

    var log = DiagnosticLog()
    /// Every id defined (valid or not, so one bad id does not also make every reference to it dangle) → its concept.
    private(set) var defined: [String: RawConcept] = [:]
    /// The first concept of each id, in reading order.
    private(set) var concepts: [RawConcept] = []
    /// Normalised label → its first use, shared with the ignore-phrase check.
    private(set) var labelUses: [String: LabelUse] = [:]
    /// Label as written → its normalised form, from `checkLabels`, so that `buildConcepts` does not tokenize every
    /// label a second time (13 M instructions for the shipped ontology's 1,800 labels).
    private var normalizedLabels: [String: String] = [:]

    struct LabelUse {
        var concept: String
        var field: String
        var label: String
        var location: SourceLocation
    }

    // MARK: - Entry point

    /// The validated ontology, or nil when any error was logged (here or before, in `log`).
    mutating func validate(_ draft: OntologyDraft) -> Ontology? {
        checkIDs(draft.concepts)
        for concept in concepts { checkReferences(of: concept) }
        checkCycles()
        checkLabels()
        let ingest = checkIngestRules(draft.rules)
        let tagging = checkTaggingRules(draft.rules, overrides: draft.overrides)
        guard !log.hasErrors, let scheme = draft.scheme else { return nil }
        return Ontology(
            scheme: ConceptScheme(
                id: scheme.id.value, title: scheme.title.value, definition: scheme.definition.value,
                concepts: buildConcepts()),
            ingest: ingest, tagging: tagging)
    }

    // MARK: - Ids

    private mutating func checkIDs(_ drafts: [RawConcept]) {
        var lowercaseIDs: [String: Located<String>] = [:]
        for concept in drafts {
            guard let id = concept.id, id.value == id.value.lowercased() else { continue }
            if lowercaseIDs[id.value] == nil { lowercaseIDs[id.value] = id }
        }
        for concept in drafts {
            guard let id = concept.id else { continue }  // already logged as missing
            if let first = defined[id.value] {
                log.error(
                    .duplicateID,
                    "concept id \(quoted(id.value)) is defined twice; first at \(first.id?.location ?? first.location)",
                    at: id.location)
                continue
            }
            if !ConceptID.isValid(id.value) {
                var message = "concept id \(quoted(id.value)) is not valid: \(Self.idAdvice(id.value))"
                if let twin = lowercaseIDs[id.value.lowercased()], twin.value != id.value {
                    message =
                        "concept id \(quoted(id.value)) differs only in case from \(quoted(twin.value)) at "
                        + "\(twin.location); ids are lowercase so that this cannot happen: \(Self.idRule)"
                }
                log.error(.invalidID, message, at: id.location)
            }
            defined[id.value] = concept
            concepts.append(concept)
        }
    }

    /// Why an id is invalid and what to write instead.
    static func idAdvice(_ raw: String) -> String {
        var advice = idRule
        if raw.unicodeScalars.contains(where: { ("A"..."Z").contains($0) }) {
            advice += "; ids are lowercase, so no two ids can differ only in case"
        }
        let slug = slugify(raw)
        if slug != raw, ConceptID.isValid(slug) { advice += " (try '\(slug)')" }
        return advice
    }

    /// A kebab-case guess at what an invalid id meant: `Foo Bar/baz` → `foo-bar-baz`.
    static func slugify(_ raw: String) -> String {
        var slug = ""
        for scalar in LabelNormalizer.normalize(raw).unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }

    // MARK: - References

    private mutating func checkReferences(of concept: RawConcept) {
        guard let id = concept.id?.value else { return }
        for (field, items) in [("broader", concept.broader), ("related", concept.related)] {
            var seen: Set<String> = []
            for item in items {
                if item.value == id {
                    log.error(.selfReference, "concept \(quoted(id)) names itself as \(field)", at: item.location)
                } else if !seen.insert(item.value).inserted {
                    log.warning(
                        .duplicateItem, "concept \(quoted(id)) lists \(field) \(quoted(item.value)) twice",
                        at: item.location)
                } else {
                    checkExists(item, subject: "concept \(quoted(id)) names \(field)")
                }
            }
        }
        let broader = Set(concept.broader.map(\.value))
        for item in concept.related where broader.contains(item.value) && item.value != id {
            log.warning(
                .broaderAndRelated,
                "concept \(quoted(id)) names \(quoted(item.value)) both as broader and as related; keep only broader",
                at: item.location)
        }
        for (field, items) in [("exactMatch", concept.exactMatch), ("closeMatch", concept.closeMatch)] {
            var seen: Set<String> = []
            for item in items {
                if !Self.isIRI(item.value) {
                    log.error(
                        .invalidIRI,
                        "\(field) of concept \(quoted(id)) must be an absolute http(s) IRI, not \(quoted(item.value))",
                        at: item.location)
                } else if !seen.insert(item.value).inserted {
                    log.warning(
                        .duplicateItem, "concept \(quoted(id)) lists \(field) \(quoted(item.value)) twice",
                        at: item.location)
                }
            }
        }
    }

    /// Logs `subject 'y', which does not exist` (with a spelling hint) unless the concept `item` names exists.
    /// `subject` is only made for a message: quoting an id for it costs 20 K instructions, and every reference
    /// of every concept is checked.
    mutating func checkExists(_ item: Located<String>, subject: @autoclosure () -> String) {
        guard defined[item.value] == nil else { return }
        let hint =
            Spelling.closest(to: item.value, among: defined.keys.sorted()).map { "; did you mean '\($0)'?" } ?? ""
        log.error(
            .danglingReference, "\(subject()) \(quoted(item.value)), which does not exist\(hint)", at: item.location)
    }

    /// An absolute http(s) IRI: scheme, host, no spaces or control characters, no angle brackets.
    static func isIRI(_ value: String) -> Bool {
        !value.hasPrefix("<") && URLNormalizer.webScheme(of: value) != nil && URLNormalizer.isWebURL(value)
    }

    // MARK: - Cycles

    /// Finds every cycle through `broader` with an iterative depth-first search (no recursion, so a long chain
    /// cannot overflow the stack). Each back edge found is one error, at the `broader` item that closes it.
    private mutating func checkCycles() {
        var edges: [String: [Located<String>]] = [:]
        for concept in concepts {
            guard let id = concept.id?.value else { continue }
            var seen: Set<String> = []
            edges[id] = concept.broader.filter {
                $0.value != id && defined[$0.value] != nil && seen.insert($0.value).inserted
            }
        }
        enum Mark { case onPath, done }
        var marks: [String: Mark] = [:]
        for root in edges.keys.sorted() where marks[root] == nil {
            var stack: [(id: String, next: Int)] = [(root, 0)]
            marks[root] = .onPath
            while let top = stack.last {
                let targets = edges[top.id] ?? []
                guard top.next < targets.count else {
                    marks[top.id] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let target = targets[top.next]
                switch marks[target.value] {
                case nil:
                    marks[target.value] = .onPath
                    stack.append((target.value, 0))
                case .onPath:
                    guard let start = stack.lastIndex(where: { $0.id == target.value }) else { continue }
                    let path = (stack[start...].map(\.id) + [target.value]).joined(separator: " → ")
                    log.error(
                        .broaderCycle,
                        "broader cycle \(path): concept \(quoted(top.id)) names broader \(quoted(target.value))",
                        at: target.location)
                case .done:
                    break
                }
            }
        }
    }

    // MARK: - Labels

    private mutating func checkLabels() {
        for concept in concepts {
            guard let id = concept.id?.value else { continue }
            let labels =
                (concept.prefLabel.map { [("prefLabel", $0)] } ?? []) + concept.altLabels.map { ("altLabels", $0) }
                + concept.hiddenLabels.map { ("hiddenLabels", $0) }
            for (field, label) in labels {
                let normalized = LabelNormalizer.normalize(label.value)
                normalizedLabels[label.value] = normalized
                guard !normalized.isEmpty else {
                    log.error(
                        .emptyLabel,
                        "\(field) \(quoted(label.value)) of concept \(quoted(id)) has no letters or digits",
                        at: label.location)
                    continue
                }
                guard let first = labelUses[normalized] else {
                    labelUses[normalized] = LabelUse(
                        concept: id, field: field, label: label.value, location: label.location)
                    continue
                }
                if first.concept == id {
                    log.warning(
                        .duplicateLabel,
                        "concept \(quoted(id)) lists label \(quoted(label.value)) twice (first as \(first.field) "
                            + "\(quoted(first.label)) at \(first.location))",
                        at: label.location)
                } else {
                    log.error(
                        .labelCollision,
                        "label \(quoted(label.value)) of concept \(quoted(id)) is also a label of concept "
                            + "\(quoted(first.concept)) (\(first.field) \(quoted(first.label)) at \(first.location)); "
                            + "a label must name one concept",
                        at: label.location)
                }
            }
        }
    }

    // MARK: - Building

    /// The concepts of the scheme: lists without repeats, `related` made symmetric and sorted.
    private func buildConcepts() -> [Concept] {
        var related: [String: Set<String>] = [:]
        for concept in concepts {
            guard let id = concept.id?.value else { continue }
            for target in concept.related.map(\.value) where target != id {
                related[id, default: []].insert(target)
                related[target, default: []].insert(id)
            }
        }
        return concepts.compactMap { draft -> Concept? in
            guard let id = draft.id?.value, let prefLabel = draft.prefLabel?.value,
                let definition = draft.definition?.value
            else { return nil }
            func normalized(_ label: String) -> String { normalizedLabels[label] ?? LabelNormalizer.normalize(label) }
            var seenLabels: Set<String> = [normalized(prefLabel)]
            let altLabels = draft.altLabels.map(\.value).filter { seenLabels.insert(normalized($0)).inserted }
            let hiddenLabels = draft.hiddenLabels.map(\.value).filter { seenLabels.insert(normalized($0)).inserted }
            return Concept(
                id: ConceptID(id), prefLabel: prefLabel, altLabels: altLabels, hiddenLabels: hiddenLabels,
                definition: definition, scopeNote: draft.scopeNote?.value,
                broader: Self.unique(draft.broader.map(\.value)).map { ConceptID($0) },
                related: (related[id] ?? []).sorted().map { ConceptID($0) },
                exactMatch: Self.unique(draft.exactMatch.map(\.value)),
                closeMatch: Self.unique(draft.closeMatch.map(\.value)),
                location: draft.location)
        }
    }

    /// `values` without repeats, first occurrence kept.
    static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
