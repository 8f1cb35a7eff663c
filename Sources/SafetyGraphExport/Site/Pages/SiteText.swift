import Foundation
import SafetyGraphCore

/// How the site words things: kind names, bylines, the reasons for a tag, sort keys and A–Z letters.
enum SiteText {
    // MARK: - Kinds

    private static let kindNames: [String: (singular: String, plural: String)] = [
        "article": ("Article", "Articles"), "blog": ("Blog", "Blogs"), "book": ("Book", "Books"),
        "certification": ("Certification", "Certifications"), "community": ("Community", "Communities"),
        "conference": ("Conference", "Conferences"), "course": ("Course", "Courses"),
        "database": ("Database", "Databases"), "dataset": ("Dataset", "Datasets"),
        "framework": ("Framework", "Frameworks"), "guideline": ("Guideline", "Guidelines"),
        "incident": ("Incident", "Incidents"), "initiative": ("Initiative", "Initiatives"),
        "list": ("List", "Lists"), "news": ("News", "News"), "newsletter": ("Newsletter", "Newsletters"),
        "organization": ("Organisation", "Organisations"), "patent": ("Patent", "Patents"),
        "podcast": ("Podcast", "Podcasts"), "regulation": ("Regulation", "Regulations"),
        "report": ("Report", "Reports"), "resource": ("Other resource", "Other resources"),
        "roadmap": ("Roadmap", "Roadmaps"), "standard": ("Standard", "Standards"), "talk": ("Talk", "Talks"),
        "tool": ("Tool", "Tools"), "tutorial": ("Tutorial", "Tutorials"), "video": ("Video", "Videos"),
        "whitepaper": ("White paper", "White papers"), "workshop": ("Workshop", "Workshops"),
        "working-group": ("Working group", "Working groups"),
    ]

    /// `Article` for `article`; an unknown kind is capitalised with hyphens as spaces.
    static func kindName(_ kind: EntryKind) -> String {
        if let known = kindNames[kind.rawValue] { return known.singular }
        let words = kind.rawValue.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// `Articles` for `article`; an unknown kind gets a simple English plural.
    static func kindPlural(_ kind: EntryKind) -> String {
        if let known = kindNames[kind.rawValue] { return known.plural }
        let name = kindName(kind)
        let lower = name.lowercased()
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) {
            return name.dropLast() + "ies"
        }
        if ["s", "x", "z", "ch", "sh"].contains(where: lower.hasSuffix) { return name + "es" }
        return name + "s"
    }

    /// A file name for the kind's page: lowercase ASCII letters, digits and hyphens (never empty).
    static func slug(_ raw: String) -> String {
        var out = ""
        var lastHyphen = true
        for scalar in raw.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
                lastHyphen = false
            } else if !lastHyphen {
                out.append("-")
                lastHyphen = true
            }
            if out.count >= 60 { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "kind" : out
    }

    // MARK: - Entries

    /// `A, B and C`; more than six people become the first six and `et al.`
    static func people(_ names: [String]) -> String {
        let names = names.map(HTMLEscaping.cleaned)
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        case 2...6: return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
        default: return names.prefix(6).joined(separator: ", ") + " et al."
        }
    }

    /// Why a tag was given, in words: `the label “red teaming” in the title`.
    static func reason(_ provenance: TagProvenance) -> String {
        let term = "“\(HTMLEscaping.cleaned(provenance.term))”"
        switch provenance.rule {
        case .label:
            return "the label \(term) in the \(fieldName(provenance.field))"
        case .section:
            return "listed under the section \(term)"
        case .organization:
            return "published by \(term)"
        case .override:
            return "a curator’s override"
        }
    }

    private static func fieldName(_ field: EntryField?) -> String {
        switch field {
        case .title: return "title"
        case .description: return "description"
        case .keywords: return "keywords"
        case .section: return "section name"
        case .organization: return "organisation"
        case .url: return "address"
        case nil: return "entry"
        }
    }

    // MARK: - Sorting

    /// A key that sorts titles the way a reader expects: case- and diacritic-insensitive, leading punctuation
    /// ignored (`“Why …”` files under W). Ties are broken by the caller (by id), so the order is total and stable.
    static func sortKey(_ title: String) -> String {
        let folded = title.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(folded.unicodeScalars.drop { !$0.properties.isAlphabetic && !("0"..."9").contains($0) })
    }

    /// The A–Z section a title files under: `A`…`Z`, or `#` for digits and everything else.
    static func letter(_ title: String) -> String {
        guard let first = sortKey(title).unicodeScalars.first, ("a"..."z").contains(first) else { return "#" }
        return String(first).uppercased()
    }
}
