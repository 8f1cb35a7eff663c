import CZlib
import Foundation

/// A decoded PNG, for comparing our PNG with Graphviz's own pixel by pixel: 8-bit RGB or RGBA, not interlaced
/// (what cairo and `PNGEncoder` write). Every chunk's CRC is checked, the image data inflated with zlib and all
/// five row filters undone; anything else is an error, so a broken file fails the test instead of being guessed at.
struct PNGImage: Equatable {
    var width: Int
    var height: Int
    /// 3 (RGB, colour type 2) or 4 (RGBA, colour type 6).
    var channels: Int
    /// Rows top to bottom, `channels` bytes a pixel.
    var pixels: [UInt8]
    /// The chunk types in file order.
    var chunkTypes: [String]

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The red, green, blue and alpha of pixel (x, y); alpha 255 for an RGB image.
    func rgba(_ x: Int, _ y: Int) -> [UInt8] {
        let start = (y * width + x) * channels
        let pixel = Array(pixels[start..<start + channels])
        return channels == 4 ? pixel : pixel + [255]
    }

    init(_ data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Failure("no signature") }
        func u32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        var offset = 8
        var header: [UInt8] = []
        var compressed: [UInt8] = []
        chunkTypes = []
        while offset < bytes.count {
            guard offset + 12 <= bytes.count else { throw Failure("truncated chunk at \(offset)") }
            let length = u32(offset)
            guard offset + 12 + length <= bytes.count else { throw Failure("chunk past the end at \(offset)") }
            let typeAndBody = Array(bytes[offset + 4..<offset + 8 + length])
            let type = String(decoding: typeAndBody.prefix(4), as: UTF8.self)
            let crc = typeAndBody.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }
            guard crc == UInt(u32(offset + 8 + length)) else { throw Failure("bad CRC in \(type)") }
            let body = Array(typeAndBody.dropFirst(4))
            chunkTypes.append(type)
            switch type {
            case "IHDR": header = body
            case "IDAT": compressed += body
            default: break
            }
            offset += 12 + length
            if type == "IEND" { break }
        }
        guard offset == bytes.count, chunkTypes.last == "IEND" else { throw Failure("no IEND at the end") }
        guard chunkTypes.first == "IHDR", header.count == 13 else { throw Failure("no IHDR first") }
        width = header[0..<4].reduce(0) { $0 << 8 | Int($1) }
        height = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
        guard header[8] == 8, header[10] == 0, header[11] == 0, header[12] == 0 else { throw Failure("unsupported IHDR") }
        switch header[9] {
        case 2: channels = 3
        case 6: channels = 4
        default: throw Failure("colour type \(header[9])")
        }
        let rowLength = width * channels
        let raw = try Self.inflate(compressed, expected: height * (1 + rowLength))
        pixels = []
        pixels.reserveCapacity(height * rowLength)
        var previous = [UInt8](repeating: 0, count: rowLength)
        for y in 0..<height {
            let filter = raw[y * (1 + rowLength)]
            var row = Array(raw[y * (1 + rowLength) + 1..<(y + 1) * (1 + rowLength)])
            for i in 0..<rowLength {
                let left = i >= channels ? Int(row[i - channels]) : 0
                let up = Int(previous[i])
                let upLeft = i >= channels ? Int(previous[i - channels]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = left
                case 2: predicted = up
                case 3: predicted = (left + up) / 2
                case 4: predicted = Self.paeth(left, up, upLeft)
                default: throw Failure("filter \(filter) in row \(y)")
                }
                row[i] = UInt8(truncatingIfNeeded: Int(row[i]) + predicted)
            }
            pixels += row
            previous = row
        }
    }

    static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let p = a + b - c
        let (pa, pb, pc) = (abs(p - a), abs(p - b), abs(p - c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }

    /// The zlib stream `compressed` inflated; it must hold exactly `expected` bytes and end there.
    static func inflate(_ compressed: [UInt8], expected: Int) throws -> [UInt8] {
        var stream = z_stream()
        guard safetygraph_inflateInit(&stream) == Z_OK else { throw Failure("inflateInit") }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: expected + 1)
        var input = compressed
        let status = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, stream.avail_in == 0, Int(stream.total_out) == expected else {
            throw Failure("inflate: status \(status), \(stream.total_out) bytes for \(expected)")
        }
        return Array(output.prefix(expected))
    }
}
