import SafetyGraphCore
import SafetyGraphExport

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

    /// The inputs the site takes from the rest of the build: findings for the coverage page, the downloads.
    static func inputs(project: Project) -> SiteInputs {
        SiteInputs(
            linkedData: SchemaOrgPageData(),
            findings: Linter.findings(graph: project.graph, diagnostics: project.diagnostics),
            downloads: [SiteDownload(label: "catalog.json", path: "../catalog.json")])
    }
}
