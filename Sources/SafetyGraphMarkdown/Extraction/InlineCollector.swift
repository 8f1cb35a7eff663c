import SafetyGraphCore

// MARK: - InlineCollector

/// Collects the OWN inline content of a list item, table cell or heading as `InlineToken`s.
///
/// "Own" means: paragraphs and inline nodes of the container, but not nested lists (their items are read on their
/// own), block quotes (asides), tables (their rows are read on their own) or code blocks. The walk is a loop over
/// the arena's pre-order index range, jumping over skipped subtrees, so it is linear and never recursive.
enum InlineCollector {
    /// At most this many UTF-8 bytes of text are read from one item or cell. No real entry comes near it; a hostile
    /// 50 MB line would otherwise make every later string operation slow.
    static let textLimit = 100_000

    /// The tokens of `container`'s own content, and whether its text was cut at `textLimit`.
    static func tokens(in tree: MarkdownTree, container: Int) -> [InlineToken] {
        collect(in: tree, container: container).tokens
    }

    static func collect(in tree: MarkdownTree, container: Int) -> (tokens: [InlineToken], truncated: Bool) {
        let nodes = tree.nodes
        var tokens: [InlineToken] = []
        var budget = textLimit
        var truncated = false
        /// Text within the remaining budget.
        func take(_ text: String) -> String {
            let count = text.utf8.count
            if count <= budget {
                budget -= count
                return text
            }
            truncated = true
            let kept = String(decoding: text.utf8.prefix(budget), as: UTF8.self)
            budget = 0
            return kept
        }
        // A block whose inlines were not all copied is cut short however little text it kept.
        var partial = nodes[container].truncated
        var j = container + 1
        let end = nodes[container].end
        // Room for a typical item's tokens at once (about one per node), rather than growing the array two, four,
        // eight… at a time; bounded, as a container may hold a large nested list that is skipped.
        tokens.reserveCapacity(min(end - j, 16))
        // Once the budget is spent nothing more is read: a hostile line of millions of autolinks would otherwise
        // still cost a token (and a URL normalisation) per link.
        // Fields are read from the array in place: a copy of the node would retain and release its two strings.
        while j < end, !truncated {
            switch nodes[j].kind {
            case .list, .blockQuote, .table, .codeBlock, .thematicBreak, .image:
                j = nodes[j].end
                continue
            case .paragraph, .heading:
                if !tokens.isEmpty { tokens.append(.space) }
                if nodes[j].truncated { partial = true }
            case .htmlBlock:
                if !tokens.isEmpty { tokens.append(.space) }
                tokens.append(.htmlBlock(take(TextNormalizer.visibleText(ofHTML: take(nodes[j].literal), droppingSummary: true))))
            case .text:
                tokens.append(.text(take(nodes[j].literal)))
            case .code:
                tokens.append(.code(take(nodes[j].literal)))
            case .softBreak, .lineBreak:
                tokens.append(.space)
            case .htmlInline:
                tokens.append(.html(nodes[j].literal))
            case .link:
                var (link, capped) = cappedLink(in: tree, at: j)
                // Set only when cut (the loop runs only while nothing was): setting the text renews `isEntryLink`,
                // which searched the same text again for every link.
                let kept = take(link.text)
                if truncated { link.text = kept }
                if capped { truncated = true }
                tokens.append(.link(link))
                j = nodes[j].end
                continue
            case .strong:
                if !containsLink(tree, j) {
                    tokens.append(.strong(take(text(in: tree, at: j))))
                    j = nodes[j].end
                    continue
                }
            default:
                break  // emphasis, strikethrough and unknown inlines are transparent: read their children
            }
            j += 1
        }
        return (tokens, truncated || partial)
    }

    /// A link node as a token: its text (images excluded) and whether an image is all it shows.
    static func link(in tree: MarkdownTree, at index: Int) -> LinkToken {
        cappedLink(in: tree, at: index).link
    }

    /// A link node as a token, and whether its text was cut at `textLimit`.
    static func cappedLink(in tree: MarkdownTree, at index: Int) -> (link: LinkToken, capped: Bool) {
        let nodes = tree.nodes
        var capped = false
        var hasImage = false
        var hasText = false
        var text = ""
        var j = index + 1
        while j < nodes[index].end {
            switch nodes[j].kind {
            case .image:
                hasImage = true
                j = nodes[j].end
                continue
            case .text, .code:
                if !appendCapped(&text, nodes[j].literal) { capped = true }
                if !hasText, holdsNonWhitespace(nodes[j].literal) { hasText = true }
            case .softBreak, .lineBreak:
                text += " "
            default:
                break
            }
            j += 1
        }
        let link = LinkToken(
            url: nodes[index].url, text: TextNormalizer.collapseWhitespace(text), imageOnly: hasImage && !hasText,
            line: nodes[index].line, column: nodes[index].column)
        return (link, capped)
    }

    /// Whether `text` holds a character that is not whitespace. Most link texts start with a visible ASCII byte,
    /// and then the first character starts with that scalar, which makes it no whitespace character: answered
    /// without making a character. Other texts are asked character by character.
    static func holdsNonWhitespace(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20 && first < 0x7F { return true }
        return text.contains { !$0.isWhitespace }
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
            case .text, .code: _ = appendCapped(&text, node.literal)
            case .softBreak, .lineBreak: text += " "
            default: break
            }
            j += 1
        }
        return TextNormalizer.collapseWhitespace(text)
    }

    /// Appends as much of `piece` as fits in `textLimit` bytes; false when some of it did not fit.
    private static func appendCapped(_ text: inout String, _ piece: String) -> Bool {
        let room = textLimit - text.utf8.count
        if piece.utf8.count <= room {
            text += piece
            return true
        }
        if room > 0 { text += String(decoding: piece.utf8.prefix(room), as: UTF8.self) }
        return false
    }

    private static func containsLink(_ tree: MarkdownTree, _ index: Int) -> Bool {
        tree.nodes[(index + 1)..<tree.nodes[index].end].contains { $0.kind == .link }
    }
}
