import SafetyGraphCore

extension LinkedDataModel {
    /// Makes the nodes of one entry after another: what they share is held here once, and the nodes themselves
    /// are the same four values reset for each (their arrays kept). A class, so that nothing per entry copies the
    /// model (a closure capturing it retained every array of the graph); the nodes are in a `Scratch` the caller
    /// lends, not in the class, whose mutable properties are checked for exclusive access at every use.
    ///
    /// The nodes are lent the strings they say (`LinkedNode.lend`) where those lie: the entries' fields, in the
    /// entries' array held here. Each is read there once, its bytes copied into the node (`NodeBytes`): a copy of the
    /// string cost a retain and a release. The concepts', sections' and rules' IRIs, made here, are kept as bytes
    /// (`ByteTable`), copied into the nodes with no string read at all.
    /// Properties are passed by index (`v.name.index`) and the nodes of one type reset keeping it: passing
    /// `v.name` or `v.person` copied it out of the vocabulary, its strings retained and released, per value or node.
    final class EntryNodes: @unchecked Sendable {  // constants only, and memory written once in `init`
        typealias Fields = CatalogueEntryWriter.Fields

        let v: LinkedVocabulary
        let base: LinkedDataBase
        let scheme: ConceptScheme
        /// The graph's entries, held unchanged: their fields are lent to the nodes.
        let entries: [TaggedEntry]
        /// Per concept of the scheme: its number, under which `conceptIRIs` and `conceptSegments` hold its IRI (as
        /// bytes) and IRI segment (made once: every entry names a few concepts several times).
        let conceptNumbers: [ConceptID: Int]
        let conceptIRIs: ByteTable
        let conceptSegments: [String]
        /// Per section path (by its key): its number, under which `sectionIRIs` holds its IRI.
        let sectionNumbers: [SectionKey: Int]
        let sectionIRIs: ByteTable
        /// `base.entryNamespace`, made once (each entry's IRI was two concatenations).
        let entryNamespace: String
        /// The rule individuals' IRIs (`v.ruleIRIs`) by `ruleNumber`: hashing the rule cost more, per tagging.
        let ruleIRIs: ByteTable

        struct Scratch {
            var entry, author, publisher, reason: LinkedNode
            /// The entry's tags in the scheme: each one's index in the entry's tags and its concept's number.
            var tags: [(index: Int, concept: Int)] = []
            /// The last section path met and its IRI, and the last kind (whose type the entry node has): entries of
            /// one section come one after another, and comparing with the last (often the very same array) is
            /// cheaper than hashing; a node of the last kind keeps its type (a copy of it retained its strings).
            var lastPath: (path: UnsafePointer<[String]>, section: Int)?
            var lastKind: EntryKind?
            init(_ maker: EntryNodes) {
                let v = maker.v
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
            entries = model.graph.entries
            let names = Array(model.conceptNames)
            conceptIRIs = ByteTable(names.map(\.value.iri))
            conceptSegments = names.map(\.value.segment)
            conceptNumbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element.key, $0.offset) })
            let sections = Array(sectionIRIs)
            self.sectionIRIs = ByteTable(sections.map(\.value))
            sectionNumbers = Dictionary(uniqueKeysWithValues: sections.enumerated().map { ($0.element.key, $0.offset) })
            entryNamespace = base.entryNamespace
            let rules = model.vocabulary.ruleIRIs
            ruleIRIs = ByteTable([TagRule.label, .section, .organization, .override].map { rules[$0] ?? "" })
        }

        deinit {
            conceptIRIs.deallocate()
            sectionIRIs.deallocate()
            ruleIRIs.deallocate()
        }

        /// Where `ruleIRIs` holds `rule`'s IRI.
        func ruleNumber(_ rule: TagRule) -> Int {
            switch rule {
            case .label: 0
            case .section: 1
            case .organization: 2
            case .override: 3
            }
        }

        /// The first element of one of the entries' lists (nil when it is empty). The list is the entries' own,
        /// which `entries` holds unchanged, so its elements stay where they are as long as this class lives.
        @inline(__always) func elements<Element>(_ list: UnsafePointer<[Element]>) -> UnsafePointer<Element>? {
            list.pointee.span.withUnsafeBufferPointer { $0.baseAddress }
        }

        /// The string an optional field holds, when it holds one: a single-payload enum keeps its payload at its
        /// own address (Swift's layout of `Optional`), so the string lies where the optional does.
        @inline(__always) func payload(_ optional: UnsafePointer<String?>) -> UnsafePointer<String> {
            UnsafeRawPointer(optional).assumingMemoryBound(to: String.self)
        }

        /// The entry's node, then its authors', its publisher's and its taggings'.
        func emit(
            _ tagged: UnsafePointer<TaggedEntry>, into s: inout Scratch, diagnostics: inout [Diagnostic],
            _ body: (LinkedNode) throws -> Void
        ) rethrows {
            // Fields are read in place through a pointer into the graph's entries: a copy of the entry (passed by
            // value or bound to a local) retained and released every one of its fields.
            let e = Fields.entry(tagged)
            let iri = entryNamespace + IRIEncoding.segment(e.pointee.id.rawValue)  // `base.entry(id)`
            // The tags naming a concept of the scheme (the concepts `conceptNumbers` holds), each looked up once.
            var allKnown = true
            s.tags.removeAll(keepingCapacity: true)
            let tagCount = tagged.pointee.tags.count
            let tags = elements(Fields.tags(tagged))
            for t in 0..<tagCount {
                if let concept = conceptNumbers[tags![t].concept] {
                    s.tags.append((t, concept))
                } else {
                    allKnown = false
                }
            }
            if s.lastKind == e.pointee.kind {
                s.entry.reset(iri: iri)  // of the last kind's type, which the node has
            } else {
                let kind = e.pointee.kind
                s.entry.reset(iri: iri, type: SchemaTypeMapping.type(of: kind))
                s.lastKind = kind
            }
            fillEntry(&s.entry, iri: iri, from: e, tags: s.tags, lastPath: &s.lastPath, diagnostics: &diagnostics)
            if !allKnown {
                let unknown = tagged.pointee.tags.filter { !scheme.contains($0.concept) }.map(\.concept.rawValue)
                diagnostics.append(
                    Diagnostic(
                        .warning, code: "tag-not-in-scheme",
                        "entry '\(e.pointee.id)': tags \(unknown.joined(separator: ", ")) name no concept of the scheme; left out of the linked data",
                        at: e.pointee.sources.first))
            }
            s.entry.normalize(v)
            try body(s.entry)

            let authors = elements(Fields.authors(e))
            for i in 0..<e.pointee.authors.count {
                s.author.reset(iri: LinkedDataBase.author(i + 1, ofEntryIRI: iri))  // a person, as made
                s.author.lend(property: v.name.index, authors! + i)
                try body(s.author)
            }
            if e.pointee.organization != nil {
                s.publisher.reset(iri: LinkedDataBase.publisher(ofEntryIRI: iri))  // an organization, as made
                s.publisher.lend(property: v.name.index, payload(Fields.organization(e)))
                try body(s.publisher)
            }
            for (t, concept) in s.tags {
                let provenance = Fields.provenance(tags! + t)
                let count = provenance.pointee.count
                // One reason is the usual case, already in order: lent where it is, with no sorted copy of the list.
                let sorted = count < 2 ? nil : provenance.pointee.sorted()
                for i in 0..<count {
                    if let sorted {
                        sorted.withUnsafeBufferPointer {
                            fillReason(&s.reason, i + 1, $0.baseAddress! + i, entryIRI: iri, concept: concept)
                        }
                    } else {
                        fillReason(&s.reason, i + 1, elements(provenance)! + i, entryIRI: iri, concept: concept)
                    }
                    try body(s.reason)
                }
            }
        }

        /// Makes `reason` the `number`th tagging of the entry of `entryIRI` with `concept`, for `provenance` (one of
        /// the entry's, or of a sorted copy of its list: its term is read during the call only).
        private func fillReason(
            _ reason: inout LinkedNode, _ number: Int, _ provenance: UnsafePointer<TagProvenance>, entryIRI: String,
            concept: Int
        ) {
            // A tagging, as made in `Scratch`.
            reason.reset(iri: LinkedDataBase.tagging(number, conceptSegment: conceptSegments[concept], onEntryIRI: entryIRI))
            reason.add(property: v.taggedEntry.index, entryIRI)
            reason.add(property: v.taggedConcept.index, utf8: conceptIRIs[concept])
            reason.add(property: v.rule.index, utf8: ruleIRIs[ruleNumber(provenance.pointee.rule)])
            reason.lend(property: v.term.index, Fields.term(provenance))
            reason.add(property: v.field.index, provenance.pointee.field?.rawValue)
            reason.normalize(v)
        }

        /// Says in `entry` (reset to the entry's IRI, `iri`, and type) everything about the entry: the links that are no
        /// IRIs are reported in `diagnostics`. Values go in one at a time (a statement grows in place), lent where
        /// they lie when they are the entry's own strings.
        private func fillEntry(
            _ entry: inout LinkedNode, iri: String, from e: UnsafePointer<Entry>, tags: [(index: Int, concept: Int)],
            lastPath: inout (path: UnsafePointer<[String]>, section: Int)?, diagnostics: inout [Diagnostic]
        ) {
            entry.lend(property: v.identifier.index, Fields.id(e))
            entry.lend(property: v.name.index, Fields.title(e))
            entry.lend(property: v.kind.index, Fields.kind(e))
            if e.pointee.description != nil { entry.lend(property: v.description.index, payload(Fields.description(e))) }
            if let keywords = elements(Fields.keywords(e)) {
                for i in 0..<e.pointee.keywords.count { entry.lend(property: v.keywords.index, keywords + i) }
            }
            entry.add(property: v.datePublished.index, e.pointee.year.map(LinkedDataModel.gYear))
            // The main URL, then the others; a link that is its own IRI (the usual case) is lent.
            let others = elements(Fields.otherURLs(e))
            for index in -1..<e.pointee.otherURLs.count {
                // The property by its index: a tuple of the property and the link copied the property (its strings).
                let (property, link) = index < 0 ? (v.url.index, Fields.url(e)) : (v.sameAs.index, others! + index)
                // A plain link is its own IRI (`webIRI` returns it as it is): lent, its bytes tested in the node.
                if entry.lend(property: property, link, if: IRIEncoding.isPlainWebURL(contiguous:)) { continue }
                guard let linkIRI = IRIEncoding.webIRI(link.pointee) else {
                    let term = v.propertyTable[property].term
                    diagnostics.append(
                        LinkedDataModel.skipped(link.pointee, what: "\(term) of entry '\(e.pointee.id)'", at: e.pointee.sources.first))
                    continue
                }
                if linkIRI != link.pointee {
                    diagnostics.append(LinkedDataModel.encoded(link.pointee, linkIRI, at: e.pointee.sources.first))
                }
                entry.add(property: property, linkIRI)
            }
            if let repo = e.pointee.githubRepo, let repoIRI = IRIEncoding.webIRI("https://github.com/" + repo) {
                entry.add(property: v.codeRepository.index, repoIRI)
            }
            // Each path's section IRI, from `sectionIRIs`; the last path met is compared in place first.
            if let paths = elements(Fields.sectionPaths(e)) {
                for p in 0..<e.pointee.sectionPaths.count where !paths[p].isEmpty {
                    if let last = lastPath, Self.samePath(last.path, paths + p) {
                        entry.add(property: v.isPartOf.index, utf8: sectionIRIs[last.section])
                    } else if let section = sectionNumbers[LinkedDataModel.sectionKey(paths[p])] {
                        lastPath = (paths + p, section)
                        entry.add(property: v.isPartOf.index, utf8: sectionIRIs[section])
                    } else {
                        entry.add(property: v.isPartOf.index, base.section(paths[p]))
                    }
                }
            }
            for i in 0..<e.pointee.authors.count { entry.add(property: v.author.index, LinkedDataBase.author(i + 1, ofEntryIRI: iri)) }
            if e.pointee.organization != nil { entry.add(property: v.publisher.index, LinkedDataBase.publisher(ofEntryIRI: iri)) }
            for tag in tags { entry.add(property: v.subject.index, utf8: conceptIRIs[tag.concept]) }
            for tag in tags { entry.add(property: v.about.index, utf8: conceptIRIs[tag.concept]) }
        }

        /// Whether two of the entries' section paths hold the same names, byte for byte (as `sectionKey` tells them
        /// apart, not by Swift's `==`), read in place; often they are the very same array.
        static func samePath(_ a: UnsafePointer<[String]>, _ b: UnsafePointer<[String]>) -> Bool {
            let count = a.pointee.count
            guard count == b.pointee.count else { return false }
            guard count > 0, let x = a.pointee.span.withUnsafeBufferPointer({ $0.baseAddress }),
                let y = b.pointee.span.withUnsafeBufferPointer({ $0.baseAddress })
            else { return true }
            if x == y { return true }
            for i in 0..<count where !utf8Equal(at: x + i, y + i) { return false }
            return true
        }
    }
}
