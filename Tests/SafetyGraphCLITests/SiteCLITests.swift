import Foundation
import Testing

/// `build` writes the site; `templates` writes the shipped templates; `--templates` restyles from a folder.
@Suite(.serialized) struct SiteCLITests {
    @Test func writtenTemplatesRebuildTheSameSiteAndEditsShowUp() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let templates = dir.appendingPathComponent("templates").path
        let write = try CLIRunner.run(["templates", templates])
        #expect(write.status == 0, "\(write.stderr)")
        #expect(write.stdout.contains("wrote 11 files"))
        let again = try CLIRunner.run(["templates", templates])
        #expect(again.status == 0 && again.stderr.contains("exists, kept"))

        let shipped = dir.appendingPathComponent("shipped").path
        let copied = dir.appendingPathComponent("copied").path
        #expect(try CLIRunner.run(["build", "--output", shipped, "--quiet", "--no-graphs"]).status == 0)
        #expect(try CLIRunner.run(["build", "--output", copied, "--quiet", "--no-graphs", "--templates", templates]).status == 0)
        for page in ["site/index.html", "site/a-z.html", "site/topics/robustness.html", "site/assets/style.css"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: shipped + "/" + page))
            let b = try Data(contentsOf: URL(fileURLWithPath: copied + "/" + page))
            #expect(a == b, "\(page)")
        }

        // An edited layout shows on every page; a broken template stops the build with its place.
        let layout = templates + "/layout.mustache"
        let text = try String(contentsOfFile: layout, encoding: .utf8)
        try text.replacingOccurrences(of: "<footer class=\"site-footer\">", with: "<footer class=\"site-footer mine\">")
            .write(toFile: layout, atomically: true, encoding: .utf8)
        let edited = dir.appendingPathComponent("edited").path
        #expect(try CLIRunner.run(["build", "--output", edited, "--quiet", "--no-graphs", "--templates", templates]).status == 0)
        let kind = try String(contentsOfFile: edited + "/site/kinds/tool.html", encoding: .utf8)
        #expect(kind.contains("<footer class=\"site-footer mine\">"))

        try "{{#entries}}\n".write(toFile: templates + "/kind.mustache", atomically: true, encoding: .utf8)
        let broken = try CLIRunner.run(["build", "--output", dir.appendingPathComponent("broken").path, "--templates", templates])
        #expect(broken.status == 65)
        #expect(broken.stderr.contains(templates + "/kind.mustache:"))
        #expect(broken.stderr.contains("error: a section is opened and never closed"))

        let missing = try CLIRunner.run(["build", "--output", dir.appendingPathComponent("m").path, "--templates", "/no/such"])
        #expect(missing.status == 66)
    }

    @Test func theDefaultBuildWritesEveryPageKind() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("out").path
        let run = try CLIRunner.run(["build", "--output", output, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let fm = FileManager.default
        for page in ["index.html", "a-z.html", "coverage.html", "search.html", "kinds/article.html",
                     "topics/robustness.html", "assets/style.css", "assets/search.js", "assets/search-index.js"]
        {
            #expect(fm.fileExists(atPath: output + "/site/" + page), "\(page)")
        }
        let index = try String(contentsOfFile: output + "/site/index.html", encoding: .utf8)
        #expect(index.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(index.contains("xlink:href=\"topics/robustness.html\""))
        let topics = try fm.contentsOfDirectory(atPath: output + "/site/topics").filter { $0.hasSuffix(".html") }
        #expect(topics.count >= 100)
    }
}
