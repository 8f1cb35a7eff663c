/// A cheap pass over a YAML text, before Yams composes it, that refuses what would make composing slow or deep.
///
/// Yams expands aliases and hashes mapping keys deeply, so a "billion laughs" document (nested anchors and
/// aliases) can take exponential time; and its composer recurses once per nesting level. Ontology files need
/// neither, so this pass refuses any anchor or alias (`&name`, `*name` where a node starts) and any absurd
/// nesting: more than `maxFlowDepth` nested `[`/`{`, or block structure (indentation or `- ` / `? ` indicators)
/// reaching past column `maxBlockColumn`.
///
/// It is a tokenizer-level approximation, not a parser: it knows quoted scalars, comments, block scalars (`|`,
/// `>`) and multi-line plain scalars well enough not to mistake their content for indicators. Whatever it
/// misses is caught after composing (see `YAMLFileReader`), so it only has to be right on real files.
struct YAMLPrescan {
    /// What the pass refuses, with a 1-based line and column (counted in Unicode scalars, like libyaml).
    enum Finding: Equatable {
        case anchorOrAlias(line: Int, column: Int)
        case tooDeep(line: Int, column: Int, reason: String)
    }

    static let maxFlowDepth = 32
    static let maxBlockColumn = 128

    // MARK: - State kept across lines

    private var flowDepth = 0
    /// The quote (`"` or `'`) of a quoted scalar still open at the end of the previous line.
    private var openQuote: UInt8?
    /// Set while inside a block scalar: lines indented more than this (or blank) are its content.
    private var blockScalarOwner: Int?
    /// Set while a block-context plain scalar may continue: lines indented more than this continue it.
    private var plainOwner: Int?
    private var expectingNode = true

    // MARK: - State within a line

    /// The column (0-based) of the node that owns what follows: the latest `- `/`? ` indicator or key.
    private var owner = -1
    /// The column where the latest scalar started (the key, if a `:` follows).
    private var scalarStart = -1
    private var inPlain = false
    private var afterQuoted = false

    /// The first problem in `text`, or nil when it is safe to compose.
    static func check(_ text: String) -> Finding? {
        var scan = YAMLPrescan()
        // One copy of at most 8 MiB buys plain indexing over the bytes.
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { scan.run($0) }
    }

    private mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Finding? {
        var start = 0
        var lineNumber = 0
        while start <= bytes.count {
            // Lines end at LF, CR or CRLF, as in libyaml.
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            lineNumber += 1
            if let finding = scanLine(bytes, from: start, to: end, line: lineNumber) { return finding }
            start = end + (end + 1 < bytes.count && bytes[end] == 0x0D && bytes[end + 1] == 0x0A ? 2 : 1)
        }
        return nil
    }

    // MARK: - Lines

    private mutating func scanLine(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int, line: Int) -> Finding? {
        var indent = 0
        while from + indent < to, b[from + indent] == 0x20 { indent += 1 }
        let first = from + indent < to ? b[from + indent] : nil
        let isBlank = first == nil || first == 0x09
        let isComment = first == UInt8(ascii: "#")

        if openQuote == nil {
            if let ownerColumn = blockScalarOwner {
                if isBlank || indent > ownerColumn { return nil }
                blockScalarOwner = nil
            }
            if flowDepth == 0, let ownerColumn = plainOwner {
                if isBlank { return nil }
                if indent > ownerColumn, !isComment { return nil }
                plainOwner = nil
            }
            if flowDepth == 0 {
                // A new line in block context starts a new node (key, entry or value).
                expectingNode = true
                owner = -1
                inPlain = false
                afterQuoted = false
                if !isBlank, !isComment, indent > Self.maxBlockColumn {
                    return .tooDeep(
                        line: line, column: indent + 1, reason: "indented past column \(Self.maxBlockColumn)")
                }
            }
        }

        var i = openQuote == nil ? from + indent : from
        var column = openQuote == nil ? indent : 0
        if openQuote == nil, flowDepth == 0, indent == 0 {
            switch documentMarker(b, at: from, to: to) {
            case .wholeLine: return nil
            case .prefix:
                i += 3
                column += 3
            case .none: break
            }
        }
        while i < to {
            let c = b[i]
            let next: UInt8? = i + 1 < to ? b[i + 1] : nil
            let nextIsBlank = next == nil || next == 0x20 || next == 0x09
            let width = scalarWidth(c)
            if let quote = openQuote {
                if quote == UInt8(ascii: "'"), c == quote, next == quote {
                    i += 2
                    column += 2
                    continue
                }
                if quote == UInt8(ascii: "\""), c == UInt8(ascii: "\\") {
                    i += 1 + (next.map(scalarWidth) ?? 0)
                    column += 2
                    continue
                }
                if c == quote {
                    openQuote = nil
                    afterQuoted = true
                }
                i += width
                column += 1
                continue
            }
            if c == 0x20 || c == 0x09 {
                i += 1
                column += 1
                continue
            }
            if c == UInt8(ascii: "#"), i == from || b[i - 1] == 0x20 || b[i - 1] == 0x09 {
                inPlain = false
                break  // a comment runs to the end of the line
            }
            if expectingNode {
                if c == amp || c == star { return .anchorOrAlias(line: line, column: column + 1) }
                if c == bang {
                    // A tag: skip it, the node follows.
                    while i < to, b[i] != 0x20, b[i] != 0x09 {
                        column += 1
                        i += scalarWidth(b[i])
                    }
                    continue
                }
                if c == dquote || c == squote {
                    openQuote = c
                    scalarStart = column
                    expectingNode = false
                } else if c == pipe || c == greater, flowDepth == 0 {
                    blockScalarOwner = owner
                    return nil  // the rest of the line is the block scalar header
                } else if c == lbracket || c == lbrace {
                    if let finding = enterFlow(line: line, column: column) { return finding }
                } else if c == dash || c == question, nextIsBlank, flowDepth == 0 {
                    if column > Self.maxBlockColumn {
                        return .tooDeep(
                            line: line, column: column + 1, reason: "nested past column \(Self.maxBlockColumn)")
                    }
                    owner = column
                } else if c == question || c == colon, nextIsBlank {
                    // An explicit key or value indicator: the node still follows.
                } else if c == rbracket || c == rbrace, flowDepth > 0 {
                    flowDepth -= 1
                    expectingNode = false
                } else if c != comma {
                    inPlain = true
                    scalarStart = column
                    expectingNode = false
                }
            } else {
                let isFlowEnd = next == comma || next == rbracket || next == rbrace
                if c == colon, nextIsBlank || afterQuoted || (flowDepth > 0 && isFlowEnd) {
                    expectingNode = true
                    owner = scalarStart
                } else if c == comma, flowDepth > 0 {
                    expectingNode = true
                } else if c == rbracket || c == rbrace, flowDepth > 0 {
                    flowDepth -= 1
                    inPlain = false
                } else if c == lbracket || c == lbrace, flowDepth > 0 {
                    // Not valid YAML after a scalar, but count it rather than guess.
                    if let finding = enterFlow(line: line, column: column) { return finding }
                }
                if expectingNode { inPlain = false }
                afterQuoted = false
            }
            i += width
            column += 1
        }
        if flowDepth == 0, openQuote == nil, inPlain { plainOwner = owner }
        return nil
    }

    private mutating func enterFlow(line: Int, column: Int) -> Finding? {
        flowDepth += 1
        guard flowDepth > Self.maxFlowDepth else { return nil }
        return .tooDeep(
            line: line, column: column + 1, reason: "more than \(Self.maxFlowDepth) nested flow collections")
    }

    private enum Marker { case none, prefix, wholeLine }

    /// `%` directives and `...` take the whole line; `---` may be followed by the document's first node.
    private func documentMarker(_ b: UnsafeBufferPointer<UInt8>, at from: Int, to: Int) -> Marker {
        guard from < to else { return .none }
        if b[from] == UInt8(ascii: "%") { return .wholeLine }
        guard to - from >= 3, to - from == 3 || b[from + 3] == 0x20 || b[from + 3] == 0x09 else { return .none }
        switch (b[from], b[from + 1], b[from + 2]) {
        case (0x2E, 0x2E, 0x2E): return .wholeLine
        case (0x2D, 0x2D, 0x2D): return .prefix
        default: return .none
        }
    }

    // MARK: - Bytes

    private let amp = UInt8(ascii: "&"), star = UInt8(ascii: "*"), bang = UInt8(ascii: "!")
    private let dquote = UInt8(ascii: "\""), squote = UInt8(ascii: "'"), pipe = UInt8(ascii: "|")
    private let greater = UInt8(ascii: ">"), lbracket = UInt8(ascii: "["), lbrace = UInt8(ascii: "{")
    private let rbracket = UInt8(ascii: "]"), rbrace = UInt8(ascii: "}"), dash = UInt8(ascii: "-")
    private let question = UInt8(ascii: "?"), colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")

    /// How many bytes the UTF-8 sequence starting with `lead` takes (1 for a stray continuation byte).
    private func scalarWidth(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xFF: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }
}
