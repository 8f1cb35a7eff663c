/// The legend of the topic map: what the shades mean and how the two kinds of edges look.
///
/// The shade swatches are chained by invisible edges so that they form a row (in a left-to-right layout,
/// nodes of one rank stack vertically), with the two edge samples in the rows below.
enum TopicMapLegend {
    static func cluster(includeEmpty: Bool) -> DOTSubgraph {
        DOTSubgraph(
            id: "legend",
            attributes: [
                "label": "Legend — shade: entries under the topic (its own and its narrower topics')",
                "labeljust": "l", "fontname": GraphStyle.font, "fontsize": "11", "style": "rounded",
                "color": GraphStyle.clusterBorder, "margin": "8",
            ],
            nodeDefaults: ["class": "legend", "fontsize": "11"],
            nodes: swatches(includeEmpty: includeEmpty).map(\.node) + samples)
    }

    static func edges(includeEmpty: Bool) -> [DOTEdge] {
        let ids = swatches(includeEmpty: includeEmpty).map(\.node.id)
        let row = zip(ids, ids.dropFirst()).map { DOTEdge($0, $1, ["style": "invis", "class": "layout"]) }
        return row + [
            DOTEdge("legend:broader", "legend:narrower", ["class": "legend"]),
            DOTEdge(
                "legend:second-a", "legend:second-b",
                [
                    "class": "legend", "style": "dashed", "arrowhead": "empty",
                    "color": GraphStyle.secondaryBroaderColor,
                ]),
            DOTEdge(
                "legend:related-a", "legend:related-b",
                ["class": "legend", "dir": "none", "style": "dashed", "color": GraphStyle.relatedColor]),
        ]
    }

    private static func swatches(includeEmpty: Bool) -> [(node: DOTNode, minimum: Int)] {
        var result: [(node: DOTNode, minimum: Int)] = []
        if includeEmpty {
            result.append(
                (
                    DOTNode(
                        "legend:shade-0",
                        [
                            "label": "no entries", "fillcolor": GraphStyle.emptyFill,
                            "fontcolor": GraphStyle.emptyFontColor, "color": GraphStyle.emptyBorder,
                            "style": "rounded,filled,dashed",
                        ]), 0
                ))
        }
        for (index, shade) in GraphStyle.shades.enumerated() {
            result.append(
                (
                    DOTNode(
                        "legend:shade-\(index + 1)",
                        ["label": shade.legend, "fillcolor": shade.fill, "fontcolor": shade.fontColor]),
                    shade.minimum
                ))
        }
        return result
    }

    private static var samples: [DOTNode] {
        let plain: DOTAttributes = ["shape": "plaintext", "style": ""]
        return [
            DOTNode("legend:broader", plain.merging(["label": "broader topic"]) { $1 }),
            DOTNode("legend:narrower", plain.merging(["label": "narrower topic"]) { $1 }),
            DOTNode("legend:second-a", plain.merging(["label": "another broader topic"]) { $1 }),
            DOTNode("legend:second-b", plain.merging(["label": "the same narrower topic, drawn once"]) { $1 }),
            DOTNode("legend:related-a", plain.merging(["label": "topic"]) { $1 }),
            DOTNode("legend:related-b", plain.merging(["label": "related topic (same facet)"]) { $1 }),
        ]
    }
}
