import ArgumentParser

/// Where the ontology and the reading lists are; shared by every subcommand.
struct ProjectOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The ontology folder: scheme.yaml, concepts/*.yaml, rules.yaml, overrides.yaml.",
            valueName: "dir"))
    var ontology: String = "Ontology"

    @Option(
        name: [.customShort("l"), .customLong("list")],
        help: ArgumentHelp(
            "A Markdown reading list to read; repeat for several (they merge by URL). "
                + "Default: the catalogue in the ontology folder (<dir>/catalogue.md).",
            valueName: "file"))
    var lists: [String] = []

    /// The lists to read: the given ones, or the ontology's default catalogue.
    var listPaths: [String] { lists.isEmpty ? [joinPath(ontology, "catalogue.md")] : lists }

    func validate() throws {
        if ontology.isEmpty { throw ValidationError("--ontology needs a folder name.") }
        if lists.contains(where: \.isEmpty) { throw ValidationError("--list needs a file name.") }
    }
}

/// Joins path components without doubling slashes (no Foundation needed for this).
func joinPath(_ a: String, _ b: String) -> String {
    a.hasSuffix("/") ? a + b : a + "/" + b
}
