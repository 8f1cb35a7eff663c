import Foundation
import SafetyGraphCore

// MARK: - PartwiseExtraction

/// Reads a large document in the parts `MarkdownChunks` cuts it into, parsing one part while entries are read from
/// the parts before it.
///
/// cmark's parse is serialised by its lock, so a document parsed whole keeps one core busy while the other waits.
/// Here the parts are taken in turn (part i parses once part i − 1 has parsed and set the section state its
/// headings lead to) and each is read as soon as it has parsed, on whichever core is free: the parse of the next
/// part runs beside the reading of this one. The result is exactly the whole document's: tests hold the two equal
/// on every corpus and on documents built to break the cuts.
enum PartwiseExtraction {
    /// The entries and diagnostics of `text`, read in parts of about `partBytes`; nil when the document is not to
    /// be cut, or a part's end turned out to fall inside a fenced code or HTML block (then it is read whole).
    static func extract(
        _ text: String, path: String, rules: IngestRules, partBytes: Int
    ) -> (entries: [Entry], diagnostics: [Diagnostic])? {
        var source = text
        return source.withUTF8 { bytes -> (entries: [Entry], diagnostics: [Diagnostic])? in
            guard let cuts = MarkdownChunks.cuts(bytes, partBytes: partBytes) else { return nil }
            let turns = Turns(sections: SectionTracker(rules: rules))
            let shared = UncheckedSendable(bytes)
            let parts = concurrentMap(cuts.count) { index -> (entries: [Entry], diagnostics: [Diagnostic])? in
                let end = index + 1 < cuts.count ? cuts[index + 1].offset : shared.value.count
                let slice = UnsafeBufferPointer(rebasing: shared.value[cuts[index].offset..<end])
                // Parse in turn, and pass the section state on before reading.
                let (extractor, start, holdsFirstHeading) = turns.inTurn(index) { state in
                    let (tree, endsOpen) = MarkdownTree.parse(slice, lineOffset: cuts[index].line)
                    if endsOpen && index + 1 < cuts.count { state.failed = true }
                    let extractor = EntryExtractor(tree: tree, path: path, rules: rules)
                    let holdsFirstHeading = !state.sawHeading && extractor.hasHeading
                    if holdsFirstHeading { state.sawHeading = true }
                    let start = state.sections
                    state.sections = extractor.sections(after: start, holdsFirstHeading: holdsFirstHeading)
                    return (extractor, start, holdsFirstHeading)
                }
                if turns.failed { return nil }
                return extractor.extractPart(startingIn: start, holdsFirstHeading: holdsFirstHeading)
            }
            if turns.failed { return nil }
            var entries: [Entry] = []
            var diagnostics: [Diagnostic] = []
            for part in parts {
                guard let part else { return nil }
                entries += part.entries
                diagnostics += part.diagnostics
            }
            return (entries, diagnostics)
        }
    }

    /// Whose turn it is to parse, and what the parts parsed so far lead to.
    private final class Turns: @unchecked Sendable {
        struct State {
            var sections: SectionTracker
            /// Whether a part parsed so far had a top-level heading (the first one is the title candidate).
            var sawHeading = false
            /// Whether a part ended inside a block that the next part continues.
            var failed = false
        }

        private let condition = NSCondition()
        private var next = 0
        private var state: State

        init(sections: SectionTracker) { state = State(sections: sections) }

        var failed: Bool {
            condition.lock()
            defer { condition.unlock() }
            return state.failed
        }

        /// Runs `body` once every part before `index` has run its own, then lets `index + 1` go.
        ///
        /// `concurrentPerform` hands out indices in increasing order, so the part a waiter waits for has been taken
        /// by a thread that is not waiting on anything later: no turn can wait for ever.
        func inTurn<Result>(_ index: Int, _ body: (inout State) -> Result) -> Result {
            condition.lock()
            while next != index { condition.wait() }
            let result = body(&state)
            next += 1
            condition.broadcast()
            condition.unlock()
            return result
        }
    }
}
