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
        var entries = CatalogueEntryWriter(sink: sink, depth: json.depth)
        taggedEntries.withUnsafeBufferPointer { tagged in
            relatedLists.withUnsafeBufferPointer { related in entries.write(tagged, related: related) }
        }
        entries.deallocate()
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
}

// MARK: - PrettyJSONWriter

/// JSON in `JSONEncoder`'s pretty layout: two spaces a level, `"key" : value`, an empty container as an opening
/// bracket, a blank line and the closing bracket. The caller gives keys in sorted order.
struct PrettyJSONWriter {
    let sink: ByteSink
    /// How many containers are open, and per open container (bit `depth - 1`) whether it has a member yet: the
    /// writer nests a handful deep, and a bit per level costs no array to check and grow per element.
    private(set) var depth = 0
    private var hasMembers: UInt64 = 0
    /// The text of every double written so far, by bit pattern (see `double`).
    private var doubles: [UInt64: [UInt8]] = [:]
    init(sink: ByteSink) { self.sink = sink }

    mutating func beginObject() { open(UInt8(ascii: "{")) }

    mutating func endObject() { close(UInt8(ascii: "}")) }

    mutating func beginArray() { open(UInt8(ascii: "[")) }

    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts an object member: separator, indentation, `"name" : `.
    mutating func key(_ name: StaticString) {
        name.withUTF8Buffer { separate(key: $0) }
    }

    /// Starts an array element (and, through `key`, an object member).
    mutating func element() { separate(key: nil) }

    /// What comes before a member or an element: a comma unless it is its container's first, a line break, two
    /// spaces a level and, for a member, `"name" : `. All of it is written in one piece, with one check for room
    /// (it was five appends, and a call to `memset` for the spaces).
    private mutating func separate(key name: UnsafeBufferPointer<UInt8>?) {
        guard depth > 0 else {  // a value at the top: nothing before it
            if let name {
                sink.append(UInt8(ascii: "\""))
                sink.append(name)
                sink.append("\" : ")
            }
            return
        }
        let bit: UInt64 = 1 << UInt64((depth - 1) & 63)
        let comma = hasMembers & bit != 0
        hasMembers |= bit
        let spaces = 2 * depth
        let length = (comma ? 2 : 1) + spaces + (name.map { $0.count + 5 } ?? 0)
        sink.appendInPlace(upTo: length + Self.slack) { out in
            var i = 0
            if comma {
                out[i] = UInt8(ascii: ",")
                i += 1
            }
            i += Self.newline(indentedBy: spaces, at: out + i)
            if let name, let base = name.baseAddress {
                out[i] = UInt8(ascii: "\"")
                (out + i + 1).update(from: base, count: name.count)
                i += 1 + name.count
                Self.store(Self.keyEnd, at: out + i)
                i += 4
            }
            return i
        }
    }

    /// Room asked for beyond a piece's length: spaces are written eight at a time, and the last eight may reach
    /// past the piece (the bytes after it are written over by what comes next, or never counted).
    private static let slack = 8
    /// `" : ` as a little-endian word.
    private static let keyEnd: UInt64 = 0x20_3A_20_22
    private static let eightSpaces: UInt64 = 0x2020_2020_2020_2020

    @inline(__always) private static func store(_ word: UInt64, at address: UnsafeMutablePointer<UInt8>) {
        UnsafeMutableRawPointer(address).storeBytes(of: word.littleEndian, as: UInt64.self)
    }

    /// A line break and `spaces` spaces at `address` (with `slack` bytes of room after them); returns their length.
    @inline(__always) private static func newline(indentedBy spaces: Int, at address: UnsafeMutablePointer<UInt8>) -> Int {
        address[0] = UInt8(ascii: "\n")
        var written = 0
        while written < spaces {
            store(eightSpaces, at: address + 1 + written)
            written += 8
        }
        return 1 + spaces
    }

    private mutating func open(_ bracket: UInt8) {
        sink.append(bracket)
        depth += 1
        hasMembers &= ~(1 << UInt64((depth - 1) & 63))
    }

    /// The closing bracket on a line of its own at the container's indentation; an empty container gets a blank
    /// line before it, as `JSONEncoder` writes it.
    private mutating func close(_ bracket: UInt8) {
        let empty = hasMembers & (1 << UInt64((depth - 1) & 63)) == 0
        depth -= 1
        let spaces = 2 * max(0, depth)
        sink.appendInPlace(upTo: spaces + 3 + Self.slack) { out in
            var i = 0
            if empty {
                out[i] = UInt8(ascii: "\n")
                i += 1
            }
            i += Self.newline(indentedBy: spaces, at: out + i)
            out[i] = bracket
            return i + 1
        }
    }

    // `string` and `int` are `mutating` though they change nothing of the writer: called from a closure that holds
    // the writer `inout` (every loop over an entry's lists), a non-mutating method was handed a copy of the writer,
    // made and destroyed per call, retaining and releasing all it holds.
    mutating func string(_ text: String) { sink.appendJSONString(text, forHTML: false) }

    /// An integer's decimal digits (`String(value)`), made on the stack rather than in a string of their own.
    mutating func int(_ value: Int) { Self.int(value, to: sink) }

    /// `int(_:)` on a sink given apart: a closure that used the writer itself captured a copy of it, retaining and
    /// releasing every reference it holds, for every number written.
    private static func int(_ value: Int, to sink: ByteSink) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if value < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            sink.append(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A double as `JSONEncoder` writes it: Swift's shortest round-trip text, without a trailing `.0`. Scores,
    /// the only doubles written, are rounded to four decimals and take few values: each value's text is made once.
    mutating func double(_ value: Double) {
        if let known = doubles[value.bitPattern] {
            let sink = sink
            known.withUnsafeBufferPointer { sink.append($0) }
            return
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        if doubles.count < 4096 { doubles[value.bitPattern] = Array(text.utf8) }
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
