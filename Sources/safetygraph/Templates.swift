import ArgumentParser
import Foundation
import SafetyGraphExport

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the site's shipped templates and assets to a folder, to restyle the site from.",
        discussion: """
            Writes layout.mustache, index.mustache, topic.mustache, kind.mustache, a-z.mustache, \
            coverage.mustache, search.mustache, entry.mustache, entry-line.mustache, style.css and search.js. \
            Edit any of them and build with `safetygraph build --templates DIR`: files you delete fall back to \
            the shipped ones. Each template starts with a comment listing its values. {{value}} is HTML-escaped \
            (text and quoted attributes); {{{value}}} is not, so use it only for the `jsonLD` and `svg` values, \
            which the generator makes safe itself. Existing files are kept unless --force is given.
            """
    )

    @Argument(help: ArgumentHelp("The folder to write (created when missing).", valueName: "dir"))
    var folder: String

    @Flag(help: "Overwrite files that already exist.")
    var force = false

    func validate() throws {
        if folder.isEmpty { throw ValidationError("Give a folder to write the templates to.") }
    }

    func run() throws { try reportingFailures(execute) }

    private func execute() throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(Failure.cannotCreate, "\(folder): error: cannot create the folder: \(error.localizedDescription)")
        }
        var written: [String] = []
        var kept: [String] = []
        for file in SiteTemplates.shippedFiles {
            let path = joinPath(folder, file.name)
            if fm.fileExists(atPath: path) && !force {
                kept.append(path)
                continue
            }
            do {
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw Failure(Failure.cannotCreate, "\(path): error: cannot write: \(error.localizedDescription)")
            }
            written.append(file.name)
        }
        if !kept.isEmpty { printError(kept.map { "\($0): warning: exists, kept (use --force to overwrite)" }) }
        printOut("wrote \(written.count) files into \(folder)/")
    }
}
