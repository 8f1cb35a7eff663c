import SafetyGraphCore

/// Where each concept goes on a map: a concept with several broader concepts (poly-hierarchy) is drawn once,
/// in the cluster of its *primary* facet — the one reached by following the first `broader` each time.
struct SchemeLayout {
    let scheme: ConceptScheme
    /// Concept → its primary facet (itself for a facet).
    let primaryFacet: [ConceptID: ConceptID]

    init(scheme: ConceptScheme) {
        self.scheme = scheme
        var facets: [ConceptID: ConceptID] = [:]
        for concept in scheme.concepts {
            // Follow first-broader links; a visited set stops at a cycle (the loader forbids them, a hand-built
            // scheme might not).
            var current = concept
            var seen: Set<ConceptID> = [concept.id]
            while let next = current.broader.first(where: scheme.contains), let up = scheme[next],
                seen.insert(next).inserted
            {
                current = up
            }
            facets[concept.id] = current.id
        }
        self.primaryFacet = facets
    }

    /// The first broader concept of `id` that the scheme has: the one that decides its cluster.
    func primaryBroader(of id: ConceptID) -> ConceptID? {
        scheme[id]?.broader.first(where: scheme.contains)
    }
}

/// Link targets for concepts.
enum ConceptLink {
    /// `prefix` + `fileStem(id)` + `.html`.
    static func href(_ id: ConceptID, prefix: String) -> String {
        prefix + fileStem(id) + ".html"
    }

    /// The id as a file name stem: ASCII letters, digits, `-` and `_` kept, every other byte percent-encoded
    /// (a loaded scheme's ids are kebab-case, so this only matters for hand-built schemes).
    static func fileStem(_ id: ConceptID) -> String {
        var out = ""
        for byte in id.rawValue.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
