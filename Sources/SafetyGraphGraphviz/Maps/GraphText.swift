import Foundation

/// Text helpers for the maps: wrapping and shortening labels, and which URLs may become links.
enum GraphText {
    /// `text` wrapped at spaces into lines of about `width` characters, at most `maxLines` lines (the last one
    /// ends in `…` when text was cut). Line breaks already in the text are kept; a word longer than `width` is
    /// cut. Joined with newlines, which the DOT encoder writes as `\n`.
    static func wrapped(_ text: String, width: Int, maxLines: Int = .max) -> String {
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
        let bytes = text.utf8
        if let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20,
            bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), !zip(bytes, bytes.dropFirst()).contains(where: { $0 == 0x20 && $1 == 0x20 })
        {
            guard bytes.count > limit else { return text }
            return String(decoding: bytes.prefix(max(limit - 1, 1)), as: UTF8.self) + "…"
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
        guard value.isFinite, value.magnitude < 0x1p60 else { return String(format: "%.6f", value) }
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
        let whole = String(units / 1_000_000)
        let fraction = String(units % 1_000_000)
        return (value.sign == .minus ? "-" : "") + whole + "." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}

extension String {
    fileprivate func leftPadded(to count: Int) -> String {
        self.count >= count ? self : String(repeating: "0", count: count - self.count) + self
    }
}
