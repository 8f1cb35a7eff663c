import Foundation

/// Where the pixels of a 24-bit uncompressed Windows bitmap are in its bytes: Graphviz's `bmp` output (device
/// `bmp:cairo:gdk`), which `PNGEncoder` turns into our PNG.
///
/// Graphviz's bytes are read as untrusted: every header field is checked and every size is computed with
/// overflow-checked arithmetic and checked against the length of the data, so anything unexpected (another
/// header version, another depth, compression, a palette, sizes that do not add up) gives nil, never a trap
/// or a read past the end. The caller then falls back to Graphviz's own PNG.
struct BitmapImage: Sendable, Hashable {
    /// Pixels per row and number of rows, both at least 1.
    let width: Int
    let height: Int
    /// Offset in the data of the first byte of the top row.
    let topRowOffset: Int
    /// Bytes from one row to the next in top-down order: the padded row length, negative for a bottom-up file.
    let rowStep: Int
    /// Offset just past the last byte of pixels: the bitmap is at least this long.
    let pixelEnd: Int

    /// Offset in the data of row `row` (0 is the top row) of the image; its pixels are blue, green, red.
    func offset(ofRow row: Int) -> Int { topRowOffset + row * rowStep }

    /// The largest image accepted: Graphviz's cairo devices stop far below (cairo surfaces are at most 32,767
    /// pixels a side), and the cap keeps every later product of sizes far from overflowing.
    static let maximumPixels = 1 << 28
    static let maximumSide = 1 << 16

    private static let fileHeaderSize = 14
    private static let infoHeaderSize = 40

    /// Reads the headers of `data` and checks that the pixels they describe are all inside it; nil for anything
    /// but a BITMAPFILEHEADER and BITMAPINFOHEADER describing an uncompressed, palette-less 24-bit image.
    init?(_ data: Data) {
        let bytes = [UInt8](data.prefix(Self.fileHeaderSize + Self.infoHeaderSize))
        guard bytes.count == Self.fileHeaderSize + Self.infoHeaderSize else { return nil }
        func u16(_ at: Int) -> UInt32 { UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { u16(at) | u16(at + 2) << 16 }

        // BITMAPFILEHEADER: "BM", the file size, two reserved words (zero), the offset of the pixels.
        guard bytes[0] == UInt8(ascii: "B"), bytes[1] == UInt8(ascii: "M") else { return nil }
        guard Int(exactly: u32(2)) == data.count, u32(6) == 0 else { return nil }
        let pixelOffset = Int(u32(10))
        // BITMAPINFOHEADER, and only it: the later versions (V4, V5) may carry colour masks and profiles.
        guard u32(14) == UInt32(Self.infoHeaderSize) else { return nil }
        let width = Int(Int32(bitPattern: u32(18)))
        let signedHeight = Int(Int32(bitPattern: u32(22)))  // negative: rows stored top-down
        guard u16(26) == 1, u16(28) == 24 else { return nil }  // one plane, 24 bits a pixel
        guard u32(30) == 0 else { return nil }  // BI_RGB: no compression, no bit fields
        let declaredImageSize = Int(u32(34))
        // u32(38), u32(42): pixels per metre, any value. No palette: none used, none important.
        guard u32(46) == 0, u32(50) == 0 else { return nil }

        let height = Int(signedHeight.magnitude)
        guard width >= 1, height >= 1, width <= Self.maximumSide, height <= Self.maximumSide,
            width * height <= Self.maximumPixels
        else { return nil }
        // Each row: three bytes a pixel, padded to a multiple of four.
        let (rowBytes, rowOverflow) = width.multipliedReportingOverflow(by: 3)
        guard !rowOverflow else { return nil }
        let (paddedRow, padOverflow) = rowBytes.addingReportingOverflow(3)
        guard !padOverflow else { return nil }
        let stride = paddedRow & ~3
        let (imageSize, sizeOverflow) = stride.multipliedReportingOverflow(by: height)
        guard !sizeOverflow, declaredImageSize == 0 || declaredImageSize == imageSize else { return nil }
        let (pixelEnd, endOverflow) = pixelOffset.addingReportingOverflow(imageSize)
        guard !endOverflow, pixelOffset >= Self.fileHeaderSize + Self.infoHeaderSize, pixelEnd <= data.count else {
            return nil
        }

        self.width = width
        self.height = height
        self.pixelEnd = pixelEnd
        if signedHeight < 0 {
            topRowOffset = pixelOffset
            rowStep = stride
        } else {
            topRowOffset = pixelOffset + (height - 1) * stride
            rowStep = -stride
        }
    }
}
