import SafetyGraphCore

// MARK: - Writing catalog.json

extension CatalogueDocument {
    /// Writes the document to `sink` as the same text `JSONOutput.encode(self)` gives (Foundation's `JSONEncoder`,
    /// keys sorted, pretty-printed, slashes unescaped, plus a final newline), without building it in memory
    /// first: at 100,000 entries the encoder took seconds and held the whole document several times over.
    /// A test holds the two to the same bytes on the corpora.
    public func write(to sink: ByteSink) {
        var json = PrettyJSONWriter(sink: sink)
        json.beginObject()
        json.key("concepts")
        json.beginArray()
        for concept in concepts {
            json.element()
            json.beginObject()
            json.key("broader")
            json.stringArray(concept.broader.map(\.rawValue))
            json.key("entryCount")
            json.int(concept.entryCount)
            json.key("id")
            json.string(concept.id.rawValue)
            json.key("prefLabel")
            json.string(concept.prefLabel)
            json.key("totalCount")
            json.int(concept.totalCount)
            json.endObject()
        }
        json.endArray()
        json.key("entries")
        json.beginArray()
        // Each entry is lent in place (iterating copied, and retained, every field of it).
        taggedEntries.withUnsafeBufferPointer { entries in
            for index in entries.indices {
                json.element()
                Self.write(entries.baseAddress! + index, related: relatedLists[index], to: &json)
            }
        }
        json.endArray()
        json.key("format")
        json.string(format)
        json.key("scheme")
        json.beginObject()
        json.key("conceptCount")
        json.int(scheme.conceptCount)
        json.key("definition")
        json.string(scheme.definition)
        json.key("id")
        json.string(scheme.id)
        json.key("title")
        json.string(scheme.title)
        json.endObject()
        json.key("version")
        json.int(version)
        json.endObject()
        sink.append(UInt8(ascii: "\n"))
    }

    /// One entry, keys in the byte order `JSONEncoder`'s `.sortedKeys` gives; absent optionals left out.
    ///
    /// The entry is read through a pointer into the graph's array, and its lists by position: a copy of the entry,
    /// or iterating its lists, retained and released every string and array on the way (a third of the writer's
    /// time).
    private static func write(
        _ tagged: UnsafePointer<TaggedEntry>, related: [RelatedEntry], to json: inout PrettyJSONWriter
    ) {
        json.beginObject()
        json.key("authors")
        json.stringArray(tagged.pointee.entry.authors)
        if let description = tagged.pointee.entry.description {
            json.key("description")
            json.string(description)
        }
        if let githubRepo = tagged.pointee.entry.githubRepo {
            json.key("githubRepo")
            json.string(githubRepo)
        }
        json.key("id")
        json.string(tagged.pointee.entry.id.rawValue)
        json.key("keywords")
        json.stringArray(tagged.pointee.entry.keywords)
        json.key("kind")
        json.string(tagged.pointee.entry.kind.rawValue)
        if let organization = tagged.pointee.entry.organization {
            json.key("organization")
            json.string(organization)
        }
        json.key("otherURLs")
        json.stringArray(tagged.pointee.entry.otherURLs)
        json.key("related")
        json.beginArray()
        related.withUnsafeBufferPointer { related in
            for r in related.indices {
                json.element()
                json.beginObject()
                json.key("id")
                json.string(related[r].entry.rawValue)
                json.key("score")
                json.double(RelatedRecord.writtenScore(related[r].score))
                json.key("shared")
                json.stringArray(related[r].sharedConcepts) { $0.rawValue }
                json.endObject()
            }
        }
        json.endArray()
        json.key("sectionPaths")
        json.beginArray()
        tagged.pointee.entry.sectionPaths.withUnsafeBufferPointer { paths in
            for p in paths.indices {
                json.element()
                json.stringArray(paths[p])
            }
        }
        json.endArray()
        json.key("sources")
        json.beginArray()
        for source in tagged.pointee.entry.sources {
            json.element()
            json.string(source.description)  // as `EntryRecord.sources` holds it
        }
        json.endArray()
        json.key("tags")
        json.beginArray()
        tagged.pointee.tags.withUnsafeBufferPointer { tags in
            for t in tags.indices {
                json.element()
                json.beginObject()
                json.key("concept")
                json.string(tags[t].concept.rawValue)
                json.key("provenance")
                json.beginArray()
                tags[t].provenance.withUnsafeBufferPointer { provenance in
                    for p in provenance.indices {
                        json.element()
                        json.beginObject()
                        if let field = provenance[p].field {
                            json.key("field")
                            json.string(field.rawValue)
                        }
                        json.key("rule")
                        json.string(provenance[p].rule.rawValue)
                        json.key("term")
                        json.string(provenance[p].term)
                        json.endObject()
                    }
                }
                json.endArray()
                json.endObject()
            }
        }
        json.endArray()
        json.key("title")
        json.string(tagged.pointee.entry.title)
        json.key("url")
        json.string(tagged.pointee.entry.url)
        if let year = tagged.pointee.entry.year {
            json.key("year")
            json.int(year)
        }
        json.endObject()
    }
}

// MARK: - PrettyJSONWriter

/// JSON in `JSONEncoder`'s pretty layout: two spaces a level, `"key" : value`, an empty container as an opening
/// bracket, a blank line and the closing bracket. The caller gives keys in sorted order.
struct PrettyJSONWriter {
    let sink: ByteSink
    /// How many containers are open, and per open container (bit `depth - 1`) whether it has a member yet: the
    /// writer nests a handful deep, and a bit per level costs no array to check and grow per element.
    private var depth = 0
    private var hasMembers: UInt64 = 0

    init(sink: ByteSink) { self.sink = sink }

    mutating func beginObject() { open(UInt8(ascii: "{")) }

    mutating func endObject() { close(UInt8(ascii: "}")) }

    mutating func beginArray() { open(UInt8(ascii: "[")) }

    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts an object member: separator, indentation, `"name" : `.
    mutating func key(_ name: StaticString) {
        element()
        sink.append(UInt8(ascii: "\""))
        sink.append(name)
        sink.append("\" : ")
    }

    /// Starts an array element (and, through `key`, an object member).
    mutating func element() {
        guard depth > 0 else { return }
        let bit: UInt64 = 1 << UInt64((depth - 1) & 63)
        if hasMembers & bit != 0 { sink.append(UInt8(ascii: ",")) }
        hasMembers |= bit
        newline(indenting: depth)
    }

    private mutating func open(_ bracket: UInt8) {
        sink.append(bracket)
        depth += 1
        hasMembers &= ~(1 << UInt64((depth - 1) & 63))
    }

    private mutating func close(_ bracket: UInt8) {
        let empty = hasMembers & (1 << UInt64((depth - 1) & 63)) == 0
        depth -= 1
        if empty { sink.append(UInt8(ascii: "\n")) }
        newline(indenting: depth)
        sink.append(bracket)
    }

    /// A line break and two spaces a level.
    private func newline(indenting depth: Int) { sink.appendNewline(indentingBy: 2 * depth) }

    func string(_ text: String) { sink.appendJSONString(text, forHTML: false) }

    func int(_ value: Int) { sink.append(String(value)) }

    /// A double as `JSONEncoder` writes it: Swift's shortest round-trip text, without a trailing `.0`.
    func double(_ value: Double) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        sink.append(text)
    }

    mutating func stringArray(_ values: [String]) { stringArray(values) { $0 } }

    /// `values` as an array of strings, each written as `text` gives it.
    mutating func stringArray<Value>(_ values: [Value], _ text: (Value) -> String) {
        beginArray()
        values.withUnsafeBufferPointer { values in  // by position: iterating retained every value
            for i in values.indices {
                element()
                string(text(values[i]))
            }
        }
        endArray()
    }
}
