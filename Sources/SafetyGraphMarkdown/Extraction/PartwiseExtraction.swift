import Foundation
import SafetyGraphCore

// MARK: - PartwiseExtraction

/// Reads a large document in the parts `MarkdownChunks` cuts it into, parsing one part while entries are read from
/// the parts before it.
///
/// cmark's parse is serialised by its lock, so a document parsed whole keeps one core busy while the other waits.
/// Here each part is parsed, copied out of cmark and its headings cleaned at once with the others; the parts then
/// take turns only to hand on the section state (part i's starts where part i − 1's headings leave it), and each
/// is read as soon as it has its state: the parse of the next part runs beside the reading of this one. The result
/// is exactly the whole document's: tests hold the two equal on every corpus and on documents built to break the
/// cuts.
enum PartwiseExtraction {
    /// The entries and diagnostics of `text`, read in parts of about `partBytes`; nil when the document is not to
    /// be cut, or a part's end turned out to fall inside a fenced code or HTML block (then it is read whole).
    ///
    /// The entries come as each part's own list, in document order (what `EntryMerger` takes without joining them
    /// first).
    static func extractParts(
        _ text: String, path: String, rules: IngestRules, partBytes: Int
    ) -> (parts: [[Entry]], diagnostics: [Diagnostic])? {
        var source = text
        return source.withUTF8 { bytes -> (parts: [[Entry]], diagnostics: [Diagnostic])? in
            guard let cuts = MarkdownChunks.cuts(bytes, partBytes: partBytes) else { return nil }
            let turns = Turns(State(sections: SectionTracker(rules: rules)))
            let shared = UncheckedSendable(bytes)
            let parts = concurrentMap(cuts.count) { index -> (entries: [Entry], diagnostics: [Diagnostic])? in
                let end = index + 1 < cuts.count ? cuts[index + 1].offset : shared.value.count
                let slice = UnsafeBufferPointer(rebasing: shared.value[cuts[index].offset..<end])
                // Parsed (cmark's lock serialises the parses), copied and its headings cleaned at once with other
                // parts; only the hand-over of the section state waits for the parts before.
                let (tree, endsOpen) = MarkdownTree.parse(slice, lineOffset: cuts[index].line)
                let extractor = EntryExtractor(tree: tree, path: path, rules: rules)
                let headings = extractor.topLevelHeadings()
                let (start, holdsFirstHeading) = turns.inTurn(index) { state in
                    if endsOpen && index + 1 < cuts.count { state.failed = true }
                    let holdsFirstHeading = !state.sawHeading && !headings.isEmpty
                    if holdsFirstHeading { state.sawHeading = true }
                    let start = state.sections
                    state.sections = extractor.sections(
                        after: start, headings: headings, holdsFirstHeading: holdsFirstHeading)
                    return (start, holdsFirstHeading)
                }
                if turns.read(\.failed) { return nil }
                return extractor.extractPart(startingIn: start, holdsFirstHeading: holdsFirstHeading, headings: headings)
            }
            if turns.read(\.failed) { return nil }
            var entries: [[Entry]] = []
            var diagnostics: [Diagnostic] = []
            for part in parts {
                guard let part else { return nil }
                entries.append(part.entries)
                diagnostics += part.diagnostics
            }
            return (entries, diagnostics)
        }
    }

    /// What the parts hand on: the section state where the parts handed on so far leave it.
    private struct State {
        var sections: SectionTracker
        /// Whether a part handed on so far had a top-level heading (the first one is the title candidate).
        var sawHeading = false
        /// Whether a part ended inside a block that the next part continues.
        var failed = false
    }
}
