import Foundation

/// Every file under a folder (hidden ones included) by relative path, with its bytes: two snapshots are equal
/// exactly when the folders are byte-for-byte the same tree.
struct FolderSnapshot: Equatable {
    var files: [String: Data]
    var folders: Set<String>

    init(_ root: URL) throws {
        files = [:]
        folders = []
        let fm = FileManager.default
        var pending = [""]
        while let relative = pending.popLast() {
            let url = relative.isEmpty ? root : root.appendingPathComponent(relative)
            for name in try fm.contentsOfDirectory(atPath: url.path) {
                let path = relative.isEmpty ? name : relative + "/" + name
                var isDirectory: ObjCBool = false
                _ = fm.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
                if isDirectory.boolValue {
                    folders.insert(path)
                    pending.append(path)
                } else {
                    files[path] = try Data(contentsOf: root.appendingPathComponent(path))
                }
            }
        }
    }

    /// The first difference, for a failure message.
    func difference(from other: FolderSnapshot) -> String? {
        if folders != other.folders { return "folders differ: \(folders.symmetricDifference(other.folders).sorted())" }
        let names = Set(files.keys).union(other.files.keys).sorted()
        for name in names where files[name] != other.files[name] {
            guard let a = files[name], let b = other.files[name] else { return "\(name) exists in only one" }
            let at = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            let context = { (d: Data) in String(decoding: d[max(0, at - 80)..<min(d.count, at + 80)], as: UTF8.self) }
            return "\(name) differs at byte \(at):\n<<< \(context(a))\n>>> \(context(b))"
        }
        return nil
    }
}
