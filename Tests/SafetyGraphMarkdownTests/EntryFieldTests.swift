import Testing
import SafetyGraphCore
import SafetyGraphMarkdown

/// Fields of hand-picked entries, checked against the lists by eye (line numbers in comments).
@Suite struct EntryFieldTests {
    // MARK: - seed-awesome-safety-critical-ai.md

    @Test func seedCitationsAuthorsAndOrganisations() throws {
        let seed = try Corpus.ingest("seed-awesome-safety-critical-ai.md", rules: Corpus.kindRules)
        // 57: * (Belani, Vukovic & Car, 2019) [Requirements Engineering Challenges …](https://arxiv.org/abs/1908.11791)
        let belani = try #require(seed.entry(url: "https://arxiv.org/abs/1908.11791"))
        #expect(belani.title == "Requirements Engineering Challenges in Building AI-Based Complex Systems")
        #expect(belani.authors == ["Belani", "Vukovic", "Car"])
        #expect(belani.year == 2019)
        #expect(belani.organization == nil)
        #expect(belani.kind == .article)
        #expect(belani.sectionPaths == [["Articles"]])
        #expect(belani.sources.map(\.line) == [57])
        #expect(belani.id.rawValue.hasPrefix("arxiv-org-abs-1908-11791-"))
        // 56: * (Bach *et al.*, 2024) [Unpacking …](…)
        let bach = try #require(seed.entry(url: "https://ieeexplore.ieee.org/document/10620168"))
        #expect(bach.authors == ["Bach"])
        #expect(bach.year == 2024)
        // 62: * (Cummings, 2021) — one name in an article is an author
        #expect(seed.entry(url: "https://ojs.aaai.org/aimagazine/index.php/aimagazine/article/view/7394")?.authors == ["Cummings"])
        // 89: * (MathWorks, 2023) [The Road to AI Certification …](…) — one name in a blog is the organisation
        let mathworks = try #require(seed.entry(titled: "The Road to AI Certification: The importance of Verification and Validation in AI"))
        #expect(mathworks.organization == "MathWorks")
        #expect(mathworks.authors.isEmpty)
        #expect(mathworks.year == 2023)
        #expect(mathworks.sectionPaths == [["Blogs"]])
        // 104: * (ISTQB) [Certified Tester AI Testing (CT-AI)](…)
        let istqb = try #require(seed.entry(titled: "Certified Tester AI Testing (CT-AI)"))
        #expect(istqb.organization == "ISTQB")
        #expect(istqb.year == nil)
        // 117: * [Machine Learning for Healthcare](https://mlhcmit.github.io/) @ MIT
        let mit = try #require(seed.entry(url: "https://mlhcmit.github.io/"))
        #expect(mit.organization == "MIT")
        #expect(mit.kind == .course)
        #expect(mit.description == nil)
        #expect(mit.githubRepo == nil)  // github.io is not a repository
        // 216: * (valgrAI, 2024) [Integrating machine learning …](…) with Thomas Dietterich
        let video = try #require(seed.entry(url: "https://www.youtube.com/watch?v=HSxwnuxaCoo"))
        #expect(video.authors == ["Thomas Dietterich"])
        #expect(video.organization == "valgrAI")
        #expect(video.kind == .resource)
    }

    @Test func seedToolsStandardsAndLinks() throws {
        let seed = try Corpus.ingest("seed-awesome-safety-critical-ai.md", rules: Corpus.kindRules)
        // 167: * [`bethgelab/foolbox`](https://github.com/bethgelab/foolbox): fast adversarial attacks …
        let foolbox = try #require(seed.entry(url: "https://github.com/bethgelab/foolbox"))
        #expect(foolbox.title == "bethgelab/foolbox")
        #expect(foolbox.githubRepo == "bethgelab/foolbox")
        #expect(foolbox.kind == .tool)
        #expect(foolbox.sectionPaths == [["Tools", "Adversarial Attacks"]])
        #expect(foolbox.description?.hasPrefix("fast adversarial attacks to benchmark") == true)
        // 155: * [ANSI/UL 4600](…) > Standard for Evaluation of Autonomous Products
        let ul4600 = try #require(seed.entry(titled: "ANSI/UL 4600"))
        #expect(ul4600.description == "Standard for Evaluation of Autonomous Products")
        #expect(ul4600.kind == .standard)
        // 72 (and 44): Mariani — Part I is the main link, II and III are other URLs; the Editor's Choice line came first.
        let mariani = try #require(seed.entry(url: "https://www.semanticscholar.org/paper/Trustworthy-AI-Part-1-Mariani-Rossi/2e550e23511711dae2689322741f9c113c6c506f"))
        #expect(mariani.title == "trustworthy AI")
        #expect(mariani.otherURLs.count == 2)
        #expect(mariani.otherURLs.first?.contains("Trustworthy-AI-Part-II") == true)
        #expect(mariani.authors == ["Mariani"])
        #expect(mariani.year == 2023)
        #expect(mariani.sectionPaths == [["Articles"], ["Editor's Choice"]])
        #expect(mariani.sources.map(\.line) == [44, 72])
        // 242: * [safety-critical-systems](https://github.com/topics/safety-critical-systems) GitHub topic
        let topic = try #require(seed.entry(titled: "safety-critical-systems"))
        #expect(topic.githubRepo == nil)
        #expect(topic.kind == .resource)
        #expect(topic.description == "GitHub topic")
        // 42: * 😈 A collection of [scary use cases of AI](https://github.com/daviddao/awful-ai), hoping …
        let awful = try #require(seed.entry(url: "https://github.com/daviddao/awful-ai"))
        #expect(awful.title == "scary use cases of AI")
        #expect(awful.description == "A collection of scary use cases of AI, hoping to raise awareness to its misuses in society")
        #expect(awful.githubRepo == "daviddao/awful-ai")
        #expect(awful.kind == .tool)  // no kind rule for Editor's Choice / Miscellaneous: a repository is a tool
    }

    // MARK: - awesome-llm-security.md

    @Test func llmSecurityQuotedTitlesDatesAndTags() throws {
        let list = try Corpus.ingest("awesome-llm-security.md", rules: Corpus.kindRules)
        // 31: - "Visual Adversarial Examples Jailbreak Large Language Models", 2023-06, AAAI(Oral) 24, `multi-modal`, [[paper]](…) [[repo]](…)
        let visual = try #require(list.entry(titled: "Visual Adversarial Examples Jailbreak Large Language Models"))
        #expect(visual.year == 2023)
        #expect(visual.keywords == ["multi-modal"])
        #expect(visual.url.hasPrefix("https://www.themoonlight.io/paper/share/9e1233aa"))
        #expect(visual.otherURLs == ["https://github.com/Unispac/Visual-Adversarial-Examples-Jailbreak-Large-Language-Models"])
        #expect(visual.description == "AAAI(Oral) 24")
        #expect(visual.kind == .article)
        #expect(visual.sectionPaths == [["Papers", "White-box attack"]])
        #expect(visual.githubRepo == nil)
        // 55: - "AutoDAN: …", 2023-10, ICLR(poster) 24, `gene-algorithm`, `new-criterion`, [[paper]](…)
        let autodan = try #require(list.entries.first { $0.title.hasPrefix("AutoDAN:") })
        #expect(autodan.keywords == ["gene-algorithm", "new-criterion"])
        // 108: - [Plexiglass](https://github.com/kortex-labs/plexiglass): a security toolbox … ![GitHub Repo stars](…)
        let plexiglass = try #require(list.entry(titled: "Plexiglass"))
        #expect(plexiglass.githubRepo == "kortex-labs/plexiglass")
        #expect(plexiglass.kind == .tool)
        #expect(plexiglass.description == "a security toolbox for testing and safeguarding LLMs")
        // The Table of Contents (anchors) is not an entry, nor is the title heading a section.
        #expect(!list.entries.contains { $0.sectionPaths.contains { $0.first == "Table of Contents" || $0.first == "Awesome LLM Security" } })
    }

    // MARK: - awesome-trustworthy-deep-learning.md

    @Test func trustworthySubItemsFeedTheirPaper() throws {
        let list = try Corpus.ingest("awesome-trustworthy-deep-learning.md", rules: Corpus.kindRules)
        // 58-61: Title. [[paper]](nature.com/…) [[code]](github …) + authors / Key Word / <details> digest sub-items
        let paper = try #require(list.entry(url: "https://www.nature.com/articles/s42256-025-01151-2"))
        #expect(paper.title == "Multimodal Out-of-Distribution Individual Uncertainty Quantification Enhances Binding Affinity Prediction for Polypharmacology")
        #expect(paper.authors == ["Amitesh Badkul", "Li Xie", "Shuo Zhang", "Lei Xie"])
        #expect(paper.keywords == ["Out-of-Distribution Generalization", "Uncertainty Quantification", "Multimodal Learning", "Anomaly Detection"])
        #expect(paper.otherURLs == ["https://github.com/XieResearchGroup/eMOSAIC"])
        #expect(paper.description?.hasPrefix("This work proposes eMOSAIC") == true)
        #expect(paper.description?.contains("Digest") == false)
        #expect(paper.sectionPaths == [["Paper List", "Out-of-Distribution Generalization"]])
        #expect(paper.githubRepo == nil)
        // 442-443: toolbox with a stars badge and a description sub-item
        let cleverhans = try #require(list.entry(titled: "Cleverhans"))
        #expect(cleverhans.githubRepo == "cleverhans-lab/cleverhans")
        #expect(cleverhans.kind == .tool)
        #expect(cleverhans.sectionPaths == [["Toolboxes", "Robustness Toolboxes"]])
        #expect(cleverhans.description?.hasPrefix("This repository contains the source code for CleverHans") == true)
        #expect(cleverhans.otherURLs.isEmpty)  // the badge is not a link of the entry
        // The list's first h1 is its title; the other 11 h1 are sections. `# Contributing` hides its example item.
        #expect(!list.entries.contains { $0.sectionPaths.contains { $0.first == "Awesome Trustworthy Deep Learning" } })
        #expect(list.entry(url: "https://arxiv.org/abs/xxxx.xxxx") == nil)
        #expect(list.entries.contains { $0.sectionPaths.contains(["Workshops", "Robustness Workshops"]) })
    }

    // MARK: - AwesomeResponsibleAI.md

    @Test func responsibleAIReferencesTablesAndTags() throws {
        let list = try Corpus.ingest("AwesomeResponsibleAI.md", rules: Corpus.kindRules)
        // 80: - Schwartz, R. et al. (2022). **Towards a standard …**. (Vol. 3, p. 00). US Department … [Article](…) `NIST`
        let schwartz = try #require(list.entry(titled: "Towards a standard for identifying and managing bias in artificial intelligence"))
        #expect(schwartz.authors == ["Schwartz, R."])
        #expect(schwartz.year == 2022)
        #expect(schwartz.keywords == ["NIST"])
        #expect(schwartz.kind == .article)
        #expect(schwartz.sectionPaths == [["Academic Research", "Bias"]])
        // 68: the link carries utm_ parameters; the id comes from the normalised URL without them
        let oprea = try #require(list.entries.first { $0.title.hasPrefix("Adversarial machine learning: A taxonomy") })
        #expect(oprea.url.contains("utm_source"))
        #expect(oprea.id == URLNormalizer.entryID(forNormalized: "https://nist.gov/publications/adversarial-machine-learning-taxonomy-and-terminology-attacks-and-mitigations"))
        // 102: - Boolean Decision Rules via Column Generation (Light Edition) ([Dash et al., 2018](…)) `IBM Research`
        let dash = try #require(list.entry(titled: "Boolean Decision Rules via Column Generation (Light Edition)"))
        #expect(dash.authors == ["Dash"])
        #expect(dash.year == 2018)
        #expect(dash.keywords == ["IBM Research"])
        // 231: | [AGI Strategy](…) | BlueDot Impact | A course … | AGI Strategy |
        let agi = try #require(list.entry(url: "https://bluedot.org/courses/agi-strategy"))
        #expect(agi.title == "AGI Strategy")
        #expect(agi.organization == "BlueDot Impact")
        #expect(agi.keywords == ["AGI Strategy"])
        #expect(agi.kind == .course)
        #expect(agi.description?.hasPrefix("A course abour AGI") == true)
        // 432: | Allianz | [Principles for a responsible usage of AI](…) | 2022 |
        let allianz = try #require(list.entry(titled: "Principles for a responsible usage of AI"))
        #expect(allianz.organization == "Allianz")
        #expect(allianz.year == 2022)
        // 195, 415, 718: links that cannot be read are warnings with their line
        let unreadable = list.diagnostics(code: "unparseable-item").compactMap { $0.location?.line }
        #expect(unreadable == [195, 196, 415, 718])
    }

    // MARK: - awesome-mlops.md, awesome-production-machine-learning.md, awful-ai.md, awesome-safety-critical-ai.md

    @Test func dashDescriptionsBadgesAndTableRows() throws {
        let mlops = try Corpus.ingest("awesome-mlops.md", rules: Corpus.kindRules)
        // 49: * [AutoGluon](https://github.com/awslabs/autogluon) - Automated machine learning for …
        let autogluon = try #require(mlops.entry(titled: "AutoGluon"))
        #expect(autogluon.description == "Automated machine learning for image, text, tabular, time-series, and multi-modal data.")
        #expect(autogluon.githubRepo == "awslabs/autogluon")
        #expect(autogluon.sectionPaths == [["AutoML"]])  // `# Awesome MLOps` is the title, not a section
        #expect(mlops.entries.allSatisfy { $0.sectionPaths.allSatisfy { $0.first != "Contributing" } })

        let production = try Corpus.ingest("awesome-production-machine-learning.md")
        // 85: * [AIDE](https://github.com/WecoAI/aideml) ![](…stars badge…) - AIDE is an open-source …
        let aide = try #require(production.entry(titled: "AIDE"))
        #expect(aide.githubRepo == "WecoAI/aideml")
        #expect(aide.description?.hasPrefix("AIDE is an open-source ML engineering agent") == true)
        #expect(aide.otherURLs.isEmpty)
        #expect(aide.sectionPaths == [["Main Content", "AutoML"]])
        // HTML tables (the video and newsletter blocks) are not entries
        #expect(production.entry(url: "https://www.youtube.com/watch?v=Ynb6X0KZKxY") == nil)

        let awful = try Corpus.ingest("awful-ai.md")
        // 197: | 2024 | [AI companion chatbots](…) | 'Awful AI in Mental Health' 🥇 | Congratulations … |
        let winner = try #require(awful.entry(titled: "AI companion chatbots"))
        #expect(winner.year == 2024)
        #expect(winner.keywords == ["Awful AI in Mental Health"])
        #expect(winner.sectionPaths == [["Annual Awful AI Award", "Winners"]])
        #expect(winner.description?.hasPrefix("Congratulations to AI companion chatbots") == true)
        // 37: | Dermatology App | summary | <details>…</details> | [Vice](…) |
        let dermatology = try #require(awful.entry(titled: "Dermatology App"))
        #expect(dermatology.description == "Google's dermatology app, not fully effective for people with darker skin.")
        #expect(dermatology.url.hasPrefix("https://www.vice.com/"))
        #expect(awful.entries.allSatisfy { $0.sectionPaths.allSatisfy { $0.first != "Awful AI" } })

        let current = try Corpus.ingest("awesome-safety-critical-ai.md")
        // 338-339: link text broken over two lines
        #expect(current.entry(url: "https://arxiv.org/abs/2108.02497")?.title == "How to avoid machine learning pitfalls: a guide for academic researchers")
        // 327: a URL with parentheses
        #expect(current.entry(url: "https://www.cell.com/heliyon/fulltext/S2405-8440(24)04600-0")?.authors == ["Khattak"])
        // 786-788: `Slides available [here](…)` belongs to the video above it
        let slides = try #require(current.entry(url: "https://www.mathworks.com/videos/incorporating-machine-learning-models-into-safety-critical-systems-1711734247499.html"))
        #expect(slides.otherURLs == ["https://content.mathworks.com/viewer/65762b5e4b6cb089fea1a04a"])
        // `<a id>` anchors and emoji are stripped from headings
        #expect(current.entry(url: "https://patents.google.com/patent/US10962972B2/en")?.sectionPaths == [["Patents"]])
        #expect(current.diagnostics(code: "unparseable-item").compactMap { $0.location?.line } == [485])
    }
}
