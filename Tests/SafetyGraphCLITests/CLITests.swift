import Foundation
import Testing

/// End-to-end runs of every subcommand through the built binary, from the repository root.
@Suite(.serialized) struct CLITests {
    // MARK: - build

    @Test func buildWritesTheCatalogueAndIsDeterministic() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("one").path
        let second = dir.appendingPathComponent("two").path

        let run1 = try CLIRunner.run(["build", "--output", first, "--quiet"])
        #expect(run1.status == 0, "\(run1.stderr)")
        let run2 = try CLIRunner.run(["build", "--output", second, "--quiet"])
        #expect(run2.status == 0, "\(run2.stderr)")

        let a = try Data(contentsOf: URL(fileURLWithPath: first + "/catalog.json"))
        let b = try Data(contentsOf: URL(fileURLWithPath: second + "/catalog.json"))
        #expect(a == b)
        #expect(a.last == UInt8(ascii: "\n"))

        let json = try #require(try JSONSerialization.jsonObject(with: a) as? [String: Any])
        #expect(json["format"] as? String == "safetygraph-catalog")
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.count >= 120)
        let ids = entries.compactMap { $0["id"] as? String }
        #expect(ids == ids.sorted())
        // Every entry of the default catalogue is tagged, with provenance on each tag.
        for entry in entries {
            let tags = try #require(entry["tags"] as? [[String: Any]])
            #expect(!tags.isEmpty, "untagged: \(entry["title"] ?? "?")")
            for tag in tags {
                let provenance = try #require(tag["provenance"] as? [[String: Any]])
                #expect(!provenance.isEmpty)
                #expect(provenance.allSatisfy { $0["rule"] is String && $0["term"] is String })
            }
        }
        // A hand-checked entry: the Google ML test score rubric.
        let rubric = try #require(entries.first { ($0["url"] as? String)?.contains("whats-your-ml-test-score") == true })
        #expect(rubric["year"] as? Int == 2016)
        #expect(rubric["authors"] as? [String] == ["Breck"])
        #expect(rubric["kind"] as? String == "article")
        #expect(((rubric["tags"] as? [[String: Any]]) ?? []).contains { $0["concept"] as? String == "testing" })
        // `[Title](url) @ Org - description` and `… - description (with Speaker).` in the catalogue.
        let course = try #require(entries.first { ($0["url"] as? String) == "https://mlip-cmu.github.io/" })
        #expect(course["organization"] as? String == "Carnegie-Mellon University")
        #expect((course["description"] as? String)?.hasPrefix("University course") == true)
        let video = try #require(entries.first { ($0["url"] as? String)?.contains("youtube.com/watch?v=HSxwnuxaCoo") == true })
        #expect(video["authors"] as? [String] == ["Thomas Dietterich"])
        #expect(video["organization"] as? String == "valgrAI")
        #expect((video["description"] as? String)?.contains("with") == false)
        #expect(run1.stdout.contains("built \(entries.count) entries"))
    }

    @Test func buildRefusesAnOutputPathThatIsAFile() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        let run = try CLIRunner.run(["build", "--output", file.path, "--quiet"])
        #expect(run.status == 73)
        #expect(run.stderr.contains("is not a folder"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "x")
    }

    @Test func buildRefusesToReplaceAForeignFolder() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("keep me".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        let run = try CLIRunner.run(["build", "--output", dir.path, "--quiet"])
        #expect(run.status == 73)
        #expect(run.stderr.contains("refusing to replace"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("notes.txt").path))
    }

    @Test func missingInputsExit66() throws {
        let list = try CLIRunner.run(["build", "--list", "no/such/list.md", "--output", "/tmp/never-written"])
        #expect(list.status == 66)
        #expect(list.stderr.contains("no/such/list.md"))
        let ontology = try CLIRunner.run(["topics", "--ontology", "no-such-ontology"])
        #expect(ontology.status == 66)
        #expect(ontology.stderr.contains("no-such-ontology"))
    }

    @Test func invalidOntologyExits65WithLocation() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("concepts"), withIntermediateDirectories: true)
        try Data("id: s\ntitle: S\ndefinition: A scheme.\n".utf8).write(to: dir.appendingPathComponent("scheme.yaml"))
        try Data(
            """
            concepts:
              - id: alpha
                prefLabel: Alpha
                definition: First.
              - id: beta
                prefLabel: Beta
                definition: Second.
                broader: [gamma]

            """.utf8
        ).write(to: dir.appendingPathComponent("concepts/a.yaml"))
        let run = try CLIRunner.run(["topics", "--ontology", dir.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("concepts/a.yaml:8:"))
        #expect(run.stderr.contains("'gamma'"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try CLIRunner.run(["query"]).status == 64)
        #expect(try CLIRunner.run(["build", "--related", "-3"]).status == 64)
        #expect(try CLIRunner.run(["no-such-subcommand"]).status == 64)
        let unknown = try CLIRunner.run(["query", "robustnes"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("robustness"))  // the suggestion
    }

    @Test func helpExplainsEverySubcommand() throws {
        let help = try CLIRunner.run(["--help"])
        #expect(help.status == 0)
        for sub in ["build", "query", "related", "topics", "lint"] {
            #expect(help.stdout.contains(sub))
            let subHelp = try CLIRunner.run([sub, "--help"])
            #expect(subHelp.status == 0)
            #expect(subHelp.stdout.contains("--ontology"))
        }
    }

    // MARK: - query, related, topics

    @Test func queryUsesTheHierarchyClosure() throws {
        let run = try CLIRunner.run(["query", "robustness", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(json["count"] as? Int == entries.count)
        #expect(entries.count >= 5)
        let urls = entries.compactMap { $0["url"] as? String }
        #expect(urls.contains("https://github.com/RobustBench/robustbench"))
        #expect(urls.contains("https://github.com/bethgelab/foolbox"))

        // Without closure, only entries tagged `robustness` itself: never more than with it.
        let direct = try CLIRunner.run(["query", "robustness", "--no-narrower", "--format", "json"])
        let directJSON = try #require(try JSONSerialization.jsonObject(with: Data(direct.stdout.utf8)) as? [String: Any])
        #expect((directJSON["count"] as? Int ?? .max) < entries.count)

        // NOT removes, AND narrows.
        let not = try CLIRunner.run(["query", "robustness", "--not", "adversarial-robustness", "--format", "json"])
        let notJSON = try #require(try JSONSerialization.jsonObject(with: Data(not.stdout.utf8)) as? [String: Any])
        let notURLs = ((notJSON["entries"] as? [[String: Any]]) ?? []).compactMap { $0["url"] as? String }
        #expect(!notURLs.contains("https://github.com/bethgelab/foolbox"))
        #expect(notURLs.count < entries.count)
    }

    @Test func queryTextListsTitles() throws {
        let run = try CLIRunner.run(["query", "formal-verification"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Output range analysis for deep feedforward neural networks"))
        #expect(run.stdout.contains("entries"))
    }

    @Test func relatedByURLGivesReasons() throws {
        let run = try CLIRunner.run(["related", "https://arxiv.org/abs/1805.09938", "--format", "json", "--limit", "3"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let related = try #require(json["related"] as? [[String: Any]])
        #expect(related.count == 3)
        for item in related {
            #expect(!((item["shared"] as? [String]) ?? []).isEmpty)
            #expect(((item["entry"] as? [String: Any])?["url"] as? String) != "https://arxiv.org/abs/1805.09938")
        }
        let scores = related.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))

        let unknown = try CLIRunner.run(["related", "https://nowhere.example/x"])
        #expect(unknown.status == 64)
    }

    @Test func topicsPrintsTheTreeWithCounts() throws {
        let run = try CLIRunner.run(["topics"])
        #expect(run.status == 0, "\(run.stderr)")
        for facet in ["verification-and-validation", "robustness", "application-domains", "standards-and-regulation"] {
            #expect(run.stdout.contains("\n\(facet)  ") || run.stdout.hasPrefix("\(facet)  "))
        }
        #expect(run.stdout.contains("  adversarial-robustness  "))

        let json = try CLIRunner.run(["topics", "--under", "robustness", "--format", "json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let roots = try #require(parsed["topics"] as? [[String: Any]])
        #expect(roots.count == 1)
        #expect(roots.first?["concept"] as? String == "robustness")
        #expect((roots.first?["totalCount"] as? Int ?? 0) > 0)
    }

    // MARK: - lint

    @Test func lintReportsFindingsAndExits1() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let list = dir.appendingPathComponent("list.md")
        try Data(
            """
            # A list

            ## Articles

            * [Formal verification of neural networks](https://example.org/a) - proofs about networks.
            * [Cooking with herbs](https://example.org/b) - nothing about AI at all.
            * [Broken item]()
            * [Formal verification again](https://example.org/a)

            """.utf8
        ).write(to: list)
        let run = try CLIRunner.run(["lint", "--list", list.path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("untagged-entry"))
        #expect(run.stdout.contains("Cooking with herbs"))
        #expect(run.stdout.contains("duplicate-url"))
        #expect(run.stdout.contains("list.md:8"))
        #expect(run.stdout.contains("list.md:7"))

        let json = try CLIRunner.run(["lint", "--list", list.path, "--format", "json", "--ignore", "untagged-entry"])
        #expect(json.status == 1)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let codes = ((parsed["findings"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
        #expect(!codes.contains("untagged-entry"))
        #expect(codes.contains("duplicate-url"))
    }

    @Test func lintOnTheDefaultCatalogueIsClean() throws {
        let run = try CLIRunner.run(["lint"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("no findings"))
    }
}
