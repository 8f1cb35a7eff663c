import Foundation

/// Text helpers for the maps: wrapping and shortening labels, and which URLs may become links.
enum GraphText {
    /// `text` wrapped at spaces into lines of about `width` characters, at most `maxLines` lines (the last one
    /// ends in `…` when text was cut). Line breaks already in the text are kept; a word longer than `width` is
    /// cut. Joined with newlines, which the DOT encoder writes as `\n`.
    static func wrapped(_ text: String, width: Int, maxLines: Int = .max) -> String {
        let width = max(width, 4)
        // Only what can be shown is wrapped: a 100 kB title costs no more than a short one.
        let budget = maxLines == .max ? text.count : width * maxLines + 1
        var lines: [String] = []
        for paragraph in text.prefix(budget).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var current = ""
            for piece in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                var word = Substring(piece)
                while word.count > width {  // a very long word (a URL, a hostile label) is cut into pieces
                    if !current.isEmpty { lines.append(current) }
                    current = ""
                    lines.append(String(word.prefix(width)))
                    word = word.dropFirst(width)
                }
                if current.isEmpty {
                    current = String(word)
                } else if current.count + 1 + word.count <= width {
                    current += " " + word
                } else {
                    lines.append(current)
                    current = String(word)
                }
            }
            lines.append(current)
        }
        while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        let cut = lines.count > maxLines || text.count > budget
        if lines.count > maxLines { lines = Array(lines.prefix(maxLines)) }
        if cut, let last = lines.last {
            lines[lines.count - 1] = String(last.prefix(width - 1)) + "…"
        }
        return lines.joined(separator: "\n")
    }

    /// `text` shortened to at most `limit` characters, ending in `…` when cut; whitespace collapsed.
    static func shortened(_ text: String, limit: Int) -> String {
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard collapsed.count > limit else { return collapsed }
        return String(collapsed.prefix(max(limit - 1, 1))) + "…"
    }

    /// The URL as a link target when it is an absolute http(s) URL (anything else — `javascript:`, `file:`,
    /// relative — is no link). Characters a URL may not hold (spaces, quotes, `<`, `>`, non-ASCII, …) are
    /// percent-encoded, so a link can never break out of its attribute.
    static func webLink(_ url: String) -> String? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), trimmed.count > "https://".count else {
            return nil
        }
        var out = ""
        for byte in trimmed.utf8 {
            if byte > 0x20 && byte < 0x7F && !unsafeInURL.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    private static let unsafeInURL: Set<UInt8> = Set("\"<>\\^`{|} ".utf8)
}

extension String {
    fileprivate func leftPadded(to count: Int) -> String {
        self.count >= count ? self : String(repeating: "0", count: count - self.count) + self
    }
}
