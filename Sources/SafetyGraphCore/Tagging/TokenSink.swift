/// Where the tokenizer's scanner writes tokens: a `TokenBuffer`'s arrays, or (for ASCII text) raw memory that
/// `TextNormalizer` lends from those arrays' spare capacity.
///
/// The scanner is generic over the sink and specialised for both, so both read the same rules.
protocol TokenSink {
    /// Folded bytes written so far.
    var byteCount: Int { get }
    mutating func appendByte(_ byte: UInt8)
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>)
    /// Starts a token whose flags are `flag` so far.
    mutating func startToken(flag: UInt8)
    /// Ends the current token, adding `flags` to it; returns its length in bytes.
    mutating func endToken(addingFlags flags: UInt8) -> Int
}

extension TokenBuffer: TokenSink {
    var byteCount: Int { bytes.count }
    @inline(__always) mutating func appendByte(_ byte: UInt8) { bytes.append(byte) }
    @inline(__always) mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes.append(contentsOf: bytes) }
    @inline(__always) mutating func startToken(flag: UInt8) { flags.append(flag) }

    mutating func endToken(addingFlags added: UInt8) -> Int {
        flags[flags.count - 1] |= added
        let start = Int(starts[starts.count - 1])
        starts.append(Int32(truncatingIfNeeded: bytes.count))
        return bytes.count - start
    }
}

/// A sink over raw memory with room enough for the whole text: no capacity or uniqueness check per byte.
///
/// Only for ASCII text, whose folded bytes are never more than its bytes (one byte each, separators none), and
/// whose tokens are never more than its bytes. `appendBytes` (folded non-ASCII scalars) still checks, so a caller
/// that breaks this traps instead of writing past the memory.
struct RawTokenSink: TokenSink {
    let bytes: UnsafeMutablePointer<UInt8>
    let byteCapacity: Int
    /// `starts` after the buffer's leading 0: the end of each token.
    let ends: UnsafeMutablePointer<Int32>
    let flags: UnsafeMutablePointer<UInt8>
    private(set) var byteCount = 0
    private(set) var tokenCount = 0
    private var tokenStart = 0

    init(bytes: UnsafeMutablePointer<UInt8>, byteCapacity: Int, ends: UnsafeMutablePointer<Int32>, flags: UnsafeMutablePointer<UInt8>) {
        self.bytes = bytes
        self.byteCapacity = byteCapacity
        self.ends = ends
        self.flags = flags
    }

    @inline(__always) mutating func appendByte(_ byte: UInt8) {
        bytes[byteCount] = byte
        byteCount += 1
    }

    @inline(__always) mutating func appendBytes(_ source: UnsafeBufferPointer<UInt8>) {
        precondition(byteCount + source.count <= byteCapacity)
        guard let base = source.baseAddress else { return }
        (bytes + byteCount).update(from: base, count: source.count)
        byteCount += source.count
    }

    @inline(__always) mutating func startToken(flag: UInt8) {
        flags[tokenCount] = flag
        tokenStart = byteCount
    }

    @inline(__always) mutating func endToken(addingFlags added: UInt8) -> Int {
        flags[tokenCount] |= added
        ends[tokenCount] = Int32(truncatingIfNeeded: byteCount)
        tokenCount += 1
        return byteCount - tokenStart
    }
}
