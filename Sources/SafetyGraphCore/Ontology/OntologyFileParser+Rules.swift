import Yams

extension OntologyFileParser {
    // MARK: - rules.yaml

    static func rules(_ root: Node?, reader: inout YAMLNodeReader) -> RawRules {
        var rules = RawRules()
        let fields = optionalTopFields(root, allowed: RawRules.keys, context: "rules.yaml", reader: &reader)
        for field in fields {
            switch field.key {
            case "navigationSections": rules.navigationSections = reader.stringList(field, of: "the rules")
            case "authorCitationKinds": rules.authorCitationKinds = reader.stringList(field, of: "the rules")
            case "ignorePhrases": rules.ignorePhrases = reader.stringList(field, of: "the rules")
            case "kinds":
                rules.kinds = mappingItems(field, what: "a kind rule", reader: &reader).compactMap {
                    kindRule($0.node, fields: $0.fields, reader: &reader)
                }
            case "sections":
                rules.sections = mappingItems(field, what: "a section rule", reader: &reader).compactMap {
                    conceptRule($0.node, fields: $0.fields, nameKey: "section", reader: &reader)
                }
            case "organizations":
                rules.organizations = mappingItems(field, what: "an organization rule", reader: &reader).compactMap {
                    conceptRule($0.node, fields: $0.fields, nameKey: "organization", reader: &reader)
                }
            default: break
            }
        }
        return rules
    }

    private static func kindRule(
        _ node: Node, fields: [YAMLNodeReader.Field], reader: inout YAMLNodeReader
    ) -> RawKindRule? {
        let kind = fields.first { $0.key == "kind" }.flatMap { reader.string($0, of: "a kind rule", required: true) }
        let context = kind.map { "kind rule \(quoted($0.value))" } ?? "kind rule"
        let suggested = reader.checkKeys(fields, allowed: RawKindRule.keys, in: context)
        let sections = fields.first { $0.key == "sections" }.map { reader.stringList($0, of: context) }
        requireKeys(["kind", "sections"], in: fields, except: suggested, of: context, at: node, reader: &reader)
        if let sections, sections.isEmpty, let field = fields.first(where: { $0.key == "sections" }),
            case .sequence = field.value
        {
            reader.log.error(.emptyList, "\(context) lists no sections", at: field.keyLocation)
        }
        guard let kind, let sections else { return nil }
        return RawKindRule(location: reader.location(node), kind: kind, sections: sections)
    }

    /// A section rule (`section:` + `concepts:`) or an organisation rule (`organization:` + `concepts:`).
    private static func conceptRule(
        _ node: Node, fields: [YAMLNodeReader.Field], nameKey: String, reader: inout YAMLNodeReader
    ) -> RawConceptRule? {
        let name = fields.first { $0.key == nameKey }.flatMap {
            reader.string($0, of: "a \(nameKey) rule", required: true)
        }
        let context = name.map { "\(nameKey) rule \(quoted($0.value))" } ?? "\(nameKey) rule"
        let suggested = reader.checkKeys(fields, allowed: [nameKey, "concepts"], in: context)
        let concepts = fields.first { $0.key == "concepts" }.map { reader.stringList($0, of: context) }
        requireKeys([nameKey, "concepts"], in: fields, except: suggested, of: context, at: node, reader: &reader)
        if let concepts, concepts.isEmpty, let field = fields.first(where: { $0.key == "concepts" }),
            case .sequence = field.value
        {
            reader.log.error(.emptyList, "\(context) maps to no concepts", at: field.keyLocation)
        }
        guard let name, let concepts else { return nil }
        return RawConceptRule(location: reader.location(node), name: name, concepts: concepts)
    }

    // MARK: - overrides.yaml

    static func overrides(_ root: Node?, reader: inout YAMLNodeReader) -> [RawOverride] {
        let fields = optionalTopFields(root, allowed: ["overrides"], context: "overrides.yaml", reader: &reader)
        guard let field = fields.first(where: { $0.key == "overrides" }) else { return [] }
        return mappingItems(field, what: "an override", reader: &reader).compactMap {
            override($0.node, fields: $0.fields, reader: &reader)
        }
    }

    private static func override(
        _ node: Node, fields: [YAMLNodeReader.Field], reader: inout YAMLNodeReader
    ) -> RawOverride? {
        let url = fields.first { $0.key == "url" }.flatMap { reader.string($0, of: "an override", required: true) }
        let context = url.map { "override for \(quoted($0.value))" } ?? "override"
        let suggested = reader.checkKeys(fields, allowed: RawOverride.keys, in: context)
        var add: [Located<String>] = []
        var remove: [Located<String>] = []
        var note: String?
        for field in fields {
            switch field.key {
            case "add": add = reader.stringList(field, of: context)
            case "remove": remove = reader.stringList(field, of: context)
            case "note": note = reader.string(field, of: context)?.value
            default: break
            }
        }
        requireKeys(["url"], in: fields, except: suggested, of: context, at: node, reader: &reader)
        let location = reader.location(node)
        // A wrongly typed add/remove is already logged; only say "changes nothing" when the lists are well formed.
        let listsAreWellFormed = fields.filter { $0.key == "add" || $0.key == "remove" }.allSatisfy {
            if case .sequence = $0.value { return true }
            return false
        }
        let misspelt = suggested.contains("add") || suggested.contains("remove")
        if add.isEmpty, remove.isEmpty, listsAreWellFormed, !misspelt {
            reader.log.error(
                .emptyOverride, "\(context) has neither 'add' nor 'remove'; it would change nothing", at: location)
        }
        guard let url else { return nil }
        return RawOverride(location: location, url: url, add: add, remove: remove, note: note)
    }

    // MARK: - Helpers

    private static func requireKeys(
        _ keys: [String], in fields: [YAMLNodeReader.Field], except misspelt: Set<String>, of context: String,
        at node: Node, reader: inout YAMLNodeReader
    ) {
        for key in keys where !fields.contains(where: { $0.key == key }) && !misspelt.contains(key) {
            reader.log.error(.missingKey, "\(context) has no '\(key)'; it is required", at: reader.location(node))
        }
    }
}
