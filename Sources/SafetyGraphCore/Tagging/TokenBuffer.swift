/// The words of one piece of text, folded (lowercase, no diacritics) and stored back to back in one byte buffer.
///
/// Token `i` is `bytes[starts[i]..<starts[i + 1]]`; because separators are not stored, two adjacent tokens read
/// together are also one contiguous range (that is how `fine tuning` is looked up as `finetuning`). The buffer is
/// reused between texts, so tokenizing does not allocate once it has grown.
struct TokenBuffer: Sendable {
    /// Folded UTF-8 of all tokens, without separators.
    var bytes: [UInt8] = []
    /// Start offset of each token in `bytes`, plus one final offset (`bytes.count`).
    var starts: [Int32] = [0]
    /// Per token: see the `Flag` constants.
    var flags: [UInt8] = []

    enum Flag {
        /// A hard separator (or the start of the text) precedes the token: no label spans into it.
        static let hardBefore: UInt8 = 1
        /// Only whitespace and hyphens (or nothing) separate the token from the previous one: they may be joined.
        static let joinableBefore: UInt8 = 2
        /// The token has no lowercase letter.
        static let noLower: UInt8 = 4
        /// The token may match an acronym label: no lowercase letter, except one final `s` (`LLMs`).
        static let acronymShape: UInt8 = 8
    }

    var count: Int { flags.count }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        flags.removeAll(keepingCapacity: true)
    }

    /// The folded text of token `i`.
    func token(_ i: Int) -> String {
        String(decoding: bytes[Int(starts[i])..<Int(starts[i + 1])], as: UTF8.self)
    }

    /// All folded tokens (for tests and rule keys).
    var tokens: [String] { (0..<count).map(token) }
}
