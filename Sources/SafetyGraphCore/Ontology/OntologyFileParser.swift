import Yams

/// Reads the node tree of each ontology file into drafts, checking shape only: mappings where mappings belong,
/// known keys, the right types, required keys present and non-empty. References between files are checked later
/// by `OntologyValidator`.
enum OntologyFileParser {
    // MARK: - scheme.yaml

    static let schemeKeys = ["id", "title", "definition"]

    static func scheme(_ root: Node?, reader: inout YAMLNodeReader) -> RawScheme? {
        guard let root else {
            reader.log.error(
                .missingKey, "file is empty; it must give the scheme's id, title and definition",
                at: SourceLocation(file: reader.file, line: 1, column: 1))
            return nil
        }
        guard let fields = reader.fields(of: root, what: "the top level of the file") else { return nil }
        let suggested = reader.checkKeys(fields, allowed: schemeKeys, in: "the scheme")
        var values: [String: Located<String>] = [:]
        for field in fields where schemeKeys.contains(field.key) {
            values[field.key] = reader.string(field, of: "the scheme", required: true)
        }
        for key in schemeKeys where !fields.contains(where: { $0.key == key }) && !suggested.contains(key) {
            reader.log.error(.missingKey, "the scheme has no '\(key)'; it is required", at: reader.location(root))
        }
        guard let id = values["id"], let title = values["title"], let definition = values["definition"] else {
            return nil
        }
        if !ConceptID.isValid(id.value) {
            reader.log.error(
                .invalidID, "scheme id \(quoted(id.value)) is not valid: \(OntologyValidator.idRule)",
                at: id.location)
        }
        return RawScheme(id: id, title: title, definition: definition)
    }

    // MARK: - concepts/*.yaml

    static func concepts(_ root: Node?, reader: inout YAMLNodeReader) -> [RawConcept] {
        guard let root else {
            reader.log.error(
                .missingKey, "file is empty; a concept file holds a 'concepts' list",
                at: SourceLocation(file: reader.file, line: 1, column: 1))
            return []
        }
        guard let fields = reader.fields(of: root, what: "the top level of the file") else { return [] }
        let suggested = reader.checkKeys(fields, allowed: ["concepts"], in: "a concept file")
        guard let field = fields.first(where: { $0.key == "concepts" }) else {
            if suggested.contains("concepts") { return [] }
            reader.log.error(
                .missingKey, "a concept file needs a 'concepts' list at the top level", at: reader.location(root))
            return []
        }
        guard case .sequence(let items) = field.value else {
            reader.log.error(
                .wrongType,
                "'concepts' must be a list of concept mappings, not \(YAMLNodeReader.describe(field.value))",
                at: reader.location(field.value))
            return []
        }
        if items.isEmpty {
            reader.log.warning(.noConcepts, "this file defines no concepts", at: field.keyLocation)
        }
        return items.compactMap { concept($0, reader: &reader) }
    }

    private static func concept(_ node: Node, reader: inout YAMLNodeReader) -> RawConcept? {
        guard let fields = reader.fields(of: node, what: "a concept") else { return nil }
        var concept = RawConcept(location: reader.location(node))
        if let field = fields.first(where: { $0.key == "id" }) {
            concept.id = reader.string(field, of: "a concept", required: true)
        }
        let name = concept.name
        let suggested = reader.checkKeys(fields, allowed: RawConcept.keys, in: name)
        for field in fields {
            switch field.key {
            case "prefLabel": concept.prefLabel = reader.string(field, of: name, required: true)
            case "altLabels": concept.altLabels = reader.stringList(field, of: name)
            case "hiddenLabels": concept.hiddenLabels = reader.stringList(field, of: name)
            case "definition": concept.definition = reader.string(field, of: name, required: true)
            case "scopeNote": concept.scopeNote = reader.string(field, of: name)
            case "broader": concept.broader = reader.stringList(field, of: name)
            case "related": concept.related = reader.stringList(field, of: name)
            case "exactMatch": concept.exactMatch = reader.stringList(field, of: name)
            case "closeMatch": concept.closeMatch = reader.stringList(field, of: name)
            default: break  // "id" is read above; unknown keys are logged by checkKeys
            }
        }
        for key in ["id", "prefLabel", "definition"]
        where !fields.contains(where: { $0.key == key }) && !suggested.contains(key) {
            let what = key == "definition" ? "definition" : "'\(key)'"
            reader.log.error(.missingKey, "\(name) has no \(what); it is required", at: concept.location)
        }
        return concept
    }

    // MARK: - Top level of optional files

    /// The top-level fields of an optional file (rules, overrides); an empty document is an empty mapping.
    static func optionalTopFields(
        _ root: Node?, allowed: [String], context: String, reader: inout YAMLNodeReader
    ) -> [YAMLNodeReader.Field] {
        guard let root else { return [] }
        guard let fields = reader.fields(of: root, what: "the top level of the file") else { return [] }
        reader.checkKeys(fields, allowed: allowed, in: context)
        return fields
    }

    /// The items of a list field that must hold mappings; anything else is logged and skipped.
    static func mappingItems(
        _ field: YAMLNodeReader.Field, what: String, reader: inout YAMLNodeReader
    ) -> [(node: Node, fields: [YAMLNodeReader.Field])] {
        guard case .sequence(let items) = field.value else {
            reader.log.error(
                .wrongType, "'\(field.key)' must be a list of mappings, not \(YAMLNodeReader.describe(field.value))",
                at: reader.location(field.value))
            return []
        }
        return items.compactMap { item in reader.fields(of: item, what: what).map { (item, $0) } }
    }
}
