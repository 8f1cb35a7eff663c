import SafetyGraphCore

extension TopicNode {
    /// The first node for `id` in this subtree (depth-first, in order), or nil.
    public func find(_ id: ConceptID) -> TopicNode? {
        var stack = [self]
        while let node = stack.popLast() {
            if node.concept == id { return node }
            stack.append(contentsOf: node.narrower.reversed())
        }
        return nil
    }

    /// This subtree without the concepts that no entry falls under; nil when this node itself is empty.
    public func pruningEmpty() -> TopicNode? {
        guard totalCount > 0 else { return nil }
        var copy = self
        copy.narrower = narrower.compactMap { $0.pruningEmpty() }
        return copy
    }
}
