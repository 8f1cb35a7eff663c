import Foundation

/// Writes a build's output into a staging folder beside the destination and swaps it in only when
/// everything succeeded, so a failed or killed build leaves the previous output exactly as it was.
///
/// Every relative path is checked: no absolute paths, no `..`, no empty or hidden components, and no two
/// files that differ only in case (they would clash on case-insensitive file systems).
public final class OutputStaging {
    /// The file every build writes; an existing non-empty destination must hold it to be replaced.
    public static let marker = "catalog.json"

    public let destination: String
    public let stagingPath: String
    private var written: [String: String] = [:]  // lowercased path -> path as written
    private var finished = false

    /// Prepares a staging folder next to `destination` (which need not exist yet).
    public init(destination: String) throws(OutputError) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let trimmed = destination.hasSuffix("/") && destination.count > 1 ? String(destination.dropLast()) : destination
        if fm.fileExists(atPath: trimmed, isDirectory: &isDir) {
            guard isDir.boolValue else { throw .notADirectory(trimmed) }
            let contents = (try? fm.contentsOfDirectory(atPath: trimmed)) ?? []
            if !contents.isEmpty && !contents.contains(Self.marker) {
                throw .foreignDirectory(trimmed, marker: Self.marker)
            }
        }
        let url = URL(fileURLWithPath: trimmed)
        let parent = url.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .io(path: parent.path, reason: "cannot create the folder: \(error.localizedDescription)")
        }
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw .io(path: staging.path, reason: "cannot create the staging folder: \(error.localizedDescription)")
        }
        self.destination = trimmed
        self.stagingPath = staging.path
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(atPath: stagingPath) }
    }

    /// Writes `contents` to `relativePath` inside the staging folder.
    public func write(_ contents: String, to relativePath: String) throws(OutputError) {
        try write(Data(contents.utf8), to: relativePath)
    }

    /// Writes `data` to `relativePath` inside the staging folder.
    public func write(_ data: Data, to relativePath: String) throws(OutputError) {
        let url = try reserve(relativePath)
        do {
            try data.write(to: url)
        } catch {
            throw .io(path: relativePath, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// Checks `relativePath`, records it, creates its folder, and returns where it goes in the staging folder.
    func reserve(_ relativePath: String) throws(OutputError) -> URL {
        let components = try Self.checkedComponents(relativePath)
        let key = components.joined(separator: "/").lowercased()
        if let earlier = written[key] { throw .collision(earlier, relativePath) }
        written[key] = relativePath
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
        let old = stagingPath.replacingOccurrences(of: ".partial-", with: ".old-")
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

    private func errnoText() -> String { String(cString: strerror(errno)) }
}
