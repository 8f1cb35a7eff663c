import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the ontology loader reads its files from: the disk, or (for the fuzzer and tests) a dictionary of
/// paths to bytes. The loader's checks and messages are the same for both, so fuzzing the in-memory form
/// exercises the code that reads real folders.
protocol OntologyFiles {
    /// What is at `path`.
    func kind(of path: String) -> OntologyFileKind
    /// The names directly inside the directory at `path`, or nil when it cannot be listed.
    func names(in path: String) -> [String]?
    /// At most `limit` bytes of the regular file at `path`, or nil when it cannot be read.
    func read(_ path: String, limit: Int) -> [UInt8]?
}

/// What a path names, as far as the loader cares.
enum OntologyFileKind: Equatable {
    case missing
    case directory
    case regularFile
    /// A device, socket, pipe and the like: never read.
    case special
    /// `stat` failed for another reason than absence; the text says why.
    case unreadable(String)
}

// MARK: - DiskOntologyFiles

/// The real file system.
struct DiskOntologyFiles: OntologyFiles {
    func kind(of path: String) -> OntologyFileKind {
        guard !path.isEmpty else { return .missing }
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return .missing }
            return .unreadable(String(cString: strerror(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regularFile
        case S_IFDIR: return .directory
        default: return .special
        }
    }

    func names(in path: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: path)
    }

    func read(_ path: String, limit: Int) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        // Read at most `limit` bytes, so a huge file is never loaded whole.
        do {
            guard let data = try handle.read(upToCount: limit) else { return [] }
            return [UInt8](data)
        } catch {
            return nil
        }
    }
}

// MARK: - MemoryOntologyFiles

/// An ontology folder held in memory: file paths (relative to the folder, `/`-separated, such as
/// `concepts/robustness.yaml`) to their bytes. Directories exist implicitly as the parents of files.
struct MemoryOntologyFiles: OntologyFiles {
    /// The folder name the paths are under (what diagnostics print).
    let folder: String
    private let files: [String: [UInt8]]
    private let directories: Set<String>

    init(folder: String, files: [String: [UInt8]]) {
        self.folder = folder
        var byPath: [String: [UInt8]] = [:]
        var directories: Set<String> = [folder]
        for (relative, bytes) in files {
            let path = OntologyLoader.join(folder, relative)
            byPath[path] = bytes
            var parent = Substring(path)
            while let slash = parent.lastIndex(of: "/") {
                parent = parent[..<slash]
                directories.insert(String(parent))
            }
        }
        self.files = byPath
        self.directories = directories
    }

    func kind(of path: String) -> OntologyFileKind {
        guard !path.isEmpty else { return .missing }
        if files[path] != nil { return .regularFile }
        return directories.contains(path) ? .directory : .missing
    }

    func names(in path: String) -> [String]? {
        guard directories.contains(path) else { return nil }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        var names: Set<String> = []
        for candidate in files.keys where candidate.hasPrefix(prefix) {
            let rest = candidate.dropFirst(prefix.count)
            names.insert(String(rest.prefix { $0 != "/" }))
        }
        return Array(names)
    }

    func read(_ path: String, limit: Int) -> [UInt8]? {
        files[path].map { Array($0.prefix(limit)) }
    }
}
