/// Gathers what a curator should look at: the warnings of every stage plus checks over the tagged graph.
public enum Linter {
    /// Every finding, sorted by location: the stages' warnings (unreadable items, non-http links, duplicate
    /// URLs, overrides naming no entry, ontology warnings), one `untagged-entry` per entry without tags, and one
    /// `unsafe-url` per entry address that is not an absolute http(s) URL (ingest never makes one, but a graph
    /// built another way can hold `javascript:` or relative addresses; the site shows them as text only).
    public static func findings(graph: KnowledgeGraph, diagnostics: [Diagnostic]) -> [Diagnostic] {
        var findings = diagnostics
        for tagged in graph.entries {
            let entry = tagged.entry
            for url in [entry.url] + entry.otherURLs where !URLNormalizer.isWebURL(url) {
                findings.append(
                    Diagnostic(
                        .warning, code: "unsafe-url",
                        "entry '\(entry.title)' has the address '\(url.prefix(200))', which is not an http(s) URL: "
                            + "the site shows it as text, never as a link",
                        at: entry.sources.first))
            }
        }
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
