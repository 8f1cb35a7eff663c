/// Gathers what a curator should look at: the warnings of every stage plus checks over the tagged graph.
public enum Linter {
    /// Every finding, sorted by location: the stages' warnings (unreadable items, non-http links, duplicate
    /// URLs, overrides naming no entry, ontology warnings) and one `untagged-entry` per entry without tags.
    public static func findings(graph: KnowledgeGraph, diagnostics: [Diagnostic]) -> [Diagnostic] {
        var findings = diagnostics
        for tagged in graph.entries where tagged.tags.isEmpty {
            let entry = tagged.entry
            findings.append(
                Diagnostic(
                    .warning, code: "untagged-entry",
                    "entry '\(entry.title)' (\(entry.url)) has no tag: add a label or alt label that its text "
                        + "uses, a section rule, or an override",
                    at: entry.sources.first))
        }
        return findings.sorted()
    }
}
