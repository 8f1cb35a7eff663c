import SafetyGraphCore

// MARK: - MarkdownTree

/// A parsed document copied out of cmark-gfm into plain Swift values: a flat arena of nodes in document order.
///
/// Nodes are stored in pre-order, so `nodes[i]`'s subtree is exactly the index range `i ..< nodes[i].end`.
/// A flat array (instead of nested values) matters for hostile input: a list nested 10,000 deep would make a
/// recursive walk, and even the recursive release of nested arrays, overflow the stack. Here every walk is a loop.
struct MarkdownTree: Sendable {
    var nodes: [MarkdownNode]

    /// The direct children of `index`, in order.
    func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = nodes[index].firstChild
        while child >= 0 {
            result.append(child)
            child = nodes[child].nextSibling
        }
        return result
    }
}

/// One node of a `MarkdownTree`. Indices refer to positions in `MarkdownTree.nodes`; -1 means none.
struct MarkdownNode: Sendable {
    enum Kind: Sendable, Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading(level: Int), thematicBreak
        case table, tableRow(isHeader: Bool), tableCell
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, strikethrough, link, image
        /// Footnotes and anything an extension adds that we do not read.
        case other

        var isBlockContainerOfText: Bool { self == .paragraph || self == .tableCell }

        /// Blocks whose children are inlines (their size is capped while copying).
        var holdsInlines: Bool {
            switch self {
            case .paragraph, .heading, .tableCell: return true
            default: return false
            }
        }
    }

    var kind: Kind
    var parent: Int
    var firstChild: Int = -1
    var nextSibling: Int = -1
    /// One past the index of the last node of this subtree.
    var end: Int
    /// 1-based start line and column (cmark's source positions).
    var line: Int
    var column: Int
    /// Text of text, code, HTML and code-block nodes; empty otherwise.
    var literal: String = ""
    /// Destination of links and images; empty otherwise.
    var url: String = ""
    /// Whether some of this block's inline children were not copied (see `MarkdownTree.maxInlineChildren`).
    var truncated = false
}
