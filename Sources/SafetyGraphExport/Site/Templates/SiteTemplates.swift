import Foundation
import Mustache
import SafetyGraphCore

/// The templates and assets a site is generated with: the shipped ones, each replaceable by a file of the same
/// name in a folder the user gives (`safetygraph build --templates DIR`).
///
/// Templates are Mustache (`*.mustache`); `{{value}}` is HTML-escaped (on scalars, see `SafeHTMLContentType`)
/// and fit for text and quoted attributes. The shipped templates use `{{{…}}}` only for the two values the
/// generator makes safe itself: `jsonLD` (escaped for `<script>` by `ScriptJSON`) and `svg` (rebuilt by
/// `SVGSanitizer`).
public struct SiteTemplates: Sendable {
    /// Template names, as files: `layout.mustache`, … (every page extends `layout`; `entry` and `entry-line`
    /// are partials).
    public static let templateNames = ["a-z", "coverage", "entry", "entry-line", "index", "kind", "layout", "search", "topic"]
    /// Assets copied to `assets/`, as files.
    public static let assetNames = ["search.js", "style.css"]

    let library: MustacheLibrary
    /// Asset file name → contents.
    public let assets: [String: String]
    /// Where each template came from (its file when overridden, else `<shipped>/name.mustache`).
    public let origins: [String: String]
    /// Files in the override folder that are neither a template nor an asset (probably misnamed).
    public let warnings: [Diagnostic]

    /// The shipped templates and assets.
    public static func shipped() throws(SiteError) -> SiteTemplates { try load(overridesIn: nil) }

    /// The shipped templates and assets as files (`topic.mustache`, `style.css`, …), sorted by name, each ending
    /// with a newline: what `safetygraph templates DIR` writes for a user to edit.
    public static var shippedFiles: [(name: String, text: String)] {
        let files = templateNames.map { ($0 + ".mustache", ShippedTemplates.template($0)) }
            + assetNames.map { ($0, ShippedTemplates.asset($0)) }
        return files.sorted { $0.0 < $1.0 }
    }

    /// The shipped templates and assets, each replaced by `folder/<name>` when that file exists.
    public static func load(overridesIn folder: String?) throws(SiteError) -> SiteTemplates {
        _ = SafeHTMLContentType.registered
        var sources: [String: (text: String, origin: String)] = [:]
        for name in templateNames { sources[name] = (ShippedTemplates.template(name), "<shipped>/\(name).mustache") }
        var assets: [String: String] = [:]
        for name in assetNames { assets[name] = ShippedTemplates.asset(name) }
        var warnings: [Diagnostic] = []

        if let folder {
            let files = try listFolder(folder)
            for file in files {
                let path = folder.hasSuffix("/") ? folder + file : folder + "/" + file
                if file.hasSuffix(".mustache"), templateNames.contains(String(file.dropLast(9))) {
                    sources[String(file.dropLast(9))] = (try read(path), path)
                } else if assetNames.contains(file) {
                    assets[file] = try read(path)
                } else {
                    let known = (templateNames.map { $0 + ".mustache" } + assetNames).joined(separator: ", ")
                    warnings.append(Diagnostic(
                        .warning, code: "unknown-template",
                        "'\(file)' is not a template or asset of the site and is ignored (known: \(known))",
                        at: SourceLocation(file: path, line: 1)))
                }
            }
        }

        var library = MustacheLibrary()
        for name in templateNames.sorted() {
            guard let source = sources[name] else { continue }
            do {
                // The pragma on a line of its own is a standalone tag: it leaves no text, and a template's first
                // line (a comment) stays standalone too. Line numbers in errors are shifted back by that line.
                library.register(try MustacheTemplate(string: SafeHTMLContentType.pragma + "\n" + source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                let line = max(error.context.lineNumber - 1, 1)
                throw .template(
                    file: source.origin, line: line, column: error.context.columnNumber, reason: describe(error.error))
            } catch {
                throw .template(file: source.origin, line: 1, column: 0, reason: "\(error)")
            }
        }
        try checkNoCycle(sources.mapValues(\.text), origins: sources.mapValues(\.origin))
        return SiteTemplates(
            library: library, assets: assets, origins: sources.mapValues(\.origin), warnings: warnings)
    }

    /// Renders template `name` with `context` (dictionaries, arrays, strings, numbers, booleans).
    func render(_ name: String, _ context: [String: Any]) throws(SiteError) -> String {
        guard let text = library.render(context, withTemplate: name) else {
            throw .template(file: origins[name] ?? name, line: 1, column: 0, reason: "no template named '\(name)'")
        }
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    // MARK: - Reading

    private static func listFolder(_ folder: String) throws(SiteError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unreadable(path: folder, reason: "no such template folder")
        }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw .unreadable(path: folder, reason: "cannot list the template folder: \(error.localizedDescription)")
        }
    }

    private static func read(_ path: String) throws(SiteError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot read the file")
        }
        guard data.count <= 4_000_000 else { throw .unreadable(path: path, reason: "the file is larger than 4 MB") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "the file is not UTF-8 text")
        }
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with another name than it was opened with"
        case .unfinishedName: return "a tag is not finished (missing '}}' or an empty name)"
        case .expectedSectionEnd: return "a section is opened and never closed"
        case .invalidSetDelimiter: return "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only block definitions may stand inside '{{<parent}}'"
        case .textInsideInheritSection: return "text stands inside '{{<parent}}' outside a block definition"
        case .invalidConfigVariableSyntax: return "a pragma ('{{% …}}') is malformed"
        case .unrecognisedConfigVariable: return "unknown pragma or content type"
        }
    }
}
