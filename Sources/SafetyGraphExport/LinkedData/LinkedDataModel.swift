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
        fileprivate let maker: EntryNodes
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
            var scratch = EntryNodes.Scratch(maker.v)
            try graph.entries.withUnsafeBufferPointer { entries in
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

    /// Makes the nodes of one entry after another: what they share is held here once, and the nodes themselves
    /// are the same four values reset for each (their arrays kept). A class, so that nothing per entry copies the
    /// model (a closure capturing it retained every array of the graph); the nodes are in a `Scratch` the caller
    /// lends, not in the class, whose mutable properties are checked for exclusive access at every use.
    fileprivate final class EntryNodes {
        let v: LinkedVocabulary
        let base: LinkedDataBase
        let scheme: ConceptScheme
        let conceptNames: [ConceptID: (iri: String, segment: String)]
        let sectionIRIs: [SectionKey: String]
        /// `base.entryNamespace`, made once (each entry's IRI was two concatenations).
        let entryNamespace: String
        /// The rule individuals' IRIs (`v.ruleIRIs`), read with a switch: hashing the rule cost more, per tagging.
        let labelRule, sectionRule, organizationRule, overrideRule: String

        struct Scratch {
            var entry, author, publisher, reason: LinkedNode
            /// The entry's tags in the scheme, each with its concept's IRI and segment (looked up once per tag).
            var tags: [(index: Int, iri: String, segment: String)] = []
            /// The last section path met and its IRI, and the last kind and its type: entries of one section come
            /// one after another, and comparing with the last (often the very same array) is cheaper than hashing.
            var lastPath: (path: [String], iri: String)?
            var lastKind: (kind: EntryKind, type: LinkedClass)?
            init(_ v: LinkedVocabulary) {
                entry = LinkedNode(iri: "", types: [], capacity: 32)
                author = LinkedNode(iri: "", types: [v.person], capacity: 1)
                publisher = LinkedNode(iri: "", types: [v.organization], capacity: 1)
                reason = LinkedNode(iri: "", types: [v.tagging], capacity: 5)
            }
        }

        init(model: LinkedDataModel, sectionIRIs: [SectionKey: String]) {
            v = model.vocabulary
            base = model.vocabulary.base
            scheme = model.graph.scheme
            conceptNames = model.conceptNames
            self.sectionIRIs = sectionIRIs
            entryNamespace = base.entryNamespace
            let rules = model.vocabulary.ruleIRIs
            (labelRule, sectionRule, organizationRule, overrideRule) =
                (rules[.label] ?? "", rules[.section] ?? "", rules[.organization] ?? "", rules[.override] ?? "")
        }

        /// `v.ruleIRIs[rule]`.
        func ruleIRI(_ rule: TagRule) -> String {
            switch rule {
            case .label: labelRule
            case .section: sectionRule
            case .organization: organizationRule
            case .override: overrideRule
            }
        }

        /// The entry's node, then its authors', its publisher's and its taggings'.
        func emit(
            _ tagged: UnsafePointer<TaggedEntry>, into s: inout Scratch, diagnostics: inout [Diagnostic],
            _ body: (LinkedNode) throws -> Void
        ) rethrows {
            // Fields are read in place through a pointer into the graph's entries: a copy of the entry (passed by
            // value or bound to a local) retained and released every one of its fields.
            let iri = entryNamespace + IRIEncoding.segment(tagged.pointee.entry.id.rawValue)  // `base.entry(id)`
            let location = tagged.pointee.entry.sources.first
            // The tags naming a concept of the scheme (the concepts `conceptNames` holds), each looked up once.
            var allKnown = true
            s.tags.removeAll(keepingCapacity: true)
            tagged.pointee.tags.withUnsafeBufferPointer { tags in
                for t in tags.indices {
                    if let name = conceptNames[tags[t].concept] {
                        s.tags.append((t, name.iri, name.segment))
                    } else {
                        allKnown = false
                    }
                }
            }
            let kind = tagged.pointee.entry.kind
            let type: LinkedClass
            if let last = s.lastKind, last.kind == kind {
                type = last.type
            } else {
                type = SchemaTypeMapping.type(of: kind)
                s.lastKind = (kind, type)
            }
            s.entry.reset(iri: iri, type: type)
            fillEntry(&s.entry, from: tagged, tags: s.tags, lastPath: &s.lastPath, diagnostics: &diagnostics)
            if !allKnown {
                let unknown = tagged.pointee.tags.filter { !scheme.contains($0.concept) }.map(\.concept.rawValue)
                diagnostics.append(
                    Diagnostic(
                        .warning, code: "tag-not-in-scheme",
                        "entry '\(tagged.pointee.entry.id)': tags \(unknown.joined(separator: ", ")) name no concept of the scheme; left out of the linked data",
                        at: location))
            }
            s.entry.normalize(v)
            try body(s.entry)

            for (i, name) in tagged.pointee.entry.authors.enumerated() {
                s.author.reset(iri: LinkedDataBase.author(i + 1, ofEntryIRI: iri), type: v.person)
                s.author.add(v.name, name)
                try body(s.author)
            }
            if let organization = tagged.pointee.entry.organization {
                s.publisher.reset(iri: LinkedDataBase.publisher(ofEntryIRI: iri), type: v.organization)
                s.publisher.add(v.name, organization)
                try body(s.publisher)
            }
            for (t, conceptIRI, segment) in s.tags {
                // One reason is the usual case, already in order: no sorted copy of the list.
                let provenance = tagged.pointee.tags[t].provenance
                let provenances = provenance.count < 2 ? provenance : provenance.sorted()
                for (i, provenance) in provenances.enumerated() {
                    s.reason.reset(
                        iri: LinkedDataBase.tagging(i + 1, conceptSegment: segment, onEntryIRI: iri), type: v.tagging)
                    s.reason.add(v.taggedEntry, iri)
                    s.reason.add(v.taggedConcept, conceptIRI)
                    s.reason.add(v.rule, ruleIRI(provenance.rule))
                    s.reason.add(v.term, provenance.term)
                    s.reason.add(v.field, provenance.field?.rawValue)
                    s.reason.normalize(v)
                    try body(s.reason)
                }
            }
        }

        /// Says in `entry` (reset to the entry's IRI and type) everything about the entry: the links that are no
        /// IRIs are reported in `diagnostics`. Values go in one at a time (a statement grows in place).
        private func fillEntry(
            _ entry: inout LinkedNode, from tagged: UnsafePointer<TaggedEntry>,
            tags: [(index: Int, iri: String, segment: String)], lastPath: inout (path: [String], iri: String)?,
            diagnostics: inout [Diagnostic]
        ) {
            let iri = entry.iri
            let location = tagged.pointee.entry.sources.first
            entry.add(v.identifier, tagged.pointee.entry.id.rawValue)
            entry.add(v.name, tagged.pointee.entry.title)
            entry.add(v.kind, tagged.pointee.entry.kind.rawValue)
            entry.add(v.description, tagged.pointee.entry.description)
            entry.add(v.keywords, tagged.pointee.entry.keywords)
            entry.add(v.datePublished, tagged.pointee.entry.year.map(LinkedDataModel.gYear))
            // The main URL, then the others (without making an array of pairs per entry).
            for index in -1..<tagged.pointee.entry.otherURLs.count {
                let (property, link) =
                    index < 0 ? (v.url, tagged.pointee.entry.url) : (v.sameAs, tagged.pointee.entry.otherURLs[index])
                guard let linkIRI = IRIEncoding.webIRI(link) else {
                    diagnostics.append(
                        LinkedDataModel.skipped(link, what: "\(property.term) of entry '\(tagged.pointee.entry.id)'", at: location))
                    continue
                }
                if linkIRI != link { diagnostics.append(LinkedDataModel.encoded(link, linkIRI, at: location)) }
                entry.add(property, linkIRI)
            }
            if let repo = tagged.pointee.entry.githubRepo, let repoIRI = IRIEncoding.webIRI("https://github.com/" + repo) {
                entry.add(v.codeRepository, repoIRI)
            }
            for path in tagged.pointee.entry.sectionPaths where !path.isEmpty {
                // Paths are told apart by their bytes (as `sectionKey` does), not by Swift's `==`.
                if let last = lastPath, last.path.count == path.count,
                    zip(last.path, path).allSatisfy({ utf8Equal($0, $1) })
                {
                    entry.add(v.isPartOf, last.iri)
                    continue
                }
                let sectionIRI = sectionIRIs[LinkedDataModel.sectionKey(path)] ?? base.section(path)
                lastPath = (path, sectionIRI)
                entry.add(v.isPartOf, sectionIRI)
            }
            for i in tagged.pointee.entry.authors.indices { entry.add(v.author, LinkedDataBase.author(i + 1, ofEntryIRI: iri)) }
            if tagged.pointee.entry.organization != nil { entry.add(v.publisher, LinkedDataBase.publisher(ofEntryIRI: iri)) }
            for tag in tags { entry.add(v.subject, tag.iri) }
            for tag in tags { entry.add(v.about, tag.iri) }
        }
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
