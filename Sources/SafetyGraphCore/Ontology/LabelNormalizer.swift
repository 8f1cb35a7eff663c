/// Normalises labels and text for comparison: the one definition of "the same words" shared by the ontology
/// loader (label collisions, ignore phrases) and the tagger, which are both built on the tagger's tokenizer
/// (`TextNormalizer`): two labels the loader calls different can never match the same text as one.
///
/// Words are runs of letters and digits with case and diacritics folded (compatibility forms included); every
/// other character separates words; the result is the words joined by single spaces.
///
/// `"Human–AI  Interaction"` → `"human ai interaction"`, `"Fine-Tuning"` → `"fine tuning"`,
/// `"Coöperation"` → `"cooperation"`, `" -- "` → `""`.
public enum LabelNormalizer {
    /// The normalised form of `text`; empty when `text` has no letters or digits.
    public static func normalize(_ text: String) -> String {
        TextNormalizer.ruleKey(text)
    }
}
