import SafetyGraphCore

// MARK: - PiecewiseUTF8

/// Validates UTF-8 and makes the `String` in pieces, so that long runs of ASCII skip the standard library's
/// byte-at-a-time validation.
///
/// `String(validating:as:)` checks a whole buffer sixteen bytes at a time only when every byte is ASCII; a single
/// `é` or emoji anywhere sends it through the byte-at-a-time walk for all of it (9 instructions a byte, about
/// 250 M for a 27 MB list that is 99.7 % ASCII). Here the text is cut next to ASCII bytes into pieces: long ASCII
/// runs, made into strings through the all-ASCII check, and the stretches between them (the non-ASCII bytes and
/// short ASCII runs around them), validated by `String(validating:as:)` itself. A cut next to an ASCII byte never
/// splits a UTF-8 sequence (no sequence holds an ASCII byte), so the text is valid exactly when every piece is,
/// and the answer is the standard library's own.
enum PiecewiseUTF8 {
    /// ASCII runs at least this long get a piece of their own; shorter ones stay in the stretch around them (each
    /// piece costs a string and an append).
    static let minimumASCIIRun = 128
    /// Long ASCII runs are cut into pieces of at most this many bytes, so that each temporary string stays small.
    static let maximumPiece = 65_536

    /// From this size on, the text is made in two halves at once (see `string`).
    static let halvesFrom = 4 << 20

    /// The text of `bytes`, or nil when they are not valid UTF-8: the same answer as `String(validating:as:)`.
    /// The limits are parameters only so that tests can cut tiny inputs into many pieces and halves.
    ///
    /// A large text is made in two halves at once, on two cores, and joined: it is the one serial step between
    /// reading a large list and parsing its first part (25 ms for 27 MB in one piece), and the ontology, loaded
    /// beside it, is done sooner.
    static func string(
        _ bytes: [UInt8], minimumASCIIRun: Int = minimumASCIIRun, maximumPiece: Int = maximumPiece,
        halvesFrom: Int = halvesFrom
    ) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            let pieces = self.pieces(buffer, minimumASCIIRun: max(minimumASCIIRun, 1), maximumPiece: max(maximumPiece, 1))
            if pieces.count <= 1 { return String(validating: buffer, as: UTF8.self) }
            guard buffer.count >= halvesFrom else { return joined(pieces[...], of: buffer, capacity: buffer.count) }
            // Cut where the bytes are halved (pieces differ in size: a count-halving left one core twice the work).
            let middle = max(1, pieces.firstIndex { $0.range.lowerBound >= buffer.count / 2 } ?? pieces.count / 2)
            let shared = UncheckedSendable((buffer, pieces))
            let halves = concurrentMap(2) { half in
                let (buffer, pieces) = shared.value
                // The first half has room for the whole text, so that the second is appended without moving it.
                return half == 0
                    ? joined(pieces[..<middle], of: buffer, capacity: buffer.count)
                    : joined(pieces[middle...], of: buffer, capacity: buffer.count - pieces[middle].range.lowerBound)
            }
            guard var text = halves[0], let rest = halves[1] else { return nil }
            text.append(rest)
            return text
        }
    }

    /// The text of `pieces` of `buffer` one after another, in a string with room for `capacity` bytes; nil when a
    /// piece is not valid UTF-8.
    private static func joined(
        _ pieces: ArraySlice<Piece>, of buffer: UnsafeBufferPointer<UInt8>, capacity: Int
    ) -> String? {
        var text = ""
        text.reserveCapacity(capacity)
        for piece in pieces {
            let slice = UnsafeBufferPointer(rebasing: buffer[piece.range])
            if piece.isASCII {
                // Known ASCII: nothing to repair, and the standard library checks it sixteen bytes at a time.
                text.append(String(decoding: slice, as: UTF8.self))
            } else {
                guard let part = String(validating: slice, as: UTF8.self) else { return nil }
                text.append(part)
            }
        }
        return text
    }

    struct Piece: Equatable {
        var range: Range<Int>
        /// Every byte is ASCII (a long run); otherwise a stretch that still needs validating.
        var isASCII: Bool
    }

    /// The pieces of `buffer`, in order, covering it exactly; every cut is next to an ASCII byte.
    static func pieces(_ buffer: UnsafeBufferPointer<UInt8>, minimumASCIIRun: Int, maximumPiece: Int) -> [Piece] {
        var pieces: [Piece] = []
        let n = buffer.count
        var stretchStart = 0
        var i = 0
        while i < n {
            let runEnd = asciiRunEnd(buffer, from: i)
            if runEnd - i >= minimumASCIIRun {
                if stretchStart < i { pieces.append(Piece(range: stretchStart..<i, isASCII: false)) }
                var start = i
                while start < runEnd {
                    let end = min(start + maximumPiece, runEnd)
                    pieces.append(Piece(range: start..<end, isASCII: true))
                    start = end
                }
                stretchStart = runEnd
            }
            i = runEnd
            while i < n, buffer[i] >= 0x80 { i += 1 }
        }
        if stretchStart < n { pieces.append(Piece(range: stretchStart..<n, isASCII: false)) }
        return pieces
    }

    /// The offset of the first byte at or after `start` that is not ASCII, or the end; eight bytes at a time.
    static func asciiRunEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = buffer.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i + 8 <= buffer.count {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & 0x8080_8080_8080_8080
            if word != 0 { return i + word.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < buffer.count, buffer[i] < 0x80 { i += 1 }
        return i
    }
}
