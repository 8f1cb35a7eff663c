import Foundation

/// Text helpers for the maps: wrapping and shortening labels, and which URLs may become links.
enum GraphText {
    /// `text` wrapped at spaces into lines of about `width` characters, at most `maxLines` lines (the last one
    /// ends in `…` when text was cut). Line breaks already in the text are kept; a word longer than `width` is
    /// cut. Joined with newlines, which the DOT encoder writes as `\n`.
    static func wrapped(_ text: String, width: Int, maxLines: Int = .max) -> String {
        // Printable ASCII (no tab, no line break) is one character per byte: wrapped by bytes.
        if let wrapped = text.utf8.withContiguousStorageIfAvailable({ bytes -> String? in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            return wrappedPrintableASCII(bytes, width: width, maxLines: maxLines)
        }), let wrapped {
            return wrapped
        }
        return wrappedByCharacters(text, width: width, maxLines: maxLines)
    }

    /// `wrapped` for printable ASCII, on its bytes: the same steps as `wrappedByCharacters`, one byte per character.
    private static func wrappedPrintableASCII(_ text: UnsafeBufferPointer<UInt8>, width: Int, maxLines: Int) -> String {
        let width = max(width, 4)
        let budget = maxLines == .max ? text.count : width * maxLines + 1
        let shown = text[..<min(budget, text.count)]
        var lines: [ArraySlice<UInt8>] = []
        var current: [UInt8] = []
        for piece in shown.split(separator: 0x20) {
            var word = piece
            while word.count > width {  // a very long word is cut into pieces
                if !current.isEmpty { lines.append(current[...]) }
                current = []
                lines.append(ArraySlice(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if current.isEmpty {
                current = Array(word)
            } else if current.count + 1 + word.count <= width {
                current.append(0x20)
                current.append(contentsOf: word)
            } else {
                lines.append(current[...])
                current = Array(word)
            }
        }
        lines.append(current[...])
        while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        let cut = lines.count > maxLines || text.count > budget
        if lines.count > maxLines { lines.removeLast(lines.count - maxLines) }
        var out: [UInt8] = []
        out.reserveCapacity(shown.count + 8)
        for (n, line) in lines.enumerated() {
            if n > 0 { out.append(0x0A) }
            if cut && n == lines.count - 1 {
                out.append(contentsOf: line.prefix(width - 1))
                out.append(contentsOf: [0xE2, 0x80, 0xA6])  // …
            } else {
                out.append(contentsOf: line)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `wrapped` for any text, on characters.
    static func wrappedByCharacters(_ text: String, width: Int, maxLines: Int = .max) -> String {
        let width = max(width, 4)
        // Only what can be shown is wrapped: a 100 kB title costs no more than a short one.
        let budget = maxLines == .max ? text.count : width * maxLines + 1
        var lines: [String] = []
        for paragraph in text.prefix(budget).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var current = ""
            for piece in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                var word = Substring(piece)
                while word.count > width {  // a very long word (a URL, a hostile label) is cut into pieces
                    if !current.isEmpty { lines.append(current) }
                    current = ""
                    lines.append(String(word.prefix(width)))
                    word = word.dropFirst(width)
                }
                if current.isEmpty {
                    current = String(word)
                } else if current.count + 1 + word.count <= width {
                    current += " " + word
                } else {
                    lines.append(current)
                    current = String(word)
                }
            }
            lines.append(current)
        }
        while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        let cut = lines.count > maxLines || text.count > budget
        if lines.count > maxLines { lines = Array(lines.prefix(maxLines)) }
        if cut, let last = lines.last {
            lines[lines.count - 1] = String(last.prefix(width - 1)) + "…"
        }
        return lines.joined(separator: "\n")
    }

    /// `text` shortened to at most `limit` characters, ending in `…` when cut; whitespace collapsed.
    static func shortened(_ text: String, limit: Int) -> String {
        // Printable ASCII with single inner spaces is collapsed already, one character per byte: cut by bytes.
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
            var previous: UInt8 = 0
            for byte in bytes {
                guard byte >= 0x20 && byte < 0x7F && !(byte == 0x20 && previous == 0x20) else { return false }
                previous = byte
            }
            return true
        }
        if plain == true {
            guard text.utf8.count > limit else { return text }
            return String(decoding: text.utf8.prefix(max(limit - 1, 1)), as: UTF8.self) + "…"
        }
        return shortenedByCharacters(text, limit: limit)
    }

    /// `shortened` for any text: whitespace collapsed and the length counted in characters.
    static func shortenedByCharacters(_ text: String, limit: Int) -> String {
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard collapsed.count > limit else { return collapsed }
        return String(collapsed.prefix(max(limit - 1, 1))) + "…"
    }

    /// The URL as a link target when it is an absolute http(s) URL (anything else — `javascript:`, `file:`,
    /// relative — is no link). Characters a URL may not hold (spaces, quotes, `<`, `>`, non-ASCII, …) are
    /// percent-encoded, so a link can never break out of its attribute.
    static func webLink(_ url: String) -> String? {
        // Most links are plain ASCII without a character to encode (and so without whitespace to trim).
        if url.utf8.allSatisfy(isSafeInURL) {
            guard url.utf8.count > "https://".utf8.count, hasWebScheme(url.utf8) else { return nil }
            return url
        }
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), trimmed.count > "https://".count else {
            return nil
        }
        var out = ""
        for byte in trimmed.utf8 {
            if isSafeInURL(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// Printable ASCII other than the characters a URL never holds raw (`DOTText.isUnsafeInURL`).
    private static func isSafeInURL(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && !DOTText.isUnsafeInURL(byte)
    }

    /// Whether the bytes start with `http://` or `https://`, in any case.
    private static func hasWebScheme(_ bytes: String.UTF8View) -> Bool {
        let lowered = bytes.prefix(8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return lowered.starts(with: "http://".utf8) || lowered.starts(with: "https://".utf8)
    }

    /// `String(format: "%.6f", value)`, without Foundation's formatter (it was a tenth of the whole graph's DOT):
    /// the exact binary value rounded to six decimals, half to even, as C's printf does.
    static func sixDecimals(_ value: Double) -> String {
        var out: [UInt8] = []
        appendSixDecimals(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `sixDecimals(value)`'s bytes, appended to `out`.
    static func appendSixDecimals(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite, value.magnitude < 0x1p60 else {
            out.append(contentsOf: String(format: "%.6f", value).utf8)
            return
        }
        let magnitude = value.magnitude
        // magnitude = significand × 2^exponent exactly, with an integer significand.
        let significand: UInt128
        let exponent: Int
        if magnitude.isNormal {
            significand = UInt128(magnitude.significandBitPattern | (1 << 52))
            exponent = Int(magnitude.exponent) - 52
        } else {
            significand = UInt128(magnitude.significandBitPattern)
            exponent = -1074
        }
        let scaled = significand * 1_000_000
        var units: UInt128
        if exponent >= 0 {
            units = scaled << exponent
        } else if -exponent >= 127 {
            units = 0  // below 2^-127 × 10^6 × 2^53: far under half a millionth
        } else {
            let shift = -exponent
            units = scaled >> shift
            let remainder = scaled & ((UInt128(1) << shift) - 1)
            let half = UInt128(1) << (shift - 1)
            if remainder > half || (remainder == half && units & 1 == 1) { units += 1 }
        }
        if value.sign == .minus { out.append(UInt8(ascii: "-")) }
        var fraction: UInt32
        if units >> 64 == 0 {  // every score: 64-bit division
            let small = UInt64(units)
            appendDecimal(UInt128(small / 1_000_000), to: &out)
            fraction = UInt32(small % 1_000_000)
        } else {
            appendDecimal(units / 1_000_000, to: &out)
            fraction = UInt32(units % 1_000_000)
        }
        out.append(UInt8(ascii: "."))
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            for k in (0..<6).reversed() {
                buffer[k] = UInt8(ascii: "0") + UInt8(fraction % 10)
                fraction /= 10
            }
            out.append(contentsOf: buffer)
        }
    }

    /// The decimal digits of `value`.
    private static func appendDecimal(_ value: UInt128, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        out.append(contentsOf: String(value).utf8)
    }
}

extension String {
    fileprivate func leftPadded(to count: Int) -> String {
        self.count >= count ? self : String(repeating: "0", count: count - self.count) + self
    }
}
