import Foundation
import SafetyGraphCore

// MARK: - Values

extension CatalogueEntryWriter {
    /// A piece as it is.
    @inline(__always) mutating func put(_ piece: Piece) {
        sink.appendInPlace(upTo: piece.count) { out in
            Self.copy(piece.baseAddress!, piece.count, to: out)
            return piece.count
        }
    }

    /// `piece`, then the string at `text` as `JSONEncoder` writes it, in one piece when the string needs no escaping
    /// (nearly all do not); otherwise `ByteSink.appendJSONString` writes it after the piece. The bytes are read where
    /// the string lies (`withUTF8(at:_:)`, a read access: the linked data's threads read the same strings).
    @inline(__always) mutating func string(after piece: Piece, _ text: UnsafePointer<String>) {
        if !withUTF8(at: text, { plainString(after: piece, $0) }) { sink.appendJSONString(text.pointee, forHTML: false) }
    }

    /// `string(after:_:)` for an optional string known not to be nil.
    @inline(__always) mutating func string(after piece: Piece, _ text: UnsafePointer<String?>) {
        var plain = text.pointee!.utf8.withContiguousStorageIfAvailable { plainString(after: piece, $0) }
        if plain == nil {
            var copy = text.pointee!  // not contiguous UTF-8 (never so for strings made on Linux)
            plain = copy.withUTF8 { plainString(after: piece, $0) }
        }
        if plain != true { sink.appendJSONString(text.pointee!, forHTML: false) }
    }

    /// `piece`, then `bytes` in quotes when they need no escaping (true), else `piece` alone, or nothing when it and
    /// the string may not fit the sink's buffer (false: the caller writes the string, and the piece if not written).
    @inline(__always) private mutating func plainString(after piece: Piece, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = bytes.count
        guard length <= Self.longest else {
            put(piece)
            return false
        }
        var plain = false
        sink.appendInPlace(upTo: piece.count + length + 2) { out in
            Self.copy(piece.baseAddress!, piece.count, to: out)
            guard !Self.needsEscaping(bytes) else { return piece.count }
            out[piece.count] = Self.quote
            if let base = bytes.baseAddress { Self.copy(base, length, to: out + piece.count + 1) }
            out[piece.count + 1 + length] = Self.quote
            plain = true
            return piece.count + length + 2
        }
        return plain
    }

    /// `piece`, then an integer's decimal digits (`String(value)`).
    @inline(__always) mutating func int(after piece: Piece, _ value: Int) {
        sink.appendInPlace(upTo: piece.count + 20) { out in
            Self.copy(piece.baseAddress!, piece.count, to: out)
            return piece.count + Self.digits(value, at: out + piece.count)
        }
    }

    /// A related entry's score, rounded to 4 decimals, after `"score" : `.
    @inline(__always) mutating func score(_ score: Double) {
        let value = RelatedRecord.writtenScore(score)
        let piece = layout.score
        if let text = scores.text(of: value) {
            sink.appendInPlace(upTo: piece.count + text.count) { out in
                Self.copy(piece.baseAddress!, piece.count, to: out)
                Self.copy(text.baseAddress!, text.count, to: out + piece.count)
                return piece.count + text.count
            }
        } else {
            put(piece)
            ScoreTexts.make(value).withUnsafeBufferPointer { sink.append($0) }
        }
    }

    /// `piece`, then a source location as its `description` in a JSON string, `"file:line"` (`:column` after it when
    /// known). Colons and digits need no escaping.
    @inline(__always) mutating func source(after piece: Piece, _ location: UnsafePointer<SourceLocation>) {
        let file = Fields.file(location)
        let same = withUTF8(at: file) { bytes in
            bytes.count == self.file.count && (bytes.isEmpty || memcmp(bytes.baseAddress!, self.file.baseAddress!, bytes.count) == 0)
        }
        if !same { remember(file) }
        let escaped = escapedFile
        let (line, column) = (location.pointee.line, location.pointee.column)
        if escaped.count > Self.longest {  // the file in a piece of its own: the whole may not fit the sink's buffer
            put(piece)
            sink.append(Self.quote)
            sink.append(UnsafeBufferPointer(escaped))
            sink.appendInPlace(upTo: 44) { out in Self.lineAndColumn(line, column, at: out) }
            return
        }
        sink.appendInPlace(upTo: piece.count + escaped.count + 44) { out in
            Self.copy(piece.baseAddress!, piece.count, to: out)
            out[piece.count] = Self.quote
            if let base = escaped.baseAddress { Self.copy(base, escaped.count, to: out + piece.count + 1) }
            let i = piece.count + 1 + escaped.count
            return i + Self.lineAndColumn(line, column, at: out + i)
        }
    }

    /// `:line`, `:column` when known, and the closing quote, at `address` (room for 44); returns their length.
    @inline(__always) private static func lineAndColumn(_ line: Int, _ column: Int, at address: UnsafeMutablePointer<UInt8>) -> Int {
        address[0] = UInt8(ascii: ":")
        var i = 1 + digits(line, at: address + 1)
        if column > 0 {
            address[i] = UInt8(ascii: ":")
            i += 1 + digits(column, at: address + i + 1)
        }
        address[i] = quote
        return i + 1
    }
    /// Keeps `file`'s bytes and their escaped text for the locations after it.
    private mutating func remember(_ file: UnsafePointer<String>) {
        let escaped = ByteSink()
        escaped.appendJSONString(file.pointee, forHTML: false)
        let text = escaped.bytes.dropFirst().dropLast()
        self.file.deallocate()
        escapedFile.deallocate()
        self.file = withUTF8(at: file) { bytes in
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            _ = copy.initialize(from: bytes)
            return copy
        }
        escapedFile = .allocate(capacity: text.count)
        _ = escapedFile.initialize(from: text)
    }

    // MARK: Bytes

    /// Copies `count` bytes: short ones with two overlapping loads and stores instead of a call to `memcpy`.
    @inline(__always) static func copy(_ source: UnsafePointer<UInt8>, _ count: Int, to target: UnsafeMutablePointer<UInt8>) {
        let (from, to) = (UnsafeRawPointer(source), UnsafeMutableRawPointer(target))
        if count > 32 {
            target.update(from: source, count: count)
        } else if count >= 16 {
            let (a, b) = (from.loadUnaligned(as: SIMD16<UInt8>.self), from.loadUnaligned(fromByteOffset: count - 16, as: SIMD16<UInt8>.self))
            to.storeBytes(of: a, as: SIMD16<UInt8>.self)
            to.storeBytes(of: b, toByteOffset: count - 16, as: SIMD16<UInt8>.self)
        } else if count >= 8 {
            let (a, b) = (from.loadUnaligned(as: UInt64.self), from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            to.storeBytes(of: a, as: UInt64.self)
            to.storeBytes(of: b, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let (a, b) = (from.loadUnaligned(as: UInt32.self), from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            to.storeBytes(of: a, as: UInt32.self)
            to.storeBytes(of: b, toByteOffset: count - 4, as: UInt32.self)
        } else {
            for i in 0..<count { target[i] = source[i] }
        }
    }

    /// Whether a string's bytes hold one `JSONEncoder` escapes (`"`, `\`, U+0000–U+001F): sixteen at a time
    /// (`Block`), the last sixteen overlapping those before them; a string of 8 to 15 bytes as two words (`SWAR`).
    @inline(__always) static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count >= 16 else {
            guard count >= 8 else {
                for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C { return true }
                return false
            }
            return SWAR.mayNeedJSONEscape(SWAR.word(bytes, 0)) || SWAR.mayNeedJSONEscape(SWAR.word(bytes, count - 8))
        }
        var i = 0
        while i + 16 < count {
            if Block.mayNeedJSONEscape(Block.load(bytes, i)) { return true }
            i += 16
        }
        return Block.mayNeedJSONEscape(Block.load(bytes, count - 16))
    }

    /// Writes `value`'s decimal digits (`String(value)`) at `address` (room for 20) and returns how many.
    @inline(__always) static func digits(_ value: Int, at address: UnsafeMutablePointer<UInt8>) -> Int {
        var rest = value.magnitude
        var count = 1
        var bound: UInt = 10
        while count < 20 && rest >= bound {
            count += 1
            bound = bound &* 10
        }
        if value < 0 {
            address[0] = UInt8(ascii: "-")
            count += 1
        }
        var i = count
        repeat {
            i -= 1
            address[i] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
        return count
    }
}
