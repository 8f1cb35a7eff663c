import ArgumentParser

/// How query-like subcommands print their results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
