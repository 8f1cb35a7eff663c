internal import CCmarkGFM
import Foundation

// The only file that touches cmark-gfm. It parses, walks the cmark tree once with cmark's own iterator (which is
// iterative, so nesting depth cannot overflow our stack), copies every node into a `MarkdownTree`, and frees the
// parser, the document and the iterator before returning. No C pointer outlives `parse`.

/// Registers the GFM core extensions exactly once. A global `let` is initialised through `swift_once`, which is
/// thread-safe, whereas `cmark_gfm_core_extensions_ensure_registered` itself is not guarded in every version.
private let coreExtensionsRegistered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
}()

/// cmark-gfm keeps process-wide state while it parses (the inline parser's table of special characters, which the
/// extensions switch on and off around each parse), so two parses on different threads race and can lose inline
/// nodes. Every parse holds this lock, as every Graphviz call holds Graphviz's.
private let cmarkLock = NSLock()

extension MarkdownTree {
    /// Parses GitHub-flavoured Markdown (tables, autolinks, strikethrough, as github.com does) with source positions.
    static func parse(_ text: String) -> MarkdownTree {
        var source = text
        return source.withUTF8 { parse($0, lineOffset: 0).tree }
    }

    /// Parses `bytes` as one part of a larger document whose first line is line `lineOffset + 1` (every node's line
    /// is shifted by `lineOffset`). `endsOpen` tells whether its last top-level block is a fenced code block or an
    /// HTML block that runs to the end of the part: one the rest of the document might have continued.
    ///
    /// Only cmark's parse holds the lock; the copy into Swift values reads this document alone, so parts parsed
    /// one after another are copied at the same time.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int) -> (tree: MarkdownTree, endsOpen: Bool) {
        _ = coreExtensionsRegistered
        guard let document = parsedDocument(bytes) else { return (MarkdownTree(nodes: []), false) }
        defer { cmark_node_free(document) }
        var endsOpen = false
        if let last = cmark_node_last_child(document) {
            let type = cmark_node_get_type(last)
            var length: Int32 = 0, offset: Int32 = 0
            var character: CChar = 0  // cmark writes all three (none may be NULL)
            if (type == CMARK_NODE_CODE_BLOCK && cmark_node_get_fenced(last, &length, &offset, &character) != 0)
                || type == CMARK_NODE_HTML_BLOCK
            {
                let lines = bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
                endsOpen = Int(cmark_node_get_end_line(last)) >= lines
            }
        }
        guard let iterator = cmark_iter_new(document) else { return (MarkdownTree(nodes: []), endsOpen) }
        defer { cmark_iter_free(iterator) }
        // Lists hold about one node per 25–30 bytes: room for one per 16 is reserved at once, so the array is not grown
        // (and moved) over and over; capped, so a huge single-line part does not reserve memory by its size alone.
        let capacity = min(bytes.count / 16, 1 << 17)
        return (MarkdownTree(nodes: copyNodes(iterator, lineOffset: lineOffset, capacity: capacity)), endsOpen)
    }

    /// cmark's document for `bytes`, parsed under the lock (nil if cmark could not allocate).
    private static func parsedDocument(_ bytes: UnsafeBufferPointer<UInt8>) -> OpaquePointer? {
        cmarkLock.lock()
        defer { cmarkLock.unlock() }
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in ["table", "autolink", "strikethrough"] {
            if let extensionHandle = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionHandle)
            }
        }
        if let base = bytes.baseAddress, !bytes.isEmpty {
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
        }
        return cmark_parser_finish(parser)
    }

    // MARK: - Copying

    /// At most this many direct children are copied from one paragraph, heading or table cell. Real ones hold a few
    /// dozen; a hostile 50 MB line of autolinks holds millions, and copying them all would cost far more than the
    /// text we read from them (`InlineCollector.textLimit`). The block is marked `truncated` instead.
    static let maxInlineChildren = 10_000

    /// cmark's nodes in pre-order, as `MarkdownNode`s; `capacity` is reserved in the array at once.
    private static func copyNodes(_ iterator: OpaquePointer, lineOffset: Int, capacity: Int) -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        nodes.reserveCapacity(capacity)
        // Open containers: our index, cmark's pointer (to match EXIT events), the last child appended so far, and
        // how many children it has.
        var open: [(index: Int, pointer: OpaquePointer, lastChild: Int, children: Int)] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let pointer = cmark_iter_get_node(iterator) else { break }
            if event == CMARK_EVENT_EXIT {
                // Pop up to the matching container; a mismatch (an unexpected leaf) is repaired, never fatal.
                guard open.lastIndex(where: { $0.pointer == pointer }) != nil else { continue }
                while let top = open.popLast() {
                    nodes[top.index].end = nodes.count
                    if top.pointer == pointer { break }
                }
                continue
            }
            if let top = open.last, top.children >= maxInlineChildren, nodes[top.index].kind.holdsInlines {
                // Skip the rest of this block: close it here and let the iterator resume after its EXIT.
                nodes[top.index].truncated = true
                nodes[top.index].end = nodes.count
                open.removeLast()
                cmark_iter_reset(iterator, top.pointer, CMARK_EVENT_EXIT)
                continue
            }
            let index = nodes.count
            let (kind, isLeaf) = classify(pointer)
            // Constants, each set once: the node takes them over (`var`s with a default were retained into the node
            // and released after it, twice per node).
            let literal: String
            let url: String
            switch kind {
            case .text, .code, .htmlInline, .htmlBlock, .codeBlock:
                literal = cmark_node_get_literal(pointer).map { String(cString: $0) } ?? ""
                url = ""
            case .link, .image:
                literal = ""
                url = cmark_node_get_url(pointer).map { String(cString: $0) } ?? ""
            default:
                literal = ""
                url = ""
            }
            // Made in place in the array (a local node appended would be copied, its strings retained and released).
            nodes.append(MarkdownNode(
                kind: kind, parent: open.last?.index ?? -1, end: index + 1,
                line: Int(cmark_node_get_start_line(pointer)) + lineOffset,
                column: Int(cmark_node_get_start_column(pointer)), literal: literal, url: url))
            if let top = open.indices.last {
                if open[top].lastChild >= 0 {
                    nodes[open[top].lastChild].nextSibling = index
                } else {
                    nodes[open[top].index].firstChild = index
                }
                open[top].lastChild = index
                open[top].children += 1
            }
            if !isLeaf { open.append((index, pointer, -1, 0)) }
        }
        while let top = open.popLast() { nodes[top.index].end = nodes.count }
        return nodes
    }

    /// Our kind for a cmark node, and whether cmark's iterator treats it as a leaf (ENTER without EXIT).
    private static func classify(_ pointer: OpaquePointer) -> (MarkdownNode.Kind, Bool) {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: return (.document, false)
        case CMARK_NODE_BLOCK_QUOTE: return (.blockQuote, false)
        case CMARK_NODE_LIST: return (.list, false)
        case CMARK_NODE_ITEM: return (.item, false)
        case CMARK_NODE_CODE_BLOCK: return (.codeBlock, true)
        case CMARK_NODE_HTML_BLOCK: return (.htmlBlock, true)
        case CMARK_NODE_PARAGRAPH: return (.paragraph, false)
        case CMARK_NODE_HEADING: return (.heading(level: Int(cmark_node_get_heading_level(pointer))), false)
        case CMARK_NODE_THEMATIC_BREAK: return (.thematicBreak, true)
        case CMARK_NODE_TEXT: return (.text, true)
        case CMARK_NODE_SOFTBREAK: return (.softBreak, true)
        case CMARK_NODE_LINEBREAK: return (.lineBreak, true)
        case CMARK_NODE_CODE: return (.code, true)
        case CMARK_NODE_HTML_INLINE: return (.htmlInline, true)
        case CMARK_NODE_EMPH: return (.emphasis, false)
        case CMARK_NODE_STRONG: return (.strong, false)
        case CMARK_NODE_LINK: return (.link, false)
        case CMARK_NODE_IMAGE: return (.image, false)
        default:
            // Extension node types are runtime values; their type strings are stable.
            let name = cmark_node_get_type_string(pointer).map { String(cString: $0) } ?? ""
            switch name {
            case "table": return (.table, false)
            case "table_header": return (.tableRow(isHeader: true), false)
            case "table_row": return (.tableRow(isHeader: false), false)
            case "table_cell": return (.tableCell, false)
            case "strikethrough": return (.strikethrough, false)
            default: return (.other, false)
            }
        }
    }
}
