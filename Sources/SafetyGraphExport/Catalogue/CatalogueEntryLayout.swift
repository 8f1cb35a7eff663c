import SafetyGraphCore

/// The fixed text around every value of catalog.json's `entries` array, made once per document: separators,
/// line breaks, indentation and keys, each run of them as one piece. An entry's shape never changes (keys in one
/// order, containers always at the same depths), so what `PrettyJSONWriter` works out per member (is it the
/// first, how deep, which key) is known in advance, and writing a member's lead-in is one copy.
struct CatalogueEntryLayout {
    typealias Piece = UnsafeBufferPointer<UInt8>

    /// The pieces that lay out one array: the lead-in of its first element (`[`, a line break and indentation,
    /// then `head`), of every other element (a comma instead of `[`), its end, and the whole of it when empty.
    struct List {
        var first: Piece
        var next: Piece
        var close: Piece
        var empty: Piece
    }

    /// Every piece's bytes, in one allocation that lives as long as the layout's writer.
    private let arena: UnsafeMutableBufferPointer<UInt8>

    /// The entries themselves: each is an element of the array, and its first member is `authors`.
    let entries: List
    let entryEnd: Piece
    /// The string lists among an entry's members (`authors`, `keywords`, `otherURLs`, `sources`), and
    /// `sectionPaths`, whose elements are lists one level deeper (`path`).
    let members: List
    let path: List
    // Every member of an entry after `authors`, in the order written; each begins with the comma after the last.
    let description, githubRepo, id, keywords, kind, organization, otherURLs, related, sectionPaths, sources, tags,
        title, url, year: Piece
    /// `related`: objects whose first member is `id`, then `score` and `shared` (a list of concept ids).
    let relatedEntries: List
    let score, shared: Piece
    let sharedConcepts: List
    let relatedEnd: Piece
    /// `tags`: objects whose first member is `concept`, then `provenance`: objects of `field` (when known), `rule`
    /// and `term`. `provenances` leads up to the first member's key; `field` and `firstRule` complete it.
    let tagEntries: List
    let provenance: Piece
    let provenances: List
    let firstRule, provenanceEnd, tagEnd: Piece
    /// Per `EntryField` (by `index(of:)`): the rest of `provenances`' key, `field`'s value and the `rule` key; per
    /// `TagRule`: its value and the `term` key, after which the term is written. Pieces, not the enums' raw values:
    /// reading a raw value's bytes (a string) retained the sink, once per provenance.
    let fields, rules: UnsafeMutableBufferPointer<Piece>

    /// The layout of the entries array as the value of a member of a container `depth` deep (the document's own
    /// object is 1 deep).
    init(depth: Int) {
        var bytes: [UInt8] = []
        var spans: [Range<Int>] = []
        /// Adds a piece; its index in `spans` is returned.
        func add(_ text: String) -> Int {
            spans.append(bytes.count..<bytes.count + text.utf8.count)
            bytes += text.utf8
            return spans.count - 1
        }
        func indent(_ level: Int) -> String { String(repeating: " ", count: 2 * level) }
        func key(_ name: String, _ level: Int) -> Int { add(",\n\(indent(level))\"\(name)\" : ") }
        func list(elements level: Int, head: String = "") -> [Int] {
            [
                add("[\n\(indent(level))\(head)"), add(",\n\(indent(level))\(head)"),
                add("\n\(indent(level - 1))]"), add("[\n\n\(indent(level - 1))]"),
            ]
        }
        // Depths: the entries array's elements, the entry's members, their elements, and so on.
        let (entry, member, element, inner, innermost) = (depth + 1, depth + 2, depth + 3, depth + 4, depth + 5)
        let entryList = list(elements: entry, head: "{\n\(indent(member))\"authors\" : ")
        let entryEndIndex = add("\n\(indent(entry))}")
        let memberList = list(elements: element)
        let pathList = list(elements: inner)
        let keys = [
            "description", "githubRepo", "id", "keywords", "kind", "organization", "otherURLs", "related",
            "sectionPaths", "sources", "tags", "title", "url", "year",
        ].map { key($0, member) }
        let relatedList = list(elements: element, head: "{\n\(indent(inner))\"id\" : ")
        let scoreIndex = key("score", inner), sharedIndex = key("shared", inner)
        let sharedList = list(elements: innermost)
        let relatedEndIndex = add("\n\(indent(element))}")
        let tagList = list(elements: element, head: "{\n\(indent(inner))\"concept\" : ")
        let provenanceIndex = key("provenance", inner)
        let provenanceList = list(elements: innermost, head: "{\n\(indent(innermost + 1))\"")
        let firstRuleIndex = add("rule\" : ")
        let ruleKey = ",\n\(indent(innermost + 1))\"rule\" : ", termKey = ",\n\(indent(innermost + 1))\"term\" : "
        var fieldIndices = [Int](repeating: 0, count: EntryField.allCases.count)
        for field in EntryField.allCases { fieldIndices[Self.index(of: field)] = add("field\" : \"\(field.rawValue)\"" + ruleKey) }
        var ruleIndices = [Int](repeating: 0, count: TagRule.allCases.count)
        for rule in TagRule.allCases { ruleIndices[Self.index(of: rule)] = add("\"\(rule.rawValue)\"" + termKey) }
        let provenanceEndIndex = add("\n\(indent(innermost))}")
        let tagEndIndex = add("\n\(indent(element))}")

        arena = .allocate(capacity: bytes.count)
        _ = arena.initialize(from: bytes)
        let arena = arena
        func piece(_ index: Int) -> Piece { Piece(rebasing: arena[spans[index]]) }
        func pieces(_ indices: [Int]) -> List {
            List(first: piece(indices[0]), next: piece(indices[1]), close: piece(indices[2]), empty: piece(indices[3]))
        }
        entries = pieces(entryList)
        entryEnd = piece(entryEndIndex)
        members = pieces(memberList)
        path = pieces(pathList)
        (description, githubRepo, id, keywords, kind, organization, otherURLs) =
            (piece(keys[0]), piece(keys[1]), piece(keys[2]), piece(keys[3]), piece(keys[4]), piece(keys[5]), piece(keys[6]))
        (related, sectionPaths, sources, tags, title, url, year) =
            (piece(keys[7]), piece(keys[8]), piece(keys[9]), piece(keys[10]), piece(keys[11]), piece(keys[12]), piece(keys[13]))
        relatedEntries = pieces(relatedList)
        score = piece(scoreIndex)
        shared = piece(sharedIndex)
        sharedConcepts = pieces(sharedList)
        relatedEnd = piece(relatedEndIndex)
        tagEntries = pieces(tagList)
        provenance = piece(provenanceIndex)
        provenances = pieces(provenanceList)
        firstRule = piece(firstRuleIndex)
        fields = .allocate(capacity: fieldIndices.count)
        _ = fields.initialize(from: fieldIndices.map(piece))
        rules = .allocate(capacity: ruleIndices.count)
        _ = rules.initialize(from: ruleIndices.map(piece))
        provenanceEnd = piece(provenanceEndIndex)
        tagEnd = piece(tagEndIndex)
    }

    /// Frees the pieces; the layout is not used after.
    func deallocate() {
        arena.deallocate()
        fields.deallocate()
        rules.deallocate()
    }

    /// Each field's place in `fields`, each rule's in `rules`: their declaration order (`ordinal`, an exhaustive
    /// switch, so a new case has a place).
    @inline(__always) static func index(of field: EntryField) -> Int { field.ordinal }

    @inline(__always) static func index(of rule: TagRule) -> Int { rule.ordinal }
}
