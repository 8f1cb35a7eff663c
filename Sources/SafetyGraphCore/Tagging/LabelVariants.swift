/// The inflected forms under which a label word is also found in text: simple English plural and singular.
///
/// A text word matches a label word when it is the word itself, one of its plurals (`-s`; `-es` after s, x, z, ch,
/// sh, o; `-ies` for a consonant + `y`), or the word a plural label word is the plural of (`examples` ↔
/// `example`, `policies` ↔ `policy`, `biases` ↔ `bias`). `-es` is only added or removed where English uses it, so
/// `rate` and `rat` never meet through `rates`. Acronym words only take `-s` (`LLM` → `LLMs`) and are never
/// singularised (`MLS` is not `ML`). Words not ending in an ASCII letter (numbers) have no variants.
enum LabelVariants {
    static func forms(of word: [UInt8], acronym: Bool) -> [[UInt8]] {
        var out: [[UInt8]] = [word]
        guard let last = word.last, isLetter(last) else { return out }
        func add(_ form: [UInt8]) {
            if !form.isEmpty && !out.contains(form) { out.append(form) }
        }
        add(word + [s])
        if acronym { return out }

        let n = word.count
        if takesES(word[...]) { add(word + [e, s]) }
        if n >= 2, last == y, !isVowel(word[n - 2]) { add(word.dropLast() + [i, e, s]) }
        if n >= 3, last == s, word[n - 2] != s { add(Array(word.dropLast())) }
        if n >= 4, last == s, word[n - 2] == e, takesES(word.dropLast(2)) { add(Array(word.dropLast(2))) }
        if n >= 5, last == s, word[n - 2] == e, word[n - 3] == i { add(word.dropLast(3) + [y]) }
        return out
    }

    // MARK: - Letters

    private static let s = UInt8(ascii: "s")
    private static let e = UInt8(ascii: "e")
    private static let i = UInt8(ascii: "i")
    private static let y = UInt8(ascii: "y")

    private static func isLetter(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }

    private static func isVowel(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "a") || b == e || b == i || b == UInt8(ascii: "o") || b == UInt8(ascii: "u")
    }

    /// Whether the plural of `stem` is written with `-es`: after s, x, z, ch, sh and o.
    private static func takesES(_ stem: ArraySlice<UInt8>) -> Bool {
        guard let last = stem.last else { return false }
        switch last {
        case s, UInt8(ascii: "x"), UInt8(ascii: "z"), UInt8(ascii: "o"): return true
        case UInt8(ascii: "h"):
            let before = stem.dropLast().last
            return before == UInt8(ascii: "c") || before == s
        default: return false
        }
    }
}
