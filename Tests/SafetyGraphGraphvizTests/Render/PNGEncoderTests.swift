import Foundation
import Testing
@testable import SafetyGraphGraphviz

/// Our PNG against the bitmap it is made from, and against Graphviz's own PNG of the same DOT.
@Suite struct PNGEncoderTests {
    @Test(arguments: [(1, 1), (5, 3), (4, 4), (7, 2), (300, 9)])
    func holdsTheBitmapsPixels(width: Int, height: Int) throws {
        let rows = BitmapFile.pattern(width: width, height: height)
        for topDown in [false, true] {
            let png = try #require(PNGEncoder.png(fromBitmap: BitmapFile.make(width: width, rows: rows, topDown: topDown)))
            let image = try PNGImage(png)
            #expect(image.chunkTypes == ["IHDR", "IDAT", "IEND"])
            #expect(image.width == width && image.height == height && image.channels == 3)
            #expect(image.pixels == rows.flatMap { $0 }, "\(width)×\(height), top-down \(topDown)")
        }
    }

    /// Filter 0 on every row, so the rows are in the inflated data as they are in the image.
    @Test func everyRowIsUnfiltered() throws {
        let rows = BitmapFile.pattern(width: 6, height: 4)
        let png = try #require(PNGEncoder.png(fromBitmap: BitmapFile.make(width: 6, rows: rows)))
        let bytes = [UInt8](png)
        // Signature (8), IHDR (12 + 13), then the IDAT chunk's length, type and data.
        let idatLength = bytes[33..<37].reduce(0) { $0 << 8 | Int($1) }
        let raw = try PNGImage.inflate(Array(bytes[41..<41 + idatLength]), expected: 4 * (1 + 18))
        for (y, row) in rows.enumerated() {
            #expect(raw[y * 19] == 0)
            #expect(Array(raw[y * 19 + 1..<(y + 1) * 19]) == row)
        }
    }

    /// DOT drawings whose PNG we make: the samples of the renderer tests, a map, a drawing whose size is not a
    /// whole number of pixels (Graphviz covers its last column and row only partly, with alpha), and colours.
    static let drawings: [(String, String)] = [
        ("small", GraphvizRendererTests.small),
        ("map", TopicMap().dot(for: Fixtures.graph()).encoded()),
        ("fractional size", #"digraph { "a" -> "b" }"#),
        ("fractional width", #"digraph { graph [pad="0.13"]; "wide label" -> "b" }"#),
        (
            "colours",
            ##"digraph { graph [bgcolor="#204060"]; node [style=filled, fillcolor="#ff8000"]; "x" -> "y" [color=red] }"##
        ),
    ]

    /// Our PNG holds Graphviz's colours at every pixel: exactly where its PNG is opaque, and within 2 per channel
    /// on the partly covered last column and row (there Graphviz keeps the colour with alpha below 255; the
    /// bitmap has it blended over black, and we divide the blend back, from 8-bit values).
    @Test(arguments: drawings)
    func matchesGraphvizsOwnPNGWhereItIsOpaque(name: String, dot: String) throws {
        let ours = try PNGImage(GraphvizRenderer().render(dot, format: .png).data(.png))
        let graphviz = try PNGImage(
            GraphvizSession.render(dot, engine: "dot", formats: ["png"], source: name).data[0])
        #expect(ours.channels == 3, "\(name): our PNG is RGB")
        #expect(ours.width == graphviz.width && ours.height == graphviz.height, "\(name)")
        guard ours.width == graphviz.width && ours.height == graphviz.height else { return }
        var opaque = 0
        var differing: [String] = []
        for y in 0..<ours.height {
            for x in 0..<ours.width {
                let theirs = graphviz.rgba(x, y)
                let mine = ours.rgba(x, y)
                guard theirs[3] == 255 else {
                    if (0..<3).contains(where: { abs(Int(mine[$0]) - Int(theirs[$0])) > 2 }) && differing.count < 5 {
                        differing.append("(\(x), \(y)) \(mine) against \(theirs)")
                    }
                    continue
                }
                opaque += 1
                if mine != theirs && differing.count < 5 { differing.append("(\(x), \(y))") }
            }
        }
        #expect(differing.isEmpty, "\(name): pixels differ at \(differing)")
        // All but at most the last column and row are opaque, so the comparison covers the drawing.
        #expect(opaque >= (ours.width - 1) * (ours.height - 1), "\(name): \(opaque) opaque pixels")
    }

    @Test func theFractionalSampleReallyHasPartlyCoveredPixels() throws {
        let graphviz = try PNGImage(
            GraphvizSession.render(#"digraph { "a" -> "b" }"#, engine: "dot", formats: ["png"], source: "f").data[0])
        #expect(graphviz.channels == 4)
        #expect(graphviz.rgba(graphviz.width - 1, 0)[3] < 255)
    }

    /// A bitmap cannot say what is transparent: for a background that may not be opaque, Graphviz's own PNG.
    @Test(arguments: ["transparent", "#ffffff80", "red:blue", "/blues9/3", "0.5 0.5 0.5"])
    func leavesBackgroundsThatMayBeTransparentToGraphviz(background: String) throws {
        let dot = #"digraph { graph [bgcolor="\#(background)"]; "a" -> "b" }"#
        let ours = try GraphvizRenderer().render(dot, format: .png).data(.png)
        let graphviz = try GraphvizSession.render(dot, engine: "dot", formats: ["png"], source: "t").data[0]
        #expect(ours == graphviz, "\(background)")
    }

    @Test func knowsWhichBackgroundsAreOpaque() {
        for colour in ["", "white", "White", "gray50", "#204060", "#20406Aff", "#FFFFFFFF"] {
            #expect(GraphvizSession.isOpaqueColour(colour), "\(colour)")
        }
        for colour in ["transparent", "Transparent", "none", "invis", "#ffffff80", "#fff", "#12345", "#1234567",
            "#gggggg", "red:blue", "/x11/white", "0.5 0.5 0.5", "0.5,0.5,0.5", "1white", "white;0.3"]
        {
            #expect(!GraphvizSession.isOpaqueColour(colour), "\(colour)")
        }
    }

    /// A bitmap the reader refuses is replaced by Graphviz's own PNG, never by part of a PNG.
    @Test func aRefusedBitmapFallsBackToGraphvizsPNG() throws {
        let dot = GraphvizRendererTests.small
        var pending = PendingRendering(renderer: GraphvizRenderer(), dot: dot, source: "s", warnings: [])
        pending.bitmap = Data("BM not really".utf8)
        let rendering = try pending.finished()
        let graphviz = try GraphvizSession.render(dot, engine: "dot", formats: ["png"], source: "s").data[0]
        #expect(rendering.data(.png) == graphviz)
    }

    @Test func encodesInTheBackgroundLikeInTheForeground() throws {
        let dot = TopicMap().dot(for: Fixtures.graph()).encoded()
        let renderer = GraphvizRenderer()
        let background = try renderer.renderLeavingPNG(dot, formats: [.svg, .png], source: "m")
            .finishingInBackground().wait()
        #expect(background == (try renderer.render(dot, formats: [.svg, .png])))
        #expect(background.data(.png).count > 0)
    }
}
