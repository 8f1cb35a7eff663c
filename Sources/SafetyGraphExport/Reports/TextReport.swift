import SafetyGraphCore

/// The human-readable forms of the reports, for `--format text`.
public enum TextReport {
    /// One block per entry: title and year, then URL, then id and tags.
    public static func entries(_ entries: [TaggedEntry], total: Int, scheme: ConceptScheme) -> String {
        var lines: [String] = []
        for tagged in entries {
            lines.append(headline(tagged.entry))
            lines.append("    \(tagged.entry.url)")
            let tags = tagged.conceptIDs.map(\.rawValue).joined(separator: ", ")
            lines.append("    id: \(tagged.id)   tags: \(tags.isEmpty ? "–" : tags)")
        }
        let shown = entries.count < total ? "\(entries.count) of \(total) entries" : "\(total) entries"
        lines.append(shown)
        return lines.joined(separator: "\n")
    }

    /// The subject, then each related entry with its score and the shared concepts.
    public static func related(subject: TaggedEntry, related: [RelatedEntry], graph: KnowledgeGraph) -> String {
        var lines = ["Related to: \(headline(subject.entry))", "    \(subject.entry.url)"]
        if related.isEmpty { lines.append("no related entries (no concept shared with another entry)") }
        for r in related {
            guard let other = graph.entry(r.entry) else { continue }
            let score = RelatedRecord(r).score
            lines.append("\(formatScore(score))  \(headline(other.entry))")
            lines.append("        \(other.entry.url)")
            lines.append("        shared: \(r.sharedConcepts.map(\.rawValue).joined(separator: ", "))")
        }
        return lines.joined(separator: "\n")
    }

    /// The concept tree, indented, with `own/total` counts.
    public static func topics(_ roots: [TopicNode]) -> String {
        var lines: [String] = []
        var stack: [(TopicNode, Int)] = roots.reversed().map { ($0, 0) }
        while let (node, depth) = stack.popLast() {
            let indent = String(repeating: "  ", count: depth)
            lines.append("\(indent)\(node.concept)  \(node.prefLabel)  (\(node.ownCount) own, \(node.totalCount) in all)")
            stack.append(contentsOf: node.narrower.reversed().map { ($0, depth + 1) })
        }
        return lines.joined(separator: "\n")
    }

    static func headline(_ entry: Entry) -> String {
        var s = entry.title
        if let year = entry.year { s += " (\(year))" }
        return s
    }

    static func formatScore(_ score: Double) -> String {
        let hundredths = Int((score * 100).rounded())
        let text = "\(hundredths / 100).\(String(hundredths % 100).leftPadded(to: 2))"
        return text.leftPadded(to: 6, with: " ")
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
