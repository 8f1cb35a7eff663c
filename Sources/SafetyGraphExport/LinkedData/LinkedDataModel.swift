import SafetyGraphCore

/// Turns the knowledge graph into linked-data nodes, one at a time and in a fixed order, so the writers can
/// stream them: the scheme, its concepts (by id); then the sections (by IRI) and the entries (by id), each
/// entry followed by its authors, its publisher and the reasons for its tags.
public struct LinkedDataModel: Sendable {
    public let graph: KnowledgeGraph
    public let vocabulary: LinkedVocabulary

    /// Per concept id: its IRI and its IRI segment, made once (every entry names a few concepts several times).
    let conceptNames: [ConceptID: (iri: String, segment: String)]

    public init(graph: KnowledgeGraph, vocabulary: LinkedVocabulary) {
        self.graph = graph
        self.vocabulary = vocabulary
        var names: [ConceptID: (iri: String, segment: String)] = [:]
        for concept in graph.scheme.concepts {
            names[concept.id] = (vocabulary.base.concept(concept.id), IRIEncoding.segment(concept.id.rawValue))
        }
        self.conceptNames = names
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
        let (sections, entries) = catalogParts()
        for node in sections { try body(node) }
        return try entries.forEachNode(ofEntries: 0..<entries.count, body)
    }

    /// The catalogue in parts that can be made at once: the section nodes, and what makes the nodes of any run of
    /// entries (runs made in order give `forEachCatalogNode`'s nodes and diagnostics).
    public func catalogParts() -> (sections: [LinkedNode], entries: EntryNodeRuns) {
        let (nodes, sectionIRIs) = sections()
        return (nodes, EntryNodeRuns(maker: EntryNodes(model: self, sectionIRIs: sectionIRIs), graph: graph))
    }

    /// Makes the nodes of runs of the graph's entries; runs can be made on several threads at once.
    public struct EntryNodeRuns: @unchecked Sendable {  // the maker holds constants only
        let maker: EntryNodes
        let graph: KnowledgeGraph

        /// How many entries there are.
        public var count: Int { graph.entries.count }

        /// The nodes of the entries in `range`, in order, each entry's node followed by its authors', publisher's
        /// and taggings'; returns the warnings met.
        public func forEachNode(ofEntries range: Range<Int>, _ body: (LinkedNode) throws -> Void) rethrows
            -> [Diagnostic]
        {
            var diagnostics: [Diagnostic] = []
            // Each entry is lent in place: iterating, or passing `entries[index]`, copied (retained) every field.
            var scratch = EntryNodes.Scratch(maker)
            // The maker's own copy of the entries: the nodes are lent their fields, which it keeps alive.
            try maker.entries.withUnsafeBufferPointer { entries in
                for index in range {
                    try maker.emit(entries.baseAddress! + index, into: &scratch, diagnostics: &diagnostics, body)
                }
            }
            return diagnostics
        }
    }

    /// One node per section path and per prefix of one (`Tools`, `Tools › Attacks`), each part of its parent, and
    /// the IRI of every such path. Each distinct path is encoded once, however many entries sit under it.
    func sections() -> (nodes: [LinkedNode], iris: [SectionKey: String]) {
        // Paths are told apart by their UTF-8 bytes, as their IRIs are (Swift's `==` would merge NFC and NFD).
        // Every path in `distinct` has its prefixes there too, so a path found there is done with one look-up: most
        // entries share their path with many others, and a look-up (and a new key) per prefix of every entry's
        // path was 1.3 % of a large build's CPU.
        var distinct: [SectionKey: [String]] = [:]
        var key: [UInt8] = []  // the path's key, in a buffer kept from path to path
        var ends: [Int] = []  // where each prefix's key ends in it
        graph.entries.withUnsafeBufferPointer { entries in  // fields read in place: no copy of each entry
            for index in entries.indices {
                for path in entries[index].entry.sectionPaths where !path.isEmpty {
                    key.removeAll(keepingCapacity: true)
                    ends.removeAll(keepingCapacity: true)
                    for name in path {
                        Self.appendSectionKey(name, to: &key)
                        ends.append(key.count)
                    }
                    if distinct[SectionKey(key)] != nil { continue }
                    for length in 1...path.count where distinct[SectionKey(Array(key[..<ends[length - 1]]))] == nil {
                        distinct[SectionKey(Array(key[..<ends[length - 1]]))] = Array(path.prefix(length))
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

    // MARK: - Helpers

    /// A section path's key: its names' UTF-8 bytes, each after an FF byte (which UTF-8 never holds), so distinct
    /// paths have distinct keys, in one array.
    static func sectionKey(_ path: [String]) -> SectionKey {
        var key: [UInt8] = []
        var count = 0
        for name in path { count += 1 + name.utf8.count }
        key.reserveCapacity(count)
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
        withUTF8Bytes(of: name) { key.append(contentsOf: $0) }  // in one copy, not byte by byte through the view
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
