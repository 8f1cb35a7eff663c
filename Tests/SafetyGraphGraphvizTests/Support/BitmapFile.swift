import Foundation

/// Writes small 24-bit Windows bitmaps for the reader's tests, and bends their header fields.
enum BitmapFile {
    /// The bitmap of `rows` (top to bottom, each `width` pixels as red, green, blue), stored bottom-up as Graphviz
    /// writes it, or top-down (a negative height).
    static func make(width: Int, rows: [[UInt8]], topDown: Bool = false) -> Data {
        let stride = (width * 3 + 3) / 4 * 4
        var pixels: [UInt8] = []
        for row in topDown ? rows : rows.reversed() {
            for x in 0..<width { pixels += [row[3 * x + 2], row[3 * x + 1], row[3 * x]] }
            pixels += [UInt8](repeating: 0, count: stride - width * 3)
        }
        var file: [UInt8] = Array("BM".utf8)
        file.appendLittleEndian(UInt32(54 + pixels.count))  // file size
        file.appendLittleEndian(0)  // reserved
        file.appendLittleEndian(54)  // offset of the pixels
        file.appendLittleEndian(40)  // BITMAPINFOHEADER
        file.appendLittleEndian(UInt32(width))
        file.appendLittleEndian(UInt32(bitPattern: Int32(topDown ? -rows.count : rows.count)))
        file += [1, 0, 24, 0]  // planes, bits a pixel
        file.appendLittleEndian(0)  // BI_RGB
        file.appendLittleEndian(UInt32(pixels.count))
        file.appendLittleEndian(2835)  // 72 dpi, in pixels a metre
        file.appendLittleEndian(2835)
        file.appendLittleEndian(0)  // colours used
        file.appendLittleEndian(0)  // colours important
        return Data(file + pixels)
    }

    /// Rows of `width` × `height` pixels, every channel of every pixel different from its neighbours'.
    static func pattern(width: Int, height: Int) -> [[UInt8]] {
        (0..<height).map { (y: Int) -> [UInt8] in
            var row: [UInt8] = []
            for x in 0..<width {
                let channels: [Int] = [7 * x + y, 3 * y + 1, x * y + 200]
                row += channels.map { UInt8(truncatingIfNeeded: $0) }
            }
            return row
        }
    }

    /// `data` with the little-endian 32-bit field at `offset` set to `value`.
    static func setting(_ data: Data, _ offset: Int, _ value: UInt32) -> Data {
        var bytes = [UInt8](data)
        for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * i)) }
        return Data(bytes)
    }

    /// `data` with the 16-bit field at `offset` set to `value`.
    static func setting16(_ data: Data, _ offset: Int, _ value: UInt16) -> Data {
        var bytes = [UInt8](data)
        bytes[offset] = UInt8(truncatingIfNeeded: value)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
        return Data(bytes)
    }
}

extension [UInt8] {
    fileprivate mutating func appendLittleEndian(_ value: UInt32) {
        for i in 0..<4 { append(UInt8(truncatingIfNeeded: value >> (8 * i))) }
    }
}
