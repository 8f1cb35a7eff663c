import Foundation

/// A buffered byte writer: to a file (flushed in 1 MiB chunks, so a 100,000-entry export never sits in memory
/// as one string) or to memory (for tests and for encoding a piece once and copying it to several files).
///
/// A file sink writes every byte at its place in the file (`pwrite` at the count of bytes before it), never at the
/// file's current position: so a piece can be given its place first (`reserve`) and written there later, on
/// another thread, while the sink goes on (`write(_:at:)`).
public final class ByteSink {
    // A raw buffer rather than `[UInt8]`: the writers append millions of small pieces, and array appends
    // cost more than the copying itself. The buffer's state sits behind a pointer, not in stored `var`s: every
    // access to a class's stored `var` is checked for exclusivity at run time, which cost more than the appends.
    private struct Buffer {
        var storage: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var used = 0
        /// Bytes written so far, flushed or not.
        var count = 0
    }

    private let buffer: UnsafeMutablePointer<Buffer>
    private let handle: FileHandle?
    private let path: String
    /// A file sink's space, reserved ahead of its writes (`FileSpace`).
    private let space: FileSpace?
    /// The first write error met; written and read under `failureLock`, since pieces given their place with
    /// `reserve` may be written on other threads.
    private var failure: OutputError?
    private let failureLock = NSLock()
    /// Bytes written so far, flushed or not.
    public var count: Int { buffer.pointee.count }

    private var storage: UnsafeMutablePointer<UInt8> { buffer.pointee.storage }
    private var used: Int { buffer.pointee.used }

    /// A sink that keeps everything in memory.
    public init() {
        handle = nil
        path = "<memory>"
        space = nil
        buffer = .allocate(capacity: 1)
        buffer.initialize(to: Buffer(storage: .allocate(capacity: 4096), capacity: 4096))
    }

    /// A sink writing to an open file in 1 MiB chunks; `path` names it in errors.
    public init(handle: FileHandle, path: String) {
        self.handle = handle
        self.path = path
        space = FileSpace(descriptor: handle.fileDescriptor)
        buffer = .allocate(capacity: 1)
        buffer.initialize(to: Buffer(storage: .allocate(capacity: 1 << 20), capacity: 1 << 20))
    }

    deinit {
        buffer.pointee.storage.deallocate()
        buffer.deinitialize(count: 1)
        buffer.deallocate()
    }

    /// The bytes not yet flushed (in memory mode: everything written).
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: used)) }

    // MARK: - Appending

    @inline(__always) public func append(_ byte: UInt8) {
        if buffer.pointee.used == buffer.pointee.capacity { makeRoom(for: 1) }
        buffer.pointee.storage[buffer.pointee.used] = byte
        buffer.pointee.used += 1
        buffer.pointee.count += 1
    }

    /// Disfavoured, so that a literal is appended as a `StaticString` (below), whose bytes are at hand.
    @_disfavoredOverload public func append(_ text: String) {
        withUTF8Bytes(of: text) { append($0) }
    }

    /// A literal's bytes, straight from the binary (a short `String` literal is kept inline and had to be copied
    /// out for every append).
    @inline(__always) public func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }  // also a one-scalar literal, which has no pointer
    }

    /// The writers append millions of short pieces (a quote, a separator, a word, an IRI): the common case, a piece
    /// that fits, is copied inline (`copyShort`), without `memcpy`'s call for the shorter.
    @inline(__always) public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let state = buffer
        let count = bytes.count
        if count <= state.pointee.capacity &- state.pointee.used, let base = bytes.baseAddress {
            let destination = state.pointee.storage + state.pointee.used
            if count <= 32 {
                Self.copyShort(UnsafeRawPointer(base), to: UnsafeMutableRawPointer(destination), count: count)
            } else {
                destination.update(from: base, count: count)
            }
            state.pointee.used &+= count
            state.pointee.count &+= count
            return
        }
        appendMakingRoom(bytes)
    }

    /// Copies `count` bytes, at most 32, as two pieces of the widest size that fits twice (16, 8 or 4 bytes), the
    /// second ending where the bytes end and overlapping the first if need be; fewer than four byte by byte. A byte
    /// loop took up to five instructions a byte, and `memcpy`'s call as many as the copy for most IRIs.
    @inline(__always) static func copyShort(_ from: UnsafeRawPointer, to: UnsafeMutableRawPointer, count: Int) {
        @inline(__always) func pair<Piece>(_: Piece.Type) {
            let tail = count &- MemoryLayout<Piece>.size
            let first = from.loadUnaligned(as: Piece.self), last = from.loadUnaligned(fromByteOffset: tail, as: Piece.self)
            to.storeBytes(of: first, as: Piece.self)
            to.storeBytes(of: last, toByteOffset: tail, as: Piece.self)
        }
        if count >= 16 {
            pair(SIMD16<UInt8>.self)
        } else if count >= 8 {
            pair(UInt64.self)
        } else if count >= 4 {
            pair(UInt32.self)
        } else {
            var i = 0
            while i < count {
                to.storeBytes(of: from.load(fromByteOffset: i, as: UInt8.self), toByteOffset: i, as: UInt8.self)
                i &+= 1
            }
        }
    }

    /// Copies `bytes` to `place` and returns where they end: inline when short (`copyShort`), else `memcpy`. For
    /// writers that lay out a piece of several parts in `appendInPlace`.
    @inline(__always) static func copy(
        _ bytes: UnsafeBufferPointer<UInt8>, to place: UnsafeMutablePointer<UInt8>
    ) -> UnsafeMutablePointer<UInt8> {
        guard let base = bytes.baseAddress else { return place }
        if bytes.count <= 32 {
            copyShort(UnsafeRawPointer(base), to: UnsafeMutableRawPointer(place), count: bytes.count)
        } else {
            place.update(from: base, count: bytes.count)
        }
        return place + bytes.count
    }

    /// Lets `body` write a piece of at most `maximum` bytes straight into the buffer, and keeps as many as it says
    /// it wrote: for a piece of several small parts, one check for room instead of one per part. `maximum` must
    /// fit in a file sink's 1 MiB buffer (a memory sink grows to fit).
    @inline(__always) public func appendInPlace(upTo maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if maximum > buffer.pointee.capacity &- buffer.pointee.used { makeRoom(for: maximum) }
        precondition(maximum <= buffer.pointee.capacity &- buffer.pointee.used, "a piece larger than the buffer")
        let written = body(buffer.pointee.storage + buffer.pointee.used)
        precondition(written >= 0 && written <= maximum, "wrote more than it said it would")
        buffer.pointee.used &+= written
        buffer.pointee.count &+= written
    }

    /// `append` when the piece does not fit in what is left of the buffer.
    private func appendMakingRoom(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if buffer.pointee.used + bytes.count > buffer.pointee.capacity { makeRoom(for: bytes.count) }
        if buffer.pointee.used + bytes.count > buffer.pointee.capacity {
            // Larger than a whole chunk (file sinks only, whose buffer `makeRoom` has just emptied): written through.
            write(UnsafeRawBufferPointer(bytes), at: buffer.pointee.count)
        } else {
            (buffer.pointee.storage + buffer.pointee.used).update(from: base, count: bytes.count)
            buffer.pointee.used += bytes.count
        }
        buffer.pointee.count += bytes.count
    }

    /// Appends what a memory sink holds, but for its first `skipped` bytes. A file sink writes a large piece out as
    /// it is, after its own buffer, rather than copying it through the buffer first.
    public func append(contentsOf other: ByteSink, droppingFirst skipped: Int = 0) {
        appendLater(contentsOf: other, droppingFirst: skipped)?.perform()
    }

    /// `append(contentsOf:droppingFirst:)` in two steps: a large piece for a file sink is given its place now, and
    /// the write that puts it there is returned, to be performed later on any thread (while `other` is left as it
    /// is), so that the pieces of several threads are written at once; anything else is appended now (nil).
    public func appendLater(contentsOf other: ByteSink, droppingFirst skipped: Int = 0) -> PendingWrite? {
        let skipped = min(skipped, other.used)
        let piece = UnsafeBufferPointer(start: other.storage + skipped, count: other.used - skipped)
        guard handle != nil, piece.count >= Self.writtenThrough else {
            append(piece)
            return nil
        }
        return PendingWrite(sink: self, bytes: UnsafeRawBufferPointer(piece), offset: reserve(piece.count))
    }

    /// A piece of a memory sink and its place in a file sink (`appendLater`).
    public struct PendingWrite {
        let sink: ByteSink
        let bytes: UnsafeRawBufferPointer
        let offset: Int

        /// Writes the piece at its place.
        public func perform() { sink.write(bytes, at: offset) }
    }

    /// Gives the next `length` bytes of a file sink their place and returns where it starts: the caller writes them
    /// there with `write(_:at:)`, on any thread, and the sink goes on after them at once. What the buffer holds is
    /// written out first. File sinks only (a memory sink appends in order).
    public func reserve(_ length: Int) -> Int {
        precondition(handle != nil, "reserve is for file sinks")
        flush()
        let offset = buffer.pointee.count
        buffer.pointee.count += length
        return offset
    }

    /// From this size on, a memory sink's bytes appended to a file sink skip the file sink's buffer.
    static let writtenThrough = 64 << 10

    /// Empties a memory sink for reuse.
    public func reset() {
        buffer.pointee.used = 0
        buffer.pointee.count = 0
    }

    /// The text written to a memory sink.
    public var text: String { String(decoding: UnsafeBufferPointer(start: storage, count: used), as: UTF8.self) }

    /// Flushes a file sink, or grows a memory sink, so that `extra` more bytes fit if they can.
    private func makeRoom(for extra: Int) {
        if handle != nil {
            flush()
            return
        }
        var newCapacity = buffer.pointee.capacity * 2
        while newCapacity < used + extra { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: storage, count: used)
        storage.deallocate()
        buffer.pointee.storage = grown
        buffer.pointee.capacity = newCapacity
    }

    // MARK: - Files

    /// Writes out the buffer (file sinks only). A failure is kept and reported by `close()`.
    public func flush() {
        guard handle != nil, used > 0 else { return }
        write(UnsafeRawBufferPointer(start: storage, count: used), at: buffer.pointee.count - used)
        buffer.pointee.used = 0
    }

    /// Writes `bytes` at `offset` of the file (`pwrite`, as many calls as it takes): a place `reserve` gave, or the
    /// buffer's own. Safe on several threads at once for places that do not overlap. After a failure nothing more
    /// is written; the first failure is kept for `close()`.
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        guard let handle, let base = bytes.baseAddress, !bytes.isEmpty, !hasFailed else { return }
        let descriptor = handle.fileDescriptor
        space?.ensure(through: offset + bytes.count)
        var done = 0
        while done < bytes.count {
            let written = pwrite(descriptor, base + done, bytes.count - done, off_t(offset + done))
            if written > 0 {
                done += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                let reason = written < 0 ? String(cString: strerror(errno)) : "nothing was written"
                fail(.io(path: path, reason: "cannot write: \(reason)"))
                return
            }
        }
    }

    private var hasFailed: Bool {
        failureLock.lock()
        defer { failureLock.unlock() }
        return failure != nil
    }

    /// Keeps `error` unless an earlier failure was kept.
    private func fail(_ error: OutputError) {
        failureLock.lock()
        if failure == nil { failure = error }
        failureLock.unlock()
    }

    /// Flushes and closes the file; throws the first write error met.
    public func close() throws(OutputError) {
        flush()
        if let space, !hasFailed, let error = space.trim(to: buffer.pointee.count) {
            let reason = String(cString: strerror(error))
            fail(.io(path: path, reason: "cannot free the space reserved past the end: \(reason)"))
        }
        if let handle {
            do { try handle.close() } catch {
                fail(.io(path: path, reason: "cannot close: \(error.localizedDescription)"))
            }
        }
        failureLock.lock()
        let failure = failure
        failureLock.unlock()
        if let failure { throw failure }
    }
}

/// `body` over `text`'s UTF-8: a native string lends its own storage (no copy, no retain of a mutable copy, which
/// `String.withUTF8` on a `var` costs); only another kind of string is made contiguous first.
@inline(__always)
func withUTF8Bytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
    var copy = text
    return copy.withUTF8(body)
}
