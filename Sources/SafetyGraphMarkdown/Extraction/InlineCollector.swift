import SafetyGraphCore

// MARK: - InlineCollector

/// Collects the OWN inline content of a list item, table cell or heading as `InlineToken`s.
///
/// "Own" means: paragraphs and inline nodes of the container, but not nested lists (their items are read on their
/// own), block quotes (asides), tables (their rows are read on their own) or code blocks. The walk is a loop over
/// the arena's pre-order index range, jumping over skipped subtrees, so it is linear and never recursive.
enum InlineCollector {
    static func tokens(in tree: MarkdownTree, container: Int) -> [InlineToken] {
        let nodes = tree.nodes
        var tokens: [InlineToken] = []
        var j = container + 1
        let end = nodes[container].end
        while j < end {
            let node = nodes[j]
            switch node.kind {
            case .list, .blockQuote, .table, .codeBlock, .thematicBreak, .image:
                j = node.end
                continue
            case .paragraph, .heading:
                if !tokens.isEmpty { tokens.append(.space) }
            case .htmlBlock:
                if !tokens.isEmpty { tokens.append(.space) }
                tokens.append(.htmlBlock(TextNormalizer.visibleText(ofHTML: node.literal, droppingSummary: true)))
            case .text:
                tokens.append(.text(node.literal))
            case .code:
                tokens.append(.code(node.literal))
            case .softBreak, .lineBreak:
                tokens.append(.space)
            case .htmlInline:
                tokens.append(.html(node.literal))
            case .link:
                tokens.append(.link(link(in: tree, at: j)))
                j = node.end
                continue
            case .strong:
                if !containsLink(tree, j) {
                    tokens.append(.strong(text(in: tree, at: j)))
                    j = node.end
                    continue
                }
            default:
                break  // emphasis, strikethrough and unknown inlines are transparent: read their children
            }
            j += 1
        }
        return tokens
    }

    /// A link node as a token: its text (images excluded) and whether an image is all it shows.
    static func link(in tree: MarkdownTree, at index: Int) -> LinkToken {
        let node = tree.nodes[index]
        var hasImage = false
        var hasText = false
        var text = ""
        var j = index + 1
        while j < node.end {
            let child = tree.nodes[j]
            switch child.kind {
            case .image:
                hasImage = true
                j = child.end
                continue
            case .text, .code:
                text += child.literal
                if child.literal.contains(where: { !$0.isWhitespace }) { hasText = true }
            case .softBreak, .lineBreak:
                text += " "
            default:
                break
            }
            j += 1
        }
        return LinkToken(
            url: node.url, text: TextNormalizer.collapseWhitespace(text), imageOnly: hasImage && !hasText,
            line: node.line, column: node.column)
    }

    /// Plain text of a subtree (images skipped), whitespace collapsed.
    static func text(in tree: MarkdownTree, at index: Int) -> String {
        var text = ""
        var j = index + 1
        while j < tree.nodes[index].end {
            let node = tree.nodes[j]
            switch node.kind {
            case .image:
                j = node.end
                continue
            case .text, .code: text += node.literal
            case .softBreak, .lineBreak: text += " "
            default: break
            }
            j += 1
        }
        return TextNormalizer.collapseWhitespace(text)
    }

    private static func containsLink(_ tree: MarkdownTree, _ index: Int) -> Bool {
        tree.nodes[(index + 1)..<tree.nodes[index].end].contains { $0.kind == .link }
    }
}
