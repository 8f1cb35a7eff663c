internal import CZlib
import Foundation

/// Writes Graphviz's bitmap (`bmp` output) as a PNG: 8-bit RGB, every row with filter 0 (None), deflated by zlib
/// at level 3.
///
/// Why not Graphviz's own `png`: its cairo device has libpng choose a filter for every row (trying all five) and
/// deflate at level 6. For the topic map of a large build (2064×3062 pixels) that took about 0.24 CPU-seconds,
/// inside the Graphviz lock, against 0.04 s for the layout and drawing; written here, the same pixels take about
/// 0.05 s, outside the lock, and the file is smaller (805 KB instead of 991 KB). Level 3 is zlib's last level
/// with its fastest matching; level 4 saved 7 % more for 60 % more time, level 6 9 % for twice the time.
///
/// The output depends only on the pixels (and the zlib version), so the same DOT gives the same bytes.
enum PNGEncoder {
    static let compressionLevel: Int32 = 3

    private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The PNG limit on a chunk's length.
    private static let maximumChunkLength = Int(Int32.max)

    /// The PNG of the bitmap `data`, or nil when the bitmap is not one `BitmapImage` reads (or zlib fails).
    static func png(fromBitmap data: Data) -> Data? {
        guard let image = BitmapImage(data) else { return nil }
        return data.withUnsafeBytes { bitmap in png(of: image, pixels: bitmap) }
    }

    /// `bitmap` holds the whole bitmap file `image` was read from.
    static func png(of image: BitmapImage, pixels bitmap: UnsafeRawBufferPointer) -> Data? {
        guard image.pixelEnd <= bitmap.count, let compressed = deflatedRows(of: image, bitmap),
            compressed.count <= maximumChunkLength
        else { return nil }
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(image.width))
        header.appendBigEndian(UInt32(image.height))
        // Bit depth 8, colour type 2 (RGB), compression 0 (deflate), filter method 0, no interlace.
        header += [8, 2, 0, 0, 0]

        var png = Data(capacity: signature.count + 3 * 12 + header.count + compressed.count)
        png.append(contentsOf: signature)
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", compressed, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// A chunk: the length of its data, its type, its data, and the CRC-32 of type and data.
    private static func appendChunk(_ type: StaticString, _ body: [UInt8], to png: inout Data) {
        var head: [UInt8] = []
        head.appendBigEndian(UInt32(body.count))
        let typeBytes = type.withUTF8Buffer { Array($0) }
        head += typeBytes
        var crc = typeBytes.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }
        crc = body.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, UInt32($0.count)) }
        png.append(contentsOf: head)
        png.append(contentsOf: body)
        var tail: [UInt8] = []
        tail.appendBigEndian(UInt32(truncatingIfNeeded: crc))
        png.append(contentsOf: tail)
    }

    /// The zlib stream of the image's rows, top to bottom, each as a filter byte 0 followed by its pixels in red,
    /// green, blue order (the bitmap stores blue first). Rows are converted one at a time into a small buffer,
    /// so the unfiltered image (19 MB for the large topic map) is never held whole.
    private static func deflatedRows(of image: BitmapImage, _ bitmap: UnsafeRawBufferPointer) -> [UInt8]? {
        var stream = z_stream()
        guard safetygraph_deflateInit2(&stream, compressionLevel, 8, Z_DEFAULT_STRATEGY) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }

        let rowLength = 1 + 3 * image.width
        var row = [UInt8](repeating: 0, count: rowLength)
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        var compressed: [UInt8] = []

        /// Deflates what `stream` points at (all of it, or to the end with `Z_FINISH`); false if zlib fails.
        func run(_ flush: Int32) -> Bool {
            chunk.withUnsafeMutableBufferPointer { out in
                while true {
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    let status = deflate(&stream, flush)
                    let produced = out.count - Int(stream.avail_out)
                    compressed.append(contentsOf: out[0..<produced])
                    if status == Z_STREAM_END { return flush == Z_FINISH }
                    // Z_BUF_ERROR only says no progress was possible; the loop's condition settles that.
                    guard status == Z_OK || status == Z_BUF_ERROR else { return false }
                    if flush != Z_FINISH && stream.avail_in == 0 && stream.avail_out > 0 { return true }
                    if flush == Z_FINISH && status == Z_BUF_ERROR && produced == 0 { return false }
                }
            }
        }

        let source = bitmap.bindMemory(to: UInt8.self)
        guard let base = source.baseAddress else { return nil }
        let (w, h) = (image.width, image.height)
        // The part of the last column (row) the canvas covers, from the top (left) pixel of it against its inner
        // neighbour: both lie in the background margin.
        let columnCoverage = w >= 2 ? coverage(base + image.offset(ofRow: 0) + 3 * (w - 1), inner: base + image.offset(ofRow: 0) + 3 * (w - 2)) : nil
        let rowCoverage = h >= 2 ? coverage(base + image.offset(ofRow: h - 1), inner: base + image.offset(ofRow: h - 2)) : nil
        for y in 0..<h {
            let pixels = base + image.offset(ofRow: y)
            row.withUnsafeMutableBufferPointer { line in
                guard let out = line.baseAddress else { return }
                out[0] = 0
                for x in 0..<w {
                    let from = pixels + 3 * x
                    let to = out + 1 + 3 * x
                    to[0] = from[2]
                    to[1] = from[1]
                    to[2] = from[0]
                }
                if let columnCoverage { unblend(out + 1 + 3 * (w - 1), count: 1, coverage: columnCoverage) }
                if y == h - 1, let rowCoverage { unblend(out + 1, count: w, coverage: rowCoverage) }
            }
            let ok = row.withUnsafeMutableBufferPointer { line -> Bool in
                stream.next_in = line.baseAddress
                stream.avail_in = UInt32(line.count)
                defer { stream.next_in = nil }
                return run(Z_NO_FLUSH)
            }
            guard ok else { return nil }
        }
        guard run(Z_FINISH) else { return nil }
        return compressed
    }
}

extension PNGEncoder {
    // Graphviz's canvas is mostly a fraction of a pixel wider and taller than the bitmap's whole pixels: it covers
    // the last column and row only in part. Its own PNG gives those pixels the drawing's colour with alpha below
    // 255; the bitmap, which has no alpha, has them blended over black by the part covered, which would end the
    // image in a faint dark line. They are given the drawing's colour back, as in Graphviz's PNG, but opaque.

    /// The part of an edge pixel covered, from its value against the fully covered pixel beside it (the same
    /// background colour): the ratio of their brightest channel; nil when the edge pixel is not a darker copy of
    /// it (fully covered, or not background), or when the background is too dark to tell.
    static func coverage(_ edge: UnsafePointer<UInt8>, inner: UnsafePointer<UInt8>) -> Double? {
        var brightest = 0
        for c in 1..<3 where inner[c] > inner[brightest] { brightest = c }
        guard inner[brightest] >= 64, edge[brightest] < inner[brightest], edge[brightest] > 0,
            (0..<3).allSatisfy({ edge[$0] <= inner[$0] })
        else { return nil }
        return Double(edge[brightest]) / Double(inner[brightest])
    }

    /// `count` RGB pixels from `pixels` on, each channel divided by `coverage` (at most 255).
    static func unblend(_ pixels: UnsafeMutablePointer<UInt8>, count: Int, coverage: Double) {
        for i in 0..<(3 * count) {
            pixels[i] = UInt8(min(255, (Double(pixels[i]) / coverage).rounded()))
        }
    }
}

extension [UInt8] {
    fileprivate mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }
}
