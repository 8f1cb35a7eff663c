import Foundation

extension OutputStaging {
    /// Opens `relativePath` in the staging folder for streaming: the caller appends to the sink and closes it,
    /// so a large file is written in chunks instead of being built as one string.
    public func openStream(_ relativePath: String) throws(OutputError) -> ByteSink {
        let url = try reserve(relativePath)
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: url)
        else { throw .io(path: relativePath, reason: "cannot create the file") }
        return ByteSink(handle: handle, path: relativePath)
    }
}
