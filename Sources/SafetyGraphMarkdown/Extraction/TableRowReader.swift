import SafetyGraphCore

// MARK: - TableRowReader

/// Reads the fields of one table row, using the header row to know what each column holds.
///
/// Lists put entries in tables in many shapes: `| [Tool](url) | Language | Description |`,
/// `| Company | [Document](url) | Year |`, `| Application | Summary | <details>… | [Ref](url), [Ref](url) |`,
/// `| Domain | Standard | Status | https://… |`. Each column gets a role from its header; columns without a
/// known header are plain cells.
enum TableRowReader {
    enum Role: Equatable { case title, description, organization, authors, year, keywords, plain }

    /// The role of a column, from its header text.
    static func role(ofHeader header: String) -> Role {
        let name = TextNormalizer.comparisonKey(header)
        if name.containsText("description") || name.containsText("summary") || name == "details" || name == "laudation" {
            return .description
        }
        if name.containsText("organization") || name.containsText("organisation") || name.containsText("creator")
            || name.containsText("company") || name.containsText("publisher") || name.containsText("institution") {
            return .organization
        }
        if name == "author" || name == "authors" { return .authors }
        if name == "year" || name == "date" { return .year }
        if ["topic", "topics", "tags", "tag", "keywords", "category", "categories"].contains(name) { return .keywords }
        let titleNames: Set<String> = [
            "document", "standard", "application", "tool", "course", "podcast", "resource", "incident", "use case",
            "tracker", "project", "library", "dataset", "model", "framework", "paper title",
        ]
        if titleNames.contains(name) || name.containsText("title") || name.containsText("name") { return .title }
        return .plain
    }

    /// Reads a row; nil when it holds no link that can be an entry's link.
    static func read(cells: [[InlineToken]], roles: [Role]) -> EntryFields? {
        func role(_ column: Int) -> Role { column < roles.count ? roles[column] : .plain }
        // The main link: the first in a non-description column, else the first anywhere.
        var main: (column: Int, link: LinkToken)?
        for pass in 0..<2 where main == nil {
            for (column, cell) in cells.enumerated() where (pass == 1) == (role(column) == .description) {
                if let link = cell.lazy.compactMap(\.link).first(where: \.isEntryLink) {
                    main = (column, link)
                    break
                }
            }
        }
        guard let main else { return nil }
        var fields = EntryFields()
        fields.setMainLink(main.link)
        for cell in cells { for case .link(let link) in cell where link.isEntryLink { fields.addOtherURL(link.url, normalized: link.normalizedURL) } }

        let texts = cells.map { TextNormalizer.collapseWhitespace(InlineToken.plainText($0)) }
        let titleColumn = roles.indices.first { roles[$0] == .title && $0 < texts.count && !texts[$0].isEmpty }
        if let titleColumn {
            fields.title = texts[titleColumn]
        } else if !ItemReader.isGeneric(main.link.text, preHasProse: false) {
            fields.title = main.link.text
        } else if let first = texts.indices.first(where: { ![.description, .year].contains(role($0)) && !texts[$0].isEmpty }) {
            fields.title = texts[first]
        }
        fields.title = ItemReader.cleanTitle(fields.title)

        for (column, text) in texts.enumerated() where !text.isEmpty {
            switch role(column) {
            case .description where fields.descriptionParts.isEmpty:
                fields.descriptionParts.append(text)
            case .organization where fields.organization == nil:
                fields.organization = text
            case .authors where fields.authors.isEmpty:
                fields.authors = Citation.splitNames(text)
            case .year where fields.year == nil:
                fields.year = Citation.firstYear(in: text)?.0
            case .keywords:
                for keyword in text.split(separator: ",") { fields.addKeyword(String(keyword)) }
            default:
                break
            }
        }
        // Without a description column, the first cell describes the row when the title came from elsewhere
        // (`| Domain | Standard | … |`).
        if fields.descriptionParts.isEmpty, let first = texts.first, !first.isEmpty, titleColumn != 0,
           first != fields.title, role(0) == .plain, cells.first?.contains(where: { $0.link != nil }) == false {
            fields.descriptionParts.append(first)
        }
        return fields
    }
}
