import SafetyGraphCore

/// Generates the static site: an overview with the topic map, a page per concept, per kind, an A–Z list, a
/// coverage report for curators, an offline search, and their assets.
///
/// Built as a list of named steps; a failing step is reported with its name and the page it was making.
/// Output is deterministic: files sorted by path, every list in a stable order, no dates.
public struct SiteGenerator {
    public let graph: KnowledgeGraph
    public let inputs: SiteInputs
    public let templates: SiteTemplates

    public init(graph: KnowledgeGraph, inputs: SiteInputs, templates: SiteTemplates) {
        self.graph = graph
        self.inputs = inputs
        self.templates = templates
    }

    /// Every file of the site, sorted by path.
    public func generate() throws(SiteError) -> [SiteFile] {
        let model = SiteModel(graph: graph, inputs: inputs)
        let pages = PageBuilder(model: model, templates: templates)
        var files: [SiteFile] = []

        func step(_ name: String, _ path: String, _ body: () throws -> String) throws(SiteError) {
            do {
                files.append(SiteFile(path: path, contents: try body()))
            } catch let error as SiteError {
                throw error
            } catch {
                throw .step(name: name, path: path, reason: "\(error)")
            }
        }

        try step("overview", "index.html") { try pages.index() }
        for concept in graph.scheme.concepts {
            try step("topic page", model.topicFile(concept.id)) { try pages.topic(concept) }
        }
        for kind in model.kinds {
            try step("kind page", kind.file) { try pages.kind(kind) }
        }
        try step("A–Z list", "a-z.html") { try pages.aToZ() }
        try step("coverage", "coverage.html") { try pages.coverage() }
        try step("search page", "search.html") { try pages.search() }
        try step("search index", "assets/search-index.js") { try SearchIndex.script(model: model) }
        for name in SiteTemplates.assetNames {
            try step("asset", "assets/\(name)") {
                let text = templates.assets[name] ?? ""
                return text.hasSuffix("\n") ? text : text + "\n"
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
