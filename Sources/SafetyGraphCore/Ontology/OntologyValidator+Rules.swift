extension OntologyValidator {
    // MARK: - rules.yaml: how lists are read

    /// Kind rules, author-citation kinds and navigation sections; lists not given fall back to
    /// `IngestRules.standard`.
    mutating func checkIngestRules(_ rules: RawRules) -> IngestRules {
        var kindRules: [KindRule] = []
        var declaredKinds: [String: SourceLocation] = [:]
        var sectionKinds: [String: (kind: String, location: SourceLocation)] = [:]
        for rule in rules.kinds {
            let kind = rule.kind.value
            if !ConceptID.isValid(kind) {
                log.error(.invalidKind, kindAdvice(kind), at: rule.kind.location)
            } else if let first = declaredKinds[kind] {
                log.warning(
                    .duplicateItem, "kind \(quoted(kind)) is declared twice (first at \(first)); both rules apply",
                    at: rule.kind.location)
            } else {
                declaredKinds[kind] = rule.kind.location
            }
            for section in rule.sections {
                let key = LabelNormalizer.normalize(section.value)
                guard let first = sectionKinds[key] else {
                    sectionKinds[key] = (kind, section.location)
                    continue
                }
                if first.kind == kind {
                    log.warning(
                        .duplicateItem, "section \(quoted(section.value)) is listed twice for kind \(quoted(kind))",
                        at: section.location)
                } else {
                    log.error(
                        .conflictingKind,
                        "section \(quoted(section.value)) is mapped to kind \(quoted(kind)) and already to kind "
                            + "\(quoted(first.kind)) at \(first.location); a section gives one kind",
                        at: section.location)
                }
            }
            kindRules.append(
                KindRule(kind: EntryKind(kind), sections: rule.sections.map(\.value), location: rule.location))
        }

        var authorKinds = IngestRules.standard.authorCitationKinds
        if let given = rules.authorCitationKinds {
            for item in given {
                if !ConceptID.isValid(item.value) {
                    log.error(.invalidKind, kindAdvice(item.value), at: item.location)
                } else if declaredKinds[item.value] == nil {
                    log.warning(
                        .unknownKind,
                        "authorCitationKinds names kind \(quoted(item.value)), which no kind rule declares",
                        at: item.location)
                }
            }
            authorKinds = OntologyValidator.unique(given.map(\.value)).map { EntryKind($0) }
        }

        var navigation = IngestRules.standard.navigationSections
        if let given = rules.navigationSections {
            warnAboutRepeats(given, what: "navigation section")
            navigation = uniqueByNormalizedForm(given.map(\.value))
        }
        return IngestRules(navigationSections: navigation, kindRules: kindRules, authorCitationKinds: authorKinds)
    }

    private func kindAdvice(_ kind: String) -> String {
        "kind \(quoted(kind)) is not lowercase kebab-case: \(OntologyValidator.idAdvice(kind))"
    }

    // MARK: - rules.yaml and overrides.yaml: how entries are tagged

    /// Section and organisation rules, ignore phrases and overrides. Call after the label check, which fills
    /// `labelUses`.
    mutating func checkTaggingRules(_ rules: RawRules, overrides: [RawOverride]) -> TaggingRules {
        let sectionRules = checkConceptRules(rules.sections, what: "section").map {
            SectionRule(
                section: $0.name.value, concepts: $0.concepts.map { ConceptID($0.value) }, location: $0.location)
        }
        let organizationRules = checkConceptRules(rules.organizations, what: "organization").map {
            OrganizationRule(
                organization: $0.name.value, concepts: $0.concepts.map { ConceptID($0.value) }, location: $0.location)
        }
        for phrase in rules.ignorePhrases {
            let normalized = LabelNormalizer.normalize(phrase.value)
            if normalized.isEmpty {
                log.error(
                    .emptyLabel, "ignore phrase \(quoted(phrase.value)) has no letters or digits", at: phrase.location)
            } else if let use = labelUses[normalized] {
                log.error(
                    .ignorePhraseIsLabel,
                    "ignore phrase \(quoted(phrase.value)) is also the \(use.field) \(quoted(use.label)) of concept "
                        + "\(quoted(use.concept)) at \(use.location); it would stop that label from ever matching",
                    at: phrase.location)
            }
        }
        warnAboutRepeats(rules.ignorePhrases, what: "ignore phrase")
        return TaggingRules(
            sectionRules: sectionRules, organizationRules: organizationRules,
            ignorePhrases: uniqueByNormalizedForm(rules.ignorePhrases.map(\.value)),
            overrides: checkOverrides(overrides))
    }

    /// Checks section or organisation rules: a usable name, concepts that exist, listed once.
    private mutating func checkConceptRules(_ rules: [RawConceptRule], what: String) -> [RawConceptRule] {
        var names: [String: SourceLocation] = [:]
        for rule in rules {
            let subject = "\(what) rule \(quoted(rule.name.value))"
            let normalized = LabelNormalizer.normalize(rule.name.value)
            if normalized.isEmpty {
                log.error(
                    .emptyLabel, "\(what) name \(quoted(rule.name.value)) has no letters or digits",
                    at: rule.name.location)
            } else if let first = names[normalized] {
                log.warning(
                    .duplicateItem, "\(subject) is given twice (first at \(first)); both apply", at: rule.name.location)
            } else {
                names[normalized] = rule.name.location
            }
            var seen: Set<String> = []
            for concept in rule.concepts {
                if !seen.insert(concept.value).inserted {
                    log.warning(
                        .duplicateItem, "\(subject) lists concept \(quoted(concept.value)) twice", at: concept.location)
                } else {
                    checkExists(concept, subject: "\(subject) names concept")
                }
            }
        }
        return rules.map { rule in
            var rule = rule
            var seen: Set<String> = []
            rule.concepts = rule.concepts.filter { seen.insert($0.value).inserted }
            return rule
        }
    }

    /// Checks overrides: an http(s) URL given once, concepts that exist, something to do, no concept both added
    /// and removed.
    private mutating func checkOverrides(_ overrides: [RawOverride]) -> [TagOverride] {
        var urls: [String: SourceLocation] = [:]
        var result: [TagOverride] = []
        for override in overrides {
            let subject = "override for \(quoted(override.url.value))"
            if let normalized = URLNormalizer.normalize(override.url.value), !override.url.value.hasPrefix("<") {
                if let first = urls[normalized] {
                    log.error(
                        .duplicateOverride,
                        "\(subject) repeats the override at \(first) (the same URL once normalised); merge them",
                        at: override.url.location)
                } else {
                    urls[normalized] = override.url.location
                }
            } else {
                log.error(
                    .invalidURL, "override url \(quoted(override.url.value)) is not an absolute http(s) URL",
                    at: override.url.location)
            }
            for (verb, items) in [("adds", override.add), ("removes", override.remove)] {
                var seen: Set<String> = []
                for item in items where seen.insert(item.value).inserted {
                    checkExists(item, subject: "\(subject) \(verb) concept")
                }
            }
            let added = Set(override.add.map(\.value))
            for item in override.remove where added.contains(item.value) {
                log.error(
                    .conflictingOverride, "\(subject) both adds and removes concept \(quoted(item.value))",
                    at: item.location)
            }
            result.append(
                TagOverride(
                    url: override.url.value,
                    add: OntologyValidator.unique(override.add.map(\.value)).map { ConceptID($0) },
                    remove: OntologyValidator.unique(override.remove.map(\.value)).map { ConceptID($0) },
                    note: override.note, location: override.location))
        }
        return result
    }

    // MARK: - Helpers

    private mutating func warnAboutRepeats(_ items: [Located<String>], what: String) {
        var seen: [String: SourceLocation] = [:]
        for item in items {
            let key = LabelNormalizer.normalize(item.value)
            if let first = seen[key] {
                log.warning(
                    .duplicateItem, "\(what) \(quoted(item.value)) is listed twice (first at \(first))",
                    at: item.location)
            } else {
                seen[key] = item.location
            }
        }
    }

    private func uniqueByNormalizedForm(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert(LabelNormalizer.normalize($0)).inserted }
    }
}
