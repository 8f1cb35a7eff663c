import SafetyGraphCore

/// What the site generator takes besides the graph: renders made elsewhere (the topic map and neighbourhood
/// SVGs from the Graphviz stage), the linked data of each page, the curator's findings, and links to the other
/// outputs. The generator depends on none of the stages that make them.
public struct SiteInputs: Sendable {
    /// The topic map as SVG, with links `topics/<id>.html` (relative to the site's root); nil to leave it out.
    public var topicMapSVG: String?
    /// Per concept, its neighbourhood graph as SVG with links `<id>.html` (relative to `topics/`).
    public var neighbourhoodSVGs: [ConceptID: String]
    /// Produces each page's JSON-LD (`LinkedDataPages`: the linked-data export's own nodes).
    public var linkedData: any SiteLinkedData
    /// Lint findings shown on the coverage page (see `Linter.findings`).
    public var findings: [Diagnostic]
    /// Other outputs a reader may download, as paths relative to the site folder (`../catalog.json`).
    public var downloads: [SiteDownload]

    public init(
        linkedData: any SiteLinkedData, topicMapSVG: String? = nil, neighbourhoodSVGs: [ConceptID: String] = [:],
        findings: [Diagnostic] = [],
        downloads: [SiteDownload] = []
    ) {
        self.topicMapSVG = topicMapSVG
        self.neighbourhoodSVGs = neighbourhoodSVGs
        self.linkedData = linkedData
        self.findings = findings
        self.downloads = downloads
    }
}

/// A file of another output a page links to.
public struct SiteDownload: Sendable, Hashable {
    public var label: String
    /// Relative to the site folder, e.g. `../jsonld/catalog.jsonld`.
    public var path: String

    public init(label: String, path: String) {
        self.label = label
        self.path = path
    }
}

/// A file of the generated site.
public struct SiteFile: Sendable, Hashable {
    /// Relative to the site folder: `index.html`, `topics/robustness.html`, `assets/style.css`.
    public var path: String
    public var contents: String
}
