/// Partials that include themselves (directly or through others) would recurse until the stack overflows.
extension SiteTemplates {
    /// Throws when the templates' `{{>name}}` / `{{<name}}` references form a circle.
    static func checkNoCycle(_ texts: [String: String], origins: [String: String]) throws(SiteError) {
        let references = texts.mapValues(partialNames)
        // Depth-first search with colours; names sorted so the reported chain is deterministic.
        var state: [String: Int] = [:]  // 1 = on the stack, 2 = done
        var stack: [String] = []
        func visit(_ name: String) -> [String]? {
            if state[name] == 2 { return nil }
            if state[name] == 1 { return stack.drop { $0 != name } + [name] }
            state[name] = 1
            stack.append(name)
            for next in (references[name] ?? []).sorted() where texts[next] != nil {
                if let cycle = visit(next) { return cycle }
            }
            stack.removeLast()
            state[name] = 2
            return nil
        }
        for name in texts.keys.sorted() {
            if let cycle = visit(name) {
                throw .partialCycle(file: origins[cycle[0]] ?? cycle[0], chain: cycle)
            }
        }
    }

    /// The names after `{{>` and `{{<` in `text` (dynamic `{{>*name}}` partials are not followed).
    static func partialNames(_ text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let sigil = rest.first, sigil == ">" || sigil == "<" else { continue }
            let name = rest.dropFirst().drop { $0 == " " }.prefix { !$0.isWhitespace && $0 != "}" }
            if !name.isEmpty, !name.hasPrefix("*") { names.insert(String(name)) }
        }
        return names
    }
}
