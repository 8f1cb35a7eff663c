/// The look shared by every map: fonts, the count shading, edge styles.
enum GraphStyle {
    /// Fontconfig maps Helvetica to Liberation Sans (metric-compatible), and browsers to their Helvetica/Arial,
    /// so text measured at layout time fits in the SVG wherever it is shown.
    static let font = "Helvetica"
    static let boldFont = "Helvetica-Bold"

    /// A shade for a number of entries: darker means more.
    struct Shade {
        var minimum: Int
        var fill: String
        var fontColor: String
        var legend: String
    }

    /// Shades from light to dark, each for counts from `minimum` up to the next one's minimum.
    static let shades: [Shade] = [
        Shade(minimum: 1, fill: "#eff3ff", fontColor: "#08306b", legend: "1 entry"),
        Shade(minimum: 2, fill: "#c6dbef", fontColor: "#08306b", legend: "2–3 entries"),
        Shade(minimum: 4, fill: "#9ecae1", fontColor: "#08306b", legend: "4–7 entries"),
        Shade(minimum: 8, fill: "#4292c6", fontColor: "#ffffff", legend: "8–15 entries"),
        Shade(minimum: 16, fill: "#08519c", fontColor: "#ffffff", legend: "16 or more"),
    ]

    /// The shade for `count` entries; nil for none.
    static func shade(for count: Int) -> Shade? {
        shades.last { count >= $0.minimum }
    }

    /// A concept without entries, when shown at all: faint.
    static let emptyFill = "#ffffff"
    static let emptyFontColor = "#9e9e9e"
    static let emptyBorder = "#bdbdbd"

    static let border = "#2b5f91"
    static let broaderColor = "#4d4d4d"
    static let secondaryBroaderColor = "#8c8c8c"
    static let relatedColor = "#c0504d"
    /// Related edges on the topic map cross the facets; drawn light so the hierarchy stays readable.
    static let faintRelatedColor = "#e6a9a8"
    static let clusterFill = "#f7f7f7"
    static let clusterBorder = "#cccccc"
    static let entryFill = "#fff7e6"
    static let entryBorder = "#d9a441"
}
