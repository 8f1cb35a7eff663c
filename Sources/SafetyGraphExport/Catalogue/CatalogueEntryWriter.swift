import SafetyGraphCore

/// Writes catalog.json's `entries` array: the same bytes `PrettyJSONWriter` gives (a test holds the two equal), at
/// a fraction of the cost, with the layout's pieces (see `CatalogueEntryLayout`).
///
/// Every value is read in place through a pointer to it, and a string only inside the closure that copies it into
/// the sink, after room was made: a value read across a call the compiler cannot see into (the sink's flush) was
/// retained and released around it, two atomic operations per string and list, on objects the linked data's thread
/// reads at the same time. Lists are read through their `span` (no retain of the list), strings' bytes with
/// `withUTF8(at:_:)` (no retain of the string).
struct CatalogueEntryWriter {
    typealias Piece = CatalogueEntryLayout.Piece

    let sink: ByteSink
    let layout: CatalogueEntryLayout
    var scores = ScoreTexts()
    /// The last source file written, as it is and escaped (without quotes): the next location is almost always in
    /// the same file.
    var file: UnsafeMutableBufferPointer<UInt8> = .allocate(capacity: 0)
    var escapedFile: UnsafeMutableBufferPointer<UInt8> = .allocate(capacity: 0)

    /// Strings longer than this are written by `ByteSink.appendJSONString` (the piece must fit the sink's buffer).
    static let longest = 1 << 16
    static let quote = UInt8(ascii: "\"")

    /// A writer for the entries array as the value of a member of a container `depth` deep.
    init(sink: ByteSink, depth: Int) {
        self.sink = sink
        layout = CatalogueEntryLayout(depth: depth)
    }

    /// Frees what the writer holds; it is not used after.
    func deallocate() {
        layout.deallocate()
        scores.deallocate()
        file.deallocate()
        escapedFile.deallocate()
    }

    /// The array of `entries`, each with its related entries (same positions).
    mutating func write(_ entries: UnsafeBufferPointer<TaggedEntry>, related: UnsafeBufferPointer<[RelatedEntry]>) {
        guard !entries.isEmpty else { return put(layout.entries.empty) }
        for index in entries.indices {
            write(entries.baseAddress! + index, first: index == 0, related: related.baseAddress! + index)
        }
        put(layout.entries.close)
    }

    /// One entry, keys in the byte order `JSONEncoder`'s `.sortedKeys` gives; absent optionals left out.
    private mutating func write(_ tagged: UnsafePointer<TaggedEntry>, first: Bool, related: UnsafePointer<[RelatedEntry]>) {
        let entry = Fields.entry(tagged)
        put(first ? layout.entries.first : layout.entries.next)
        strings(Fields.authors(entry), layout.members)
        if entry.pointee.description != nil { string(after: layout.description, Fields.description(entry)) }
        if entry.pointee.githubRepo != nil { string(after: layout.githubRepo, Fields.githubRepo(entry)) }
        string(after: layout.id, Fields.id(entry))
        put(layout.keywords)
        strings(Fields.keywords(entry), layout.members)
        string(after: layout.kind, Fields.kind(entry))
        if entry.pointee.organization != nil { string(after: layout.organization, Fields.organization(entry)) }
        put(layout.otherURLs)
        strings(Fields.otherURLs(entry), layout.members)
        put(layout.related)
        relatedEntries(related)
        put(layout.sectionPaths)
        sectionPaths(Fields.sectionPaths(entry))
        put(layout.sources)
        sources(Fields.sources(entry))
        put(layout.tags)
        tags(Fields.tags(tagged))
        string(after: layout.title, Fields.title(entry))
        string(after: layout.url, Fields.url(entry))
        if let year = entry.pointee.year { int(after: layout.year, year) }
        put(layout.entryEnd)
    }

    // MARK: Lists

    /// A list of strings (`text` finds each element's string) laid out as `list`.
    @inline(__always) private mutating func strings<Element>(
        _ values: UnsafePointer<[Element]>, _ list: CatalogueEntryLayout.List,
        _ text: (UnsafePointer<Element>) -> UnsafePointer<String>
    ) {
        let count = values.pointee.count
        guard count > 0 else { return put(list.empty) }
        for i in 0..<count {
            values.pointee.span.withUnsafeBufferPointer { string(after: i == 0 ? list.first : list.next, text($0.baseAddress! + i)) }
        }
        put(list.close)
    }

    private mutating func strings(_ values: UnsafePointer<[String]>, _ list: CatalogueEntryLayout.List) {
        strings(values, list) { $0 }
    }

    private mutating func sectionPaths(_ paths: UnsafePointer<[[String]]>) {
        let count = paths.pointee.count
        guard count > 0 else { return put(layout.members.empty) }
        for i in 0..<count {
            put(i == 0 ? layout.members.first : layout.members.next)
            paths.pointee.span.withUnsafeBufferPointer { strings($0.baseAddress! + i, layout.path) }
        }
        put(layout.members.close)
    }

    private mutating func relatedEntries(_ related: UnsafePointer<[RelatedEntry]>) {
        let count = related.pointee.count
        guard count > 0 else { return put(layout.members.empty) }
        for i in 0..<count {
            related.pointee.span.withUnsafeBufferPointer { elements in
                let element = elements.baseAddress! + i
                string(after: i == 0 ? layout.relatedEntries.first : layout.relatedEntries.next, Fields.relatedID(element))
                score(element.pointee.score)
                put(layout.shared)
                strings(Fields.sharedConcepts(element), layout.sharedConcepts, Fields.rawValue)
                put(layout.relatedEnd)
            }
        }
        put(layout.relatedEntries.close)
    }

    private mutating func tags(_ tags: UnsafePointer<[Tag]>) {
        let count = tags.pointee.count
        guard count > 0 else { return put(layout.members.empty) }
        for i in 0..<count {
            tags.pointee.span.withUnsafeBufferPointer { elements in
                let tag = elements.baseAddress! + i
                string(after: i == 0 ? layout.tagEntries.first : layout.tagEntries.next, Fields.concept(tag))
                put(layout.provenance)
                provenances(Fields.provenance(tag))
                put(layout.tagEnd)
            }
        }
        put(layout.tagEntries.close)
    }

    private mutating func provenances(_ provenance: UnsafePointer<[TagProvenance]>) {
        let count = provenance.pointee.count
        guard count > 0 else { return put(layout.provenances.empty) }
        for i in 0..<count {
            provenance.pointee.span.withUnsafeBufferPointer { elements in
                let element = elements.baseAddress! + i
                put(i == 0 ? layout.provenances.first : layout.provenances.next)
                if let field = element.pointee.field {
                    put(layout.fields[CatalogueEntryLayout.index(of: field)])
                } else {
                    put(layout.firstRule)
                }
                string(after: layout.rules[CatalogueEntryLayout.index(of: element.pointee.rule)], Fields.term(element))
                put(layout.provenanceEnd)
            }
        }
        put(layout.provenances.close)
    }

    private mutating func sources(_ sources: UnsafePointer<[SourceLocation]>) {
        let count = sources.pointee.count
        guard count > 0 else { return put(layout.members.empty) }
        for i in 0..<count {
            sources.pointee.span.withUnsafeBufferPointer { source(after: i == 0 ? layout.members.first : layout.members.next, $0.baseAddress! + i) }
        }
        put(layout.members.close)
    }
}
