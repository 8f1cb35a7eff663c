import Foundation

/// Writes a build's output into a staging folder beside the destination and swaps it in only when
/// everything succeeded, so a failed or killed build leaves the previous output exactly as it was.
///
/// Every relative path is checked: no absolute paths, no `..`, no empty or hidden components, and no two
/// files that differ only in case (they would clash on case-insensitive file systems).
public final class OutputStaging: @unchecked Sendable {  // `written` is guarded by `lock`
    /// The file every build writes; an existing non-empty destination must hold it to be replaced.
    public static let marker = "catalog.json"

    public let destination: String
    public let stagingPath: String
    /// Where the previous output waits during the swap (removed right after it).
    private let oldPath: String
    private var written: [String: String] = [:]  // lowercased path -> path as written
    /// Files may be written from several threads at once (a build writes its parts concurrently).
    private let lock = NSLock()
    private var finished = false

    /// Prepares a staging folder next to `destination` (which need not exist yet).
    ///
    /// Paths in errors are the destination as given (relative stays relative). Leftovers of builds that were killed
    /// (`.<name>.partial-<pid>`, `.<name>.old-<pid>` of processes that no longer run) are removed first; when a build
    /// was killed between moving the previous output aside and moving the new one in, the previous output is put
    /// back before anything else happens.
    public init(destination: String) throws(OutputError) {
        var trimmed = destination
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let (parent, name) = Self.split(trimmed)
        guard !name.isEmpty, name != ".", name != ".." else {
            throw .io(path: trimmed, reason: "the output must be a named folder, not '/', '.' or '..'")
        }
        let fm = FileManager.default
        if !parent.isEmpty {
            if let blocker = Self.firstFileAncestor(parent) {
                throw .io(path: blocker, reason: "is a file, so the output folder cannot be created under it")
            }
            do {
                try fm.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw .io(path: parent, reason: "cannot create the folder (\(Self.reason(error)))")
            }
        }
        Self.recoverFromKilledBuilds(parent: parent, name: name, destination: trimmed)

        var info = stat()
        if stat(trimmed, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .notADirectory(trimmed) }
            let contents = (try? fm.contentsOfDirectory(atPath: trimmed)) ?? []
            if !contents.isEmpty && !contents.contains(Self.marker) {
                throw .foreignDirectory(trimmed, marker: Self.marker)
            }
        }
        let staging = Self.join(parent, ".\(name).partial-\(getpid())")
        try? fm.removeItem(atPath: staging)
        guard mkdir(staging, 0o777) == 0 else {
            throw .io(path: staging, reason: "cannot create the staging folder beside the output: \(Self.errnoText())")
        }
        self.destination = trimmed
        self.stagingPath = staging
        self.oldPath = Self.join(parent, ".\(name).old-\(getpid())")
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(atPath: stagingPath) }
    }

    /// Writes `contents` to `relativePath` inside the staging folder.
    public func write(_ contents: String, to relativePath: String) throws(OutputError) {
        try write(Data(contents.utf8), to: relativePath)
    }

    /// Writes `data` to `relativePath` inside the staging folder.
    ///
    /// Written with `open`, `write` and `close`, not `Data.write(to:)`: Foundation's writer calls `fsync` on every
    /// file, which made a build wait for the disk once per drawing (143 times at any scale: 40 ms in a quiet
    /// moment, far more when the host's disk was busy) for a durability the build does not promise. What it does
    /// promise, an output folder that is either the old one or the whole new one, comes from `commit()`'s renames.
    public func write(_ data: Data, to relativePath: String) throws(OutputError) {
        let descriptor = try create(relativePath)
        defer { Glibc.close(descriptor) }
        let failure = data.withUnsafeBytes { raw -> Int32? in
            guard var next = raw.baseAddress else { return nil }
            var left = raw.count
            while left > 0 {
                let written = Glibc.write(descriptor, next, left)
                if written > 0 {
                    next += written
                    left -= written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return written < 0 ? errno : ENOSPC  // a write of nothing: the device took no more
                }
            }
            return nil
        }
        if let failure { throw .io(path: relativePath, reason: "cannot write: \(String(cString: strerror(failure)))") }
    }

    /// Creates `relativePath` in the staging folder (checked and recorded by `reserve`), empty, for writing, and
    /// returns its descriptor, which the caller closes.
    func create(_ relativePath: String) throws(OutputError) -> Int32 {
        let url = try reserve(relativePath)
        while true {
            let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return descriptor }
            if errno == EINTR { continue }
            throw .io(path: relativePath, reason: "cannot create the file: \(Self.errnoText())")
        }
    }

    /// Checks `relativePath`, records it, creates its folder, and returns where it goes in the staging folder.
    func reserve(_ relativePath: String) throws(OutputError) -> URL {
        let components = try Self.checkedComponents(relativePath)
        let key = components.joined(separator: "/").lowercased()
        lock.lock()
        if let earlier = written[key] {
            lock.unlock()
            throw .collision(earlier, relativePath)
        }
        written[key] = relativePath
        lock.unlock()
        let url = components.reduce(URL(fileURLWithPath: stagingPath)) { $0.appendingPathComponent($1) }
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw .io(path: relativePath, reason: "cannot create the folder: \(error.localizedDescription)")
        }
        return url
    }

    /// Replaces the destination with the staging folder. The old output is removed only after the swap.
    public func commit() throws(OutputError) {
        let fm = FileManager.default
        let old = oldPath
        try? fm.removeItem(atPath: old)
        let hadOld = fm.fileExists(atPath: destination)
        if hadOld {
            guard rename(destination, old) == 0 else {
                throw .io(path: destination, reason: "cannot move the previous output aside: \(errnoText())")
            }
        }
        guard rename(stagingPath, destination) == 0 else {
            let reason = errnoText()
            if hadOld { _ = rename(old, destination) }
            throw .io(path: destination, reason: "cannot move the new output in place: \(reason)")
        }
        finished = true
        if hadOld { try? fm.removeItem(atPath: old) }
    }

    /// Removes the staging folder without touching the destination.
    public func discard() {
        try? FileManager.default.removeItem(atPath: stagingPath)
        finished = true
    }

    static func checkedComponents(_ relativePath: String) throws(OutputError) -> [String] {
        guard !relativePath.hasPrefix("/"), !relativePath.contains("\\") else { throw .unsafePath(relativePath) }
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for c in components {
            if c.isEmpty || c == "." || c == ".." || c.hasPrefix(".")
                || c.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == ":" })
                || c.utf8.count > 200
            {
                throw .unsafePath(relativePath)
            }
        }
        return components
    }

    private func errnoText() -> String { Self.errnoText() }

    // MARK: - Paths and leftovers

    private static func errnoText() -> String { String(cString: strerror(errno)) }

    /// The POSIX reason inside a Foundation error when there is one (Foundation's own wording can mislead: it says
    /// "the file doesn't exist" for a folder it could not create), else Foundation's description.
    private static func reason(_ error: Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }

    /// The folder part (as written; empty for the current folder) and the last component of `path`.
    static func split(_ path: String) -> (parent: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }

    static func join(_ parent: String, _ name: String) -> String {
        parent.isEmpty ? name : parent.hasSuffix("/") ? parent + name : parent + "/" + name
    }

    /// The first prefix of `path` (as written) that exists and is not a folder, if any.
    private static func firstFileAncestor(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix = join(prefix, String(component))
            var info = stat()
            guard stat(prefix, &info) == 0 else { return nil }
            if info.st_mode & S_IFMT != S_IFDIR { return prefix }
        }
        return nil
    }

    /// Removes the staging and swap folders of builds of `name` whose process is gone, and puts a previous output
    /// back when a killed build left it moved aside with nothing in its place. Folders of running builds are left.
    private static func recoverFromKilledBuilds(parent: String, name: String, destination: String) {
        let fm = FileManager.default
        let listed = (try? fm.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
        var orphans: [(path: String, isOld: Bool)] = []
        for entry in listed.sorted() {
            for (infix, isOld) in [(".partial-", false), (".old-", true)] {
                let prefix = "." + name + infix
                guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)), pid > 0,
                    pid != getpid(), kill(pid, 0) == -1, errno == ESRCH
                else { continue }
                orphans.append((join(parent, entry), isOld))
            }
        }
        var info = stat()
        if stat(destination, &info) != 0,
            let previous = orphans.first(where: {
                $0.isOld && fm.fileExists(atPath: join($0.path, marker))
            })
        {
            _ = rename(previous.path, destination)
        }
        for orphan in orphans where fm.fileExists(atPath: orphan.path) {
            try? fm.removeItem(atPath: orphan.path)
        }
    }
}
