import ArgumentParser
import Foundation
import SafetyGraphCore
import SafetyGraphGraphviz

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw the topic map, one topic's neighbourhood, or the whole graph with Graphviz.",
        discussion: """
            Draws in-process through libgvc (no `dot` process is started) and writes to a file or to standard \
            output. Which graph:

              (default)                the topic map: facets as clusters, each topic shaded by how many \
            entries fall under it, broader edges solid, related edges dashed; topics without entries are left \
            out unless --include-empty
              --topic ID               one topic with its broader, narrower and related topics and its first \
            --entries entries (then a "+N more" node)
              --knowledge-graph        every entry and concept with every edge (about, broader, related). \
            Drawn as svg/png only up to \(KnowledgeGraphDOT.readableNodeLimit) nodes, above which it is \
            unreadable (the default catalogue has more): use --format dot for other tools, or --force

            Formats: svg (links and tooltips), png, dot (the DOT source we generate, which the `dot` command \
            also renders), xdot (laid out by the engine: positions and drawing operations). Without --format, \
            the extension of --output decides, else svg. Engines: dot (layered, the default), neato, fdp, \
            sfdp, circo. If Graphviz says an engine or format is not recognised, its plugins are not \
            registered: run `dot -c` as root.

            Topic links point to <link-prefix><id>.html: by default `../site/topics/` for the topic map and \
            the whole graph (right for a file in <output>/graph/), `../../site/topics/` for a topic (right for \
            <output>/graph/topics/). Entry links are the entries' own http(s) URLs.

              safetygraph render -o map.svg
              safetygraph render --topic robustness --format png -o robustness.png
              safetygraph render --knowledge-graph --format dot > graph.dot
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("Draw the neighbourhood of this concept instead of the topic map.", valueName: "concept"))
    var topic: String?

    @Flag(help: "Draw the whole knowledge graph instead of the topic map.")
    var knowledgeGraph = false

    @Option(help: ArgumentHelp("The layout engine: dot, neato, fdp, sfdp or circo.", valueName: "engine"))
    var engine: LayoutEngine = .dot

    @Option(help: ArgumentHelp("svg, png, dot or xdot (default: from the --output extension, else svg).", valueName: "format"))
    var format: RenderFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; - for standard output.", valueName: "file"))
    var output: String = "-"

    @Option(help: ArgumentHelp("Prefix of topic links (default: depends on the graph, see above).", valueName: "prefix"))
    var linkPrefix: String?

    @Option(help: ArgumentHelp("How many entries a topic's neighbourhood shows (0–100).", valueName: "n"))
    var entries: Int = 10

    @Flag(help: "Draw topics without entries on the topic map (faint) instead of leaving them out.")
    var includeEmpty = false

    @Option(help: ArgumentHelp("Related entries per entry in the whole graph (0–100).", valueName: "k"))
    var related: Int = 5

    @Flag(help: "Draw the whole graph as svg/png even when it is too big to be readable.")
    var force = false

    func validate() throws {
        if topic != nil && knowledgeGraph { throw ValidationError("Choose --topic or --knowledge-graph, not both.") }
        if let topic, topic.isEmpty { throw ValidationError("--topic needs a concept id.") }
        if output.isEmpty { throw ValidationError("--output needs a file name (or - for standard output).") }
        if !(0...100).contains(entries) { throw ValidationError("--entries must be between 0 and 100.") }
        if !(0...100).contains(related) { throw ValidationError("--related must be between 0 and 100.") }
    }

    func run() throws { try reportingFailures(execute) }

    /// The format: given, else from the output's extension, else svg.
    var resolvedFormat: RenderFormat {
        if let format { return format }
        let ext = (output as NSString).pathExtension.lowercased()
        return RenderFormat(rawValue: ext) ?? .svg
    }

    private func execute() throws {
        let format = resolvedFormat
        if output == "-" && format == .png && isatty(STDOUT_FILENO) != 0 {
            throw Failure(Failure.usage, "error: png is binary: give --output FILE or redirect standard output")
        }
        let loaded = try ProjectLoader.load(project)
        let (dot, name) = try graph(loaded.graph, format: format)

        let data: Data
        if format == .dot {
            data = Data(dot.utf8)
        } else {
            do {
                let rendering = try GraphvizRenderer(engine: engine).render(dot, format: format, source: name)
                printError(rendering.warnings.map { "\(name): warning: graphviz: \($0)" })
                data = rendering.data(format)
            } catch {
                throw Failure(Failure.unavailable, error.description)
            }
        }
        if output == "-" {
            FileHandle.standardOutput.write(data)
        } else {
            do {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw Failure(Failure.cannotCreate, "\(output): error: cannot write: \(error.localizedDescription)")
            }
        }
    }

    /// The DOT of the chosen graph and a name for it in messages.
    private func graph(_ graph: KnowledgeGraph, format: RenderFormat) throws -> (String, String) {
        if let topic {
            let neighbourhood = TopicNeighbourhood(
                linkPrefix: linkPrefix ?? TopicNeighbourhood.defaultLinkPrefix, entryLimit: entries)
            guard let dot = neighbourhood.dot(for: ConceptID(topic), in: graph) else {
                throw Failure(Failure.usage, "error: there is no concept '\(topic)' (see `safetygraph topics`)")
            }
            return (dot.encoded(), "topic \(topic)")
        }
        if knowledgeGraph {
            if (format == .svg || format == .png) && !KnowledgeGraphDOT.isReadable(graph) && !force {
                throw Failure(
                    Failure.usage,
                    "error: the whole graph has \(KnowledgeGraphDOT.nodeCount(of: graph)) nodes, more than the "
                        + "\(KnowledgeGraphDOT.readableNodeLimit) a readable drawing holds: use --format dot, or --force")
            }
            let dot = KnowledgeGraphDOT(linkPrefix: linkPrefix ?? TopicMap.defaultLinkPrefix, relatedLimit: related)
            return (dot.encoded(graph), "knowledge-graph")
        }
        let map = TopicMap(linkPrefix: linkPrefix ?? TopicMap.defaultLinkPrefix, includeEmpty: includeEmpty)
        return (map.dot(for: graph).encoded(), "topic-map")
    }
}

extension LayoutEngine: ExpressibleByArgument {}
extension RenderFormat: ExpressibleByArgument {}
