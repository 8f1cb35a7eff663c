import ArgumentParser

@main
struct SafetyGraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safetygraph",
        abstract: "Turn curated reading lists into a tagged knowledge graph."
    )
}
