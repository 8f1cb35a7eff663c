import SafetyGraphCore

/// Turns the knowledge graph into linked-data nodes, one at a time and in a fixed order, so the writers can
/// stream them: the scheme, its concepts (by id); then the sections (by IRI) and the entries (by id), each
/// entry followed by its authors, its publisher and the reasons for its tags.
public struct LinkedDataModel: Sendable {
    public let graph: KnowledgeGraph
    public let vocabulary: LinkedVocabulary

    /// Per concept id: its IRI and its IRI segment, made once (every entry names a few concepts several times).
    private let conceptNames: [ConceptID: (iri: String, segment: String)]

    public init(graph: KnowledgeGraph, vocabulary: LinkedVocabulary) {
        self.graph = graph
        self.vocabulary = vocabulary
        var names: [ConceptID: (iri: String, segment: String)] = [:]
        for concept in graph.scheme.concepts {
            names[concept.id] = (vocabulary.base.concept(concept.id), IRIEncoding.segment(concept.id.rawValue))
        }
        self.conceptNames = names
    }

    /// A concept's IRI and segment (made here for a concept outside the scheme, which the callers filter out).
    private func conceptName(_ id: ConceptID) -> (iri: String, segment: String) {
        conceptNames[id] ?? (base.concept(id), IRIEncoding.segment(id.rawValue))
    }

    private var base: LinkedDataBase { vocabulary.base }

    // MARK: - The scheme

    /// The concept scheme and every concept, as SKOS.
    public func forEachSchemeNode(_ body: (LinkedNode) throws -> Void) rethrows -> [Diagnostic] {
        let v = vocabulary
        let scheme = graph.scheme
        var diagnostics: [Diagnostic] = []

        var node = LinkedNode(iri: base.scheme, types: [v.conceptScheme])
        node.add(v.identifier, scheme.id)
        node.add(v.prefLabel, scheme.title)
        node.add(v.title, scheme.title)
        node.add(v.definition, scheme.definition)
        node.add(v.hasTopConcept, scheme.topConcepts.map { base.concept($0.id) })
        node.normalize(v)
        try body(node)

        for concept in scheme.concepts {
            var node = LinkedNode(iri: base.concept(concept.id), types: [v.concept])
            node.add(v.identifier, concept.id.rawValue)
            node.add(v.prefLabel, concept.prefLabel)
            node.add(v.altLabel, concept.altLabels)
            node.add(v.hiddenLabel, concept.hiddenLabels)
            node.add(v.definition, concept.definition)
            node.add(v.scopeNote, concept.scopeNote)
            node.add(v.broader, concept.broader.filter(scheme.contains).map(base.concept))
            node.add(v.narrower, scheme.narrower(concept.id).map(base.concept))
            node.add(v.related, concept.related.filter(scheme.contains).map(base.concept))
            node.add(v.inScheme, base.scheme)
            if concept.isFacet { node.add(v.topConceptOf, base.scheme) }
            for (property, links) in [(v.exactMatch, concept.exactMatch), (v.closeMatch, concept.closeMatch)] {
                for link in links {
                    guard let iri = IRIEncoding.webIRI(link) else {
                        diagnostics.append(Self.skipped(link, what: "\(property.term) of concept '\(concept.id)'", at: concept.location))
                        continue
                    }
                    if iri != link { diagnostics.append(Self.encoded(link, iri, at: concept.location)) }
                    node.add(property, iri)
                }
            }
            node.normalize(v)
            try body(node)
        }
        return diagnostics
    }

    // MARK: - The catalogue

    /// Every section and every entry (with its authors, publisher and taggings), as schema.org and our terms.
    public func forEachCatalogNode(_ body: (LinkedNode) throws -> Void) rethrows -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let (nodes, sectionIRIs) = sections()
        for node in nodes { try body(node) }
        // Each entry is lent in place: iterating, or passing `entries[index]`, copied (retained) every field of it.
        // The nodes made per entry are made in the same few values, reset each time: their arrays are kept.
        var scratch = Scratch(vocabulary)
        try graph.entries.withUnsafeBufferPointer { entries in
            for index in entries.indices {
                try forEachNode(
                    of: entries.baseAddress! + index, sectionIRIs: sectionIRIs, diagnostics: &diagnostics,
                    scratch: &scratch, body)
            }
        }
        return diagnostics
    }

    /// The nodes `forEachNode` fills, one per kind, kept from entry to entry.
    private struct Scratch {
        var entry, author, publisher, reason: LinkedNode
        init(_ v: LinkedVocabulary) {
            entry = LinkedNode(iri: "", types: [], capacity: 32)
            author = LinkedNode(iri: "", types: [v.person], capacity: 1)
            publisher = LinkedNode(iri: "", types: [v.organization], capacity: 1)
            reason = LinkedNode(iri: "", types: [v.tagging], capacity: 5)
        }
    }

    /// One node per section path and per prefix of one (`Tools`, `Tools › Attacks`), each part of its parent, and
    /// the IRI of every such path. Each distinct path is encoded once, however many entries sit under it.
    func sections() -> (nodes: [LinkedNode], iris: [SectionKey: String]) {
        // Paths are told apart by their UTF-8 bytes, as their IRIs are (Swift's `==` would merge NFC and NFD).
        var distinct: [SectionKey: [String]] = [:]
        graph.entries.withUnsafeBufferPointer { entries in  // fields read in place: no copy of each entry
            for index in entries.indices {
                for path in entries[index].entry.sectionPaths where !path.isEmpty {
                    var key: [UInt8] = []
                    for length in 1...path.count {
                        Self.appendSectionKey(path[length - 1], to: &key)
                        if distinct[SectionKey(key)] == nil { distinct[SectionKey(key)] = Array(path.prefix(length)) }
                    }
                }
            }
        }
        var nodes: [String: LinkedNode] = [:]  // keyed by IRI, which is ASCII: exact, no canonical equivalence
        var iris: [SectionKey: String] = [:]
        for (key, prefix) in distinct {
            let iri = base.section(prefix)
            iris[key] = iri
            if nodes[iri] != nil { continue }
            var node = LinkedNode(iri: iri, types: [vocabulary.section])
            node.add(vocabulary.name, prefix.joined(separator: " › "))
            if prefix.count > 1 { node.add(vocabulary.isPartOf, base.section(Array(prefix.dropLast()))) }
            nodes[iri] = node.normalized(vocabulary)
        }
        return (nodes.keys.sorted().compactMap { nodes[$0] }, iris)
    }

    private func forEachNode(
        of tagged: UnsafePointer<TaggedEntry>, sectionIRIs: [SectionKey: String], diagnostics: inout [Diagnostic],
        scratch: inout Scratch, _ body: (LinkedNode) throws -> Void
    ) rethrows {
        let v = vocabulary
        // Fields are read in place through a pointer into the graph's entries: a copy of the entry (passed by value
        // or bound to a local) retained and released every one of its fields.
        let iri = base.entry(tagged.pointee.entry.id)
        let location = tagged.pointee.entry.sources.first

        let scheme = graph.scheme
        let allKnown = tagged.pointee.tags.allSatisfy { scheme.contains($0.concept) }  // the usual case: no new array
        let tags = allKnown ? tagged.pointee.tags : tagged.pointee.tags.filter { scheme.contains($0.concept) }

        scratch.entry.reset(iri: iri, type: SchemaTypeMapping.type(of: tagged.pointee.entry.kind))
        fill(&scratch.entry, from: tagged, tags: tags, sectionIRIs: sectionIRIs, diagnostics: &diagnostics)
        if !allKnown {
            let unknown = tagged.pointee.tags.filter { !scheme.contains($0.concept) }.map(\.concept.rawValue)
            diagnostics.append(
                Diagnostic(
                    .warning, code: "tag-not-in-scheme",
                    "entry '\(tagged.pointee.entry.id)': tags \(unknown.joined(separator: ", ")) name no concept of the scheme; left out of the linked data",
                    at: location))
        }
        scratch.entry.normalize(v)
        try body(scratch.entry)

        for (i, name) in tagged.pointee.entry.authors.enumerated() {
            scratch.author.reset(iri: LinkedDataBase.author(i + 1, ofEntryIRI: iri), type: v.person)
            scratch.author.add(v.name, name)
            try body(scratch.author)
        }
        if let organization = tagged.pointee.entry.organization {
            scratch.publisher.reset(iri: LinkedDataBase.publisher(ofEntryIRI: iri), type: v.organization)
            scratch.publisher.add(v.name, organization)
            try body(scratch.publisher)
        }
        for tag in tags {
            let concept = conceptName(tag.concept)
            for (i, provenance) in tag.provenance.sorted().enumerated() {
                scratch.reason.reset(
                    iri: LinkedDataBase.tagging(i + 1, conceptSegment: concept.segment, onEntryIRI: iri), type: v.tagging)
                scratch.reason.add(v.taggedEntry, iri)
                scratch.reason.add(v.taggedConcept, concept.iri)
                scratch.reason.add(v.rule, v.ruleIRIs[provenance.rule])
                scratch.reason.add(v.term, provenance.term)
                scratch.reason.add(v.field, provenance.field?.rawValue)
                scratch.reason.normalize(v)
                try body(scratch.reason)
            }
        }
    }

    /// Says in `node` (an entry's, reset to its IRI and type) everything about the entry: the links that are no
    /// IRIs are reported in `diagnostics`.
    private func fill(
        _ node: inout LinkedNode, from tagged: UnsafePointer<TaggedEntry>, tags: [Tag], sectionIRIs: [SectionKey: String],
        diagnostics: inout [Diagnostic]
    ) {
        let v = vocabulary
        let iri = node.iri
        let location = tagged.pointee.entry.sources.first
        node.add(v.identifier, tagged.pointee.entry.id.rawValue)
        node.add(v.name, tagged.pointee.entry.title)
        node.add(v.kind, tagged.pointee.entry.kind.rawValue)
        node.add(v.description, tagged.pointee.entry.description)
        node.add(v.keywords, tagged.pointee.entry.keywords)
        node.add(v.datePublished, tagged.pointee.entry.year.map(Self.gYear))
        // The main URL, then the others (without making an array of pairs per entry).
        for index in -1..<tagged.pointee.entry.otherURLs.count {
            let (property, link) = index < 0 ? (v.url, tagged.pointee.entry.url) : (v.sameAs, tagged.pointee.entry.otherURLs[index])
            guard let linkIRI = IRIEncoding.webIRI(link) else {
                diagnostics.append(Self.skipped(link, what: "\(property.term) of entry '\(tagged.pointee.entry.id)'", at: location))
                continue
            }
            if linkIRI != link { diagnostics.append(Self.encoded(link, linkIRI, at: location)) }
            node.add(property, linkIRI)
        }
        if let repo = tagged.pointee.entry.githubRepo, let repoIRI = IRIEncoding.webIRI("https://github.com/" + repo) {
            node.add(v.codeRepository, repoIRI)
        }
        node.add(v.isPartOf, tagged.pointee.entry.sectionPaths.lazy.filter { !$0.isEmpty }.map { path in
            sectionIRIs[Self.sectionKey(path)] ?? base.section(path)
        })
        node.add(v.author, tagged.pointee.entry.authors.indices.lazy.map { LinkedDataBase.author($0 + 1, ofEntryIRI: iri) })
        if tagged.pointee.entry.organization != nil { node.add(v.publisher, LinkedDataBase.publisher(ofEntryIRI: iri)) }
        let conceptIRIs = tags.lazy.map { conceptName($0.concept).iri }
        node.add(v.subject, conceptIRIs)
        node.add(v.about, conceptIRIs)
    }

    // MARK: - Helpers

    /// A section path's key: its names' UTF-8 bytes, each after an FF byte (which UTF-8 never holds), so distinct
    /// paths have distinct keys, in one array.
    static func sectionKey(_ path: [String]) -> SectionKey {
        var key: [UInt8] = []
        for name in path { appendSectionKey(name, to: &key) }
        return SectionKey(key)
    }

    /// A section path's key bytes, hashed in one call (an array of bytes hashes byte by byte).
    struct SectionKey: Hashable {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }

    static func appendSectionKey(_ name: String, to key: inout [UInt8]) {
        key.append(0xFF)
        key.append(contentsOf: name.utf8)
    }

    /// A year as an `xsd:gYear` lexical form: at least four digits, a minus sign before years BCE.
    static func gYear(_ year: Int) -> String {
        let digits = String(year.magnitude)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return year < 0 ? "-" + padded : padded
    }

    static func encoded(_ raw: String, _ iri: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .warning, code: "url-not-iri",
            "the link '\(raw)' is not a valid IRI; the linked data holds it percent-encoded as '\(iri)'", at: location)
    }

    static func skipped(_ raw: String, what: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(
            .warning, code: "url-not-iri", "the \(what), '\(raw)', is not an http(s) IRI; left out of the linked data",
            at: location)
    }
}
