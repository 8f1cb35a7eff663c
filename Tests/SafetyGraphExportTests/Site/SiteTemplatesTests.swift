import Foundation
import Testing
@testable import SafetyGraphExport

@Suite struct SiteTemplatesTests {
    static func folder(_ files: [String: String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("site-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return url.path
    }

    @Test func overridesReplaceShippedTemplatesByNameAndTheRestFallBack() throws {
        let dir = try Self.folder([
            "topic.mustache": "{{<layout}}{{$main}}<h1 class=\"mine\">{{label}}</h1>{{/main}}{{/layout}}",
            "style.css": "body { color: red; }\n",
            "notes.txt": "hello",
        ])
        let templates = try SiteTemplates.load(overridesIn: dir)
        #expect(templates.origins["topic"] == dir + "/topic.mustache")
        #expect(templates.origins["index"] == "<shipped>/index.mustache")
        #expect(templates.warnings.map(\.code) == ["unknown-template"])
        #expect(templates.warnings.first?.location?.file == dir + "/notes.txt")
        let site = try SiteFixture.site(templates: templates)
        #expect(site["topics/attacks.html"]?.contains("<h1 class=\"mine\">Attacks</h1>") == true)
        #expect(site["assets/style.css"] == "body { color: red; }\n")
        #expect(site["index.html"]?.contains("class=\"facet-grid\"") == true)
        // Overrides are escaped like the shipped templates.
        #expect(site["topics/attacks.html"]?.contains("<title>Attacks · Test &lt;Scheme&gt;</title>") == true)
    }

    @Test func aTemplateErrorNamesTheFileAndLine() throws {
        let dir = try Self.folder(["kind.mustache": "line one\n{{#entries}}\n{{title}}\n{{/entrie}}\n"])
        do {
            _ = try SiteTemplates.load(overridesIn: dir)
            Issue.record("no error")
        } catch {
            guard case .template(let file, let line, _, let reason) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(file == dir + "/kind.mustache")
            #expect(line == 4)
            #expect(reason.contains("closed with another name"))
            #expect(error.description.hasPrefix(dir + "/kind.mustache:4:"))
        }
    }

    @Test func partialsThatIncludeEachOtherAreRefused() throws {
        let dir = try Self.folder(["entry.mustache": "{{> entry-line}}", "entry-line.mustache": "{{>entry}}"])
        #expect(throws: SiteError.partialCycle(file: dir + "/entry.mustache", chain: ["entry", "entry-line", "entry"])) {
            try SiteTemplates.load(overridesIn: dir)
        }
    }

    @Test func aMissingFolderIsAnError() {
        #expect(throws: SiteError.unreadable(path: "/no/such/folder", reason: "no such template folder")) {
            try SiteTemplates.load(overridesIn: "/no/such/folder")
        }
    }

    @Test func shippedTemplatesAllParseAndNameTheirValuesInAComment() throws {
        let templates = try SiteTemplates.shipped()
        #expect(Set(templates.origins.keys) == Set(SiteTemplates.templateNames))
        for name in SiteTemplates.templateNames {
            #expect(ShippedTemplates.template(name).hasPrefix("{{!\n  \(name):"), "\(name)")
        }
        for name in SiteTemplates.assetNames { #expect(!(templates.assets[name] ?? "").isEmpty) }
    }
}
