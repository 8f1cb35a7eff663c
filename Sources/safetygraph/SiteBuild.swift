import SafetyGraphCore
import SafetyGraphExport
import SafetyGraphGraphviz

/// Glue between `build` and the site generator: loads the templates, gathers the inputs the other stages made,
/// and writes the pages under `site/` in the staged output.
enum SiteBuild {
    /// Loads the shipped templates, replaced by those in `folder` (when given); warns about stray files.
    static func templates(_ folder: String?, quiet: Bool) throws -> SiteTemplates {
        do {
            let templates = try SiteTemplates.load(overridesIn: folder)
            if !quiet { printError(templates.warnings.map(\.description)) }
            return templates
        } catch {
            switch error {
            case .unreadable: throw Failure(Failure.missingInput, error.description)
            default: throw Failure(Failure.badData, error.description)
            }
        }
    }

    /// Generates the site and writes it to `site/` in `staging`; returns how many pages it wrote.
    static func write(
        project: Project, templates: SiteTemplates, inputs: SiteInputs, to staging: OutputStaging
    ) throws -> Int {
        let files: [SiteFile]
        do {
            files = try SiteGenerator(graph: project.graph, inputs: inputs, templates: templates).generate()
        } catch {
            throw Failure(Failure.badData, error.description)
        }
        for file in files {
            do {
                try staging.write(file.contents, to: "site/" + file.path)
            } catch {
                throw Failure(Failure.cannotCreate, error.description)
            }
        }
        return files.filter { $0.path.hasSuffix(".html") }.count
    }

    /// The inputs the site takes from the rest of the build: the drawings (unless `drawings` is false),
    /// findings for the coverage page, the downloads.
    static func inputs(project: Project, drawings: Bool, engine: LayoutEngine, base: LinkedDataBase) throws
        -> SiteInputs
    {
        var inputs = SiteInputs(
            linkedData: LinkedDataPages(graph: project.graph, base: base),
            findings: Linter.findings(graph: project.graph, diagnostics: project.diagnostics),
            downloads: [
                SiteDownload(label: "catalog.json", path: "../catalog.json"),
                SiteDownload(label: "JSON-LD", path: "../jsonld/graph.jsonld"),
                SiteDownload(label: "Turtle", path: "../rdf/graph.ttl"),
            ])
        if drawings {
            (inputs.topicMapSVG, inputs.neighbourhoodSVGs) = try renderDrawings(project.graph, engine: engine)
            inputs.downloads.append(SiteDownload(label: "topic map (SVG)", path: "../graph/topic-map.svg"))
        }
        return inputs
    }

    /// The topic map and every neighbourhood drawn with links relative to the site's pages: the map inlined in
    /// `index.html` links `topics/<id>.html`, a neighbourhood inlined in `topics/<id>.html` links `<id>.html`.
    /// (The files under `graph/` link `../site/topics/…`, so they are drawn separately.)
    static func renderDrawings(_ graph: KnowledgeGraph, engine: LayoutEngine) throws
        -> (map: String, neighbourhoods: [ConceptID: String])
    {
        let renderer = GraphvizRenderer(engine: engine)
        do {
            let map = try renderer.render(
                TopicMap(linkPrefix: "topics/").dot(for: graph), formats: [.svg], source: "site/index.html")
            var neighbourhoods: [ConceptID: String] = [:]
            let drawer = TopicNeighbourhood(linkPrefix: "")
            for concept in graph.scheme.concepts {
                guard let dot = drawer.dot(for: concept.id, in: graph) else { continue }
                neighbourhoods[concept.id] = try renderer.render(
                    dot, formats: [.svg], source: "site/topics/\(concept.id).html"
                ).text(.svg)
            }
            return (map.text(.svg), neighbourhoods)
        } catch {
            throw Failure(Failure.unavailable, error.description)
        }
    }
}
