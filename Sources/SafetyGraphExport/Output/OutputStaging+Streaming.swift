import Foundation

extension OutputStaging {
    /// Opens `relativePath` in the staging folder for streaming: the caller appends to the sink and closes it,
    /// so a large file is written in chunks instead of being built as one string.
    public func openStream(_ relativePath: String) throws(OutputError) -> ByteSink {
        let descriptor = try create(relativePath)
        return ByteSink(handle: FileHandle(fileDescriptor: descriptor, closeOnDealloc: true), path: relativePath)
    }
}
