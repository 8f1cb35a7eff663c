import Foundation

// MARK: - MarkdownChunks

/// Where a large document can be cut into parts that cmark parses, each on its own, into exactly the blocks it
/// finds in the whole: before an ATX heading (`#` to `######` at the start of a line, then a space, a tab or the
/// line's end) that follows a blank line.
///
/// Why that is a clean cut: after a blank line, a heading that is not indented closes every open list item, block
/// quote, paragraph, table and indented code block, and cannot continue any of them. Only two things run on
/// through it: a fenced code block and an HTML block of the kinds that end at a closing marker (`<!--`, `<pre`,
/// `<script`, …). The parser reports those (`MarkdownTree.parse(_:lineOffset:)`'s `endsOpen`, for a part whose
/// last block runs to its end), and the caller then parses the document whole. The other thing a part cannot see
/// is a link reference definition in another part (`[label]: url` anywhere defines `[label]` everywhere), so a
/// document holding `]:` at all is never cut.
enum MarkdownChunks {
    /// Documents smaller than this are parsed whole: a cut buys nothing there.
    static let minimumDocumentBytes = 2 << 20

    /// The byte offsets (in `bytes`) where parts start, the first being 0, and the 0-based line each starts on;
    /// nil when the document is not to be cut. Parts are at least `partBytes` long, except the last.
    static func cuts(_ bytes: UnsafeBufferPointer<UInt8>, partBytes: Int) -> [(offset: Int, line: Int)]? {
        if containsReferenceMarker(bytes) { return nil }
        var cuts: [(offset: Int, line: Int)] = [(0, 0)]
        var lineStart = 0
        var line = 0
        var previousBlank = false
        guard let base = bytes.baseAddress else { return nil }
        while lineStart < bytes.count {
            // Lines are found with `memchr`, and a line is looked at only as far as its first visible byte.
            let lineEnd = memchr(base + lineStart, 0x0A, bytes.count - lineStart)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
            if previousBlank, lineStart - cuts[cuts.count - 1].offset >= partBytes,
                isATXHeading(bytes, from: lineStart, to: lineEnd)
            {
                cuts.append((lineStart, line))
            }
            var i = lineStart
            while i < lineEnd, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            previousBlank = i == lineEnd
            lineStart = lineEnd + 1
            line += 1
        }
        return cuts.count > 1 ? cuts : nil
    }

    /// Whether the line `bytes[start..<end]` opens an ATX heading at its first column.
    static func isATXHeading(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var i = start
        while i < end, i - start < 7, bytes[i] == UInt8(ascii: "#") { i += 1 }
        let hashes = i - start
        guard (1...6).contains(hashes) else { return false }
        return i == end || bytes[i] == 0x20 || bytes[i] == 0x09
    }

    /// Whether `]:` occurs anywhere (a possible link reference definition; checked broadly, on purpose).
    static func containsReferenceMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count > 1, let base = bytes.baseAddress else { return false }
        var i = 0
        // From one `]` to the next with `memchr`, the last byte excluded (a `]` there has no `:` after it).
        while i < bytes.count - 1, let hit = memchr(base + i, Int32(UInt8(ascii: "]")), bytes.count - 1 - i) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if bytes[at + 1] == UInt8(ascii: ":") { return true }
            i = at + 1
        }
        return false
    }
}
