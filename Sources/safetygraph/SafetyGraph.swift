import ArgumentParser

@main
struct SafetyGraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safetygraph",
        abstract: "Turn curated reading lists on safety-critical AI into a tagged knowledge graph.",
        discussion: """
            Reads awesome-list Markdown files, tags every entry against the concept scheme in the ontology \
            folder, links entries and concepts into a graph, and writes or queries it. Run from the \
            repository root, every subcommand works with its defaults (Ontology/ and Ontology/catalogue.md).

            Exit codes: 0 success; 1 lint findings; 64 usage error; 65 bad data (invalid ontology, \
            unreadable list); 66 missing input (no such file or folder); 69 Graphviz could not draw; 73 the \
            output cannot be written.
            """,
        version: "0.1.0",
        subcommands: [Build.self, Query.self, Related.self, Topics.self, Lint.self, Templates.self, Render.self]
    )
}
