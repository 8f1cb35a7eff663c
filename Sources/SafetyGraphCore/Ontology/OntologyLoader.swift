import Foundation

/// Loads and validates an ontology folder:
///
/// ```
/// Ontology/
///   scheme.yaml        id, title, definition                      (required)
///   concepts/*.yaml    `concepts:` lists, read in sorted name order (at least one concept in all)
///   rules.yaml         kinds, sections, organizations, ...       (optional; defaults from IngestRules.standard)
///   overrides.yaml     `overrides:` list                          (optional; none by default)
/// ```
///
/// Every problem is reported, not just the first, as `folder/relative/file.yaml:line:column: error: …` with the
/// folder as the caller gave it (never made absolute). Only `*.yaml` and `*.yml` files directly in `concepts/`
/// are read; other files (a README, dot files) and sub-folders there are ignored.
///
/// Strictness, chosen so that the content stays easy to check:
/// - a list field must be a YAML list (`altLabels: [x]`); a single string or an empty value is an error;
/// - scalars are read as the text written (`no`, `1.0` stay text); strings are trimmed, and empty strings are
///   errors everywhere;
/// - YAML anchors and aliases are refused outright, as are files over 8 MiB and absurd nesting;
/// - an empty `rules.yaml` or `overrides.yaml` means "nothing"; an empty `scheme.yaml` or concept file is an error.
public enum OntologyLoader {
    /// Loads the ontology in `folder` and returns it with the warnings found (sorted).
    ///
    /// Throws an `OntologyError` with every problem (errors and warnings, sorted): `.missingInput` when the folder
    /// does not exist or is not a directory, `.invalidData` for anything else.
    public static func load(folder: String) throws(OntologyError) -> (ontology: Ontology, warnings: [Diagnostic]) {
        try load(folder: folder, files: DiskOntologyFiles())
    }

    /// Loads an ontology folder held in memory: paths relative to the folder (`scheme.yaml`,
    /// `concepts/robustness.yaml`) to their bytes. Diagnostics name the files under `folder`. Same checks and
    /// results as `load(folder:)` on a folder holding those files; for the fuzzer and tests.
    @_spi(Fuzzing)
    public static func load(
        files: [String: [UInt8]], folder: String = "Ontology"
    ) throws(OntologyError) -> (ontology: Ontology, warnings: [Diagnostic]) {
        try load(folder: folder, files: MemoryOntologyFiles(folder: folder, files: files))
    }

    static func load(
        folder: String, files: some OntologyFiles
    ) throws(OntologyError) -> (ontology: Ontology, warnings: [Diagnostic]) {
        let folderKind = files.kind(of: folder)
        guard folderKind == .directory else {
            let what =
                folder.isEmpty
                ? "no ontology folder was given"
                : folderKind == .regularFile || folderKind == .special
                    ? "ontology folder \(quoted(folder)) is a file, not a folder"
                    : "ontology folder \(quoted(folder)) does not exist"
            throw OntologyError(
                kind: .missingInput,
                diagnostics: [Diagnostic(.error, code: OntologyIssue.missingFolder.rawValue, what)])
        }
        var log = DiagnosticLog()
        var draft = OntologyDraft()

        let schemePath = join(folder, "scheme.yaml")
        switch YAMLFileReader.read(path: schemePath, displayPath: schemePath, files: files, log: &log) {
        case .missing:
            log.error(
                .missingFile, "\(schemePath): file is missing; it gives the scheme's id, title and definition", at: nil)
        case .failed: break
        case .document(let root):
            var reader = YAMLNodeReader(file: schemePath)
            draft.scheme = OntologyFileParser.scheme(root, reader: &reader)
            log.append(contentsOf: reader.log)
        }

        draft.concepts = readConcepts(folder: folder, files: files, log: &log)

        let rulesPath = join(folder, "rules.yaml")
        if case .document(let root) = YAMLFileReader.read(path: rulesPath, displayPath: rulesPath, files: files, log: &log) {
            var reader = YAMLNodeReader(file: rulesPath)
            draft.rules = OntologyFileParser.rules(root, reader: &reader)
            log.append(contentsOf: reader.log)
        }

        let overridesPath = join(folder, "overrides.yaml")
        if case .document(let root) = YAMLFileReader.read(
            path: overridesPath, displayPath: overridesPath, files: files, log: &log) {
            var reader = YAMLNodeReader(file: overridesPath)
            draft.overrides = OntologyFileParser.overrides(root, reader: &reader)
            log.append(contentsOf: reader.log)
        }

        var validator = OntologyValidator()
        let ontology = validator.validate(draft)
        log.append(contentsOf: validator.log)
        guard let ontology, !log.hasErrors else {
            throw OntologyError(kind: .invalidData, diagnostics: log.items)
        }
        return (ontology, log.items.sorted())
    }

    // MARK: - Concept files

    private static func readConcepts(
        folder: String, files: some OntologyFiles, log: inout DiagnosticLog
    ) -> [RawConcept] {
        let conceptsPath = join(folder, "concepts")
        let conceptsKind = files.kind(of: conceptsPath)
        guard conceptsKind == .directory else {
            let problem =
                conceptsKind == .regularFile || conceptsKind == .special ? "is not a directory" : "folder is missing"
            log.error(
                .missingFile, "\(conceptsPath): \(problem); the ontology needs at least one concept file", at: nil)
            return []
        }
        guard let listed = files.names(in: conceptsPath) else {
            log.error(.unreadable, "\(conceptsPath): cannot be listed", at: nil)
            return []
        }
        let names =
            listed
            .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        guard !names.isEmpty else {
            log.error(
                .noConcepts, "\(conceptsPath): holds no *.yaml files; the ontology needs at least one concept", at: nil)
            return []
        }
        var concepts: [RawConcept] = []
        var anyFileRead = false
        for name in names {
            let path = join(conceptsPath, name)
            let outcome = YAMLFileReader.read(path: path, displayPath: path, files: files, log: &log)
            guard case .document(let root) = outcome else { continue }
            anyFileRead = true
            var reader = YAMLNodeReader(file: path)
            concepts += OntologyFileParser.concepts(root, reader: &reader)
            log.append(contentsOf: reader.log)
        }
        if anyFileRead, concepts.isEmpty, !log.hasErrors {
            log.error(.noConcepts, "\(conceptsPath): the ontology defines no concepts", at: nil)
        }
        return concepts
    }

    // MARK: - Paths

    /// `folder/name` as the user would write it: no doubled slash, relative stays relative.
    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
