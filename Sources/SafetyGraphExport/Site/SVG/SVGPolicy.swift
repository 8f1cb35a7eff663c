/// The allowlists `SVGSanitizer` applies: what Graphviz's SVG output uses to draw, and nothing that can run
/// script, load a resource or navigate anywhere but a page of the site or an http(s)/mailto address.
enum SVGPolicy {
    /// Elements kept (with their allowed attributes). Everything else is dropped with its content: `script`,
    /// `style`, `foreignObject`, `use`, `image`, `iframe`, animation elements (`set`, `animate`), …
    static let elements: Set<String> = [
        "g", "a", "title", "desc", "path", "polygon", "polyline", "ellipse", "circle", "rect", "line", "text", "tspan",
        "defs", "linearGradient", "radialGradient", "stop",
    ]

    /// Elements whose text is content (labels, tooltips); other text is layout whitespace.
    static let textElements: Set<String> = ["title", "desc", "text", "tspan"]

    /// Presentation and geometry attributes kept on any allowed element. No `style` (it can load resources),
    /// no `on*` handler, no `href` except on `a` (handled separately).
    static let attributes: Set<String> = [
        "class", "transform", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx",
        "ry", "fx", "fy", "d", "points", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
        "stroke-dasharray", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "font-family", "font-size",
        "font-weight", "font-style", "text-anchor", "text-decoration", "opacity", "preserveAspectRatio",
        "gradientUnits", "gradientTransform", "offset", "stop-color", "stop-opacity", "dominant-baseline",
    ]

    /// Attributes copied to the root `<svg>` (besides the ones the sanitiser adds).
    static let rootAttributes: Set<String> = ["viewBox", "width", "height", "class", "preserveAspectRatio"]

    /// `raw` when it may be a link target in an inlined SVG: a relative `*.html` path inside the site (with an
    /// optional `#fragment`), or an address `SafeLink` allows; nil otherwise.
    static func link(_ raw: String) -> String? {
        if let web = SafeLink.href(raw) { return web }
        var path = Substring(raw)
        if let hash = path.firstIndex(of: "#") {
            let fragment = path[path.index(after: hash)...]
            guard !fragment.isEmpty, fragment.allSatisfy(isIDCharacter) else { return nil }
            path = path[..<hash]
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let last = segments.last, last.hasSuffix(".html"), last.count > 5 else { return nil }
        for segment in segments {
            guard !segment.isEmpty, segment.allSatisfy(isPathCharacter) else { return nil }
            if segment == "." { return nil }
        }
        return raw
    }

    /// `value` with `url(#id)` references re-pointed at the prefixed ids; nil when it references anything else
    /// (`url(http://…)` would load a resource).
    static func reference(_ value: String, idPrefix: String) -> String? {
        guard value.contains("url(") else { return value }
        var out = ""
        var rest = Substring(value)
        while let open = rest.range(of: "url(") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: ")") else { return nil }
            let target = after[..<close].trimmingCharacters(in: "'\" ")
            guard target.hasPrefix("#"), target.count > 1, target.dropFirst().allSatisfy(isIDCharacter) else { return nil }
            out += "url(#" + idPrefix + target.dropFirst() + ")"
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }

    static func isIDCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".")
    }

    static func isPathCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".")
    }
}

extension Substring {
    /// The substring without leading and trailing characters from `set`.
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var s = self
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return s
    }
}
