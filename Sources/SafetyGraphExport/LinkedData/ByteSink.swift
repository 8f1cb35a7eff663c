import Foundation

/// A buffered byte writer: to a file (flushed in 1 MiB chunks, so a 100,000-entry export never sits in memory
/// as one string) or to memory (for tests and for encoding a piece once and copying it to several files).
public final class ByteSink {
    /// The bytes not yet flushed (in memory mode: everything written).
    public private(set) var buffer: [UInt8] = []
    private let handle: FileHandle?
    private let path: String
    private let flushThreshold = 1 << 20
    private var failure: OutputError?
    /// Bytes written so far, flushed or not.
    public private(set) var count = 0

    /// A sink that keeps everything in memory.
    public init() {
        handle = nil
        path = "<memory>"
    }

    /// A sink writing to an open file; `path` names it in errors.
    public init(handle: FileHandle, path: String) {
        self.handle = handle
        self.path = path
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    // MARK: - Appending

    @inline(__always) public func append(_ byte: UInt8) {
        buffer.append(byte)
        count += 1
    }

    public func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        count += bytes.count
        if handle != nil, buffer.count >= flushThreshold { flush() }
    }

    /// Appends what a memory sink holds.
    public func append(contentsOf other: ByteSink) {
        other.buffer.withUnsafeBufferPointer { append($0) }
    }

    /// Empties a memory sink for reuse.
    public func reset() {
        buffer.removeAll(keepingCapacity: true)
        count = 0
    }

    /// The text written to a memory sink.
    public var text: String { String(decoding: buffer, as: UTF8.self) }

    // MARK: - Files

    /// Writes out the buffer (file sinks only). A failure is kept and reported by `close()`.
    public func flush() {
        guard let handle, failure == nil, !buffer.isEmpty else { return }
        do {
            try buffer.withUnsafeBytes { try handle.write(contentsOf: $0) }
        } catch {
            failure = .io(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file; throws the first write error met.
    public func close() throws(OutputError) {
        flush()
        if let handle {
            do { try handle.close() } catch {
                if failure == nil { failure = .io(path: path, reason: "cannot close: \(error.localizedDescription)") }
            }
        }
        if let failure { throw failure }
    }
}
