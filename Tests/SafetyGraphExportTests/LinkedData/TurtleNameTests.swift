import Testing
@testable import SafetyGraphExport

/// `TurtleWriter.writeName` stops its search early (see the writer); these tests check it against the rule in
/// its plainest form, over many IRIs and bases whose namespaces nest.
@Suite struct TurtleNameTests {
    /// The rule as stated: the first namespace (longest first) the IRI starts with and leaves a plain local name
    /// after gives `prefix:local`; otherwise `<iri>`.
    static func plainName(_ iri: String, _ writer: TurtleWriter) -> String {
        let bytes = Array(iri.utf8)
        for (prefix, namespace) in writer.prefixes {
            let ns = Array(namespace.utf8)
            guard bytes.count > ns.count, Array(bytes[..<ns.count]) == ns else { continue }
            let local = Array(bytes[ns.count...])
            guard local.withUnsafeBufferPointer(TurtleWriter.isPlainLocalName) else { continue }
            return prefix + ":" + String(decoding: local, as: UTF8.self)
        }
        return "<" + iri + ">"
    }

    static func written(_ iri: String, _ writer: TurtleWriter) -> String {
        let sink = ByteSink()
        writer.writeName(iri, to: sink)
        return sink.text
    }

    /// Bases whose namespaces nest in one another and in the standard ones (`https://schema.org/` as the base
    /// puts `sg:`, `concept:` … under `schema:`).
    static let bases = [
        "https://example.org/safetygraph/", "https://example.org/kg#", "https://schema.org/", "http://x.org/",
        "http://www.w3.org/2004/02/skos/core#", "https://e.org/a-b_c/",
    ]

    /// Local parts: plain, empty, starting with `-`, holding `/`, `#`, `%`, spaces, dots, non-ASCII (composed and
    /// decomposed), controls, and the names of our own namespaces.
    static let locals = [
        "", "a", "-", "-a", "a-", "_", "_x", "A_z-9", "0", "123", "a/b", "a/", "/a", "a b", " ", "é", "e\u{301}", "ü-a",
        "x#y", "#", "%20", "a%2F", "a.b", ".", "~", "a~b", "\u{0}", "a\nb", "\u{7F}", "😀", "concepts/foo",
        "entries/x/authors/1", "entries/x/tags/y/2", "entries/x/publisher", "sections/Tools/Attacks", "vocab#rule",
        "vocab/rule", "type", "Concept", "labelRule", "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p", "ab:cd", "a?b", "a@b",
    ]

    /// Every namespace of the writer, and near misses of each: one byte short, one byte changed, the last byte
    /// doubled, and a prefix of the namespace only.
    static func stems(_ writer: TurtleWriter) -> [String] {
        var stems = ["", "https://", "http://example.org", "urn:x:", "<"]
        for (_, namespace) in writer.prefixes {
            let bytes = Array(namespace.utf8)
            stems.append(namespace)
            stems.append(String(decoding: bytes.dropLast(), as: UTF8.self))
            stems.append(String(decoding: bytes.dropLast() + [UInt8(ascii: "x")], as: UTF8.self))
            stems.append(namespace + String(decoding: [bytes.last!], as: UTF8.self))
            stems.append(String(decoding: bytes.prefix(bytes.count / 2), as: UTF8.self))
            stems.append(namespace.uppercased())
        }
        return stems
    }

    @Test(arguments: bases)
    func writtenNamesFollowTheRule(_ baseIRI: String) throws {
        let base = try LinkedDataBase(baseIRI)
        let writer = TurtleWriter(vocabulary: LinkedVocabulary(base: base))
        var checked = 0
        for stem in Self.stems(writer) {
            for local in Self.locals {
                let iri = stem + local
                #expect(Self.written(iri, writer) == Self.plainName(iri, writer), "\(iri)")
                checked += 1
            }
        }
        #expect(checked > 1000)
    }

    /// Random IRIs over a small alphabet that makes the cases above likely (namespace pieces, plain and other
    /// bytes), from a fixed seed.
    @Test func randomNamesFollowTheRule() throws {
        let writer = TurtleWriter(vocabulary: LinkedVocabulary(base: try LinkedDataBase("https://schema.org/")))
        var pieces = ["a", "Z", "9", "_", "-", "/", "#", ".", "%", " ", "é", "😀", ":"]
        for (_, namespace) in writer.prefixes {
            pieces.append(namespace)
            pieces.append(String(namespace.dropLast()))
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<20_000 {
            var iri = ""
            for _ in 0..<next(6) { iri += pieces[next(pieces.count)] }
            #expect(Self.written(iri, writer) == Self.plainName(iri, writer), "\(iri)")
        }
    }

    /// `plainTailStart`'s sixteen-byte scan against the byte loop: every byte value at every offset of plain runs
    /// of every length up to 48 (one, two and three blocks and the bytes left before them), and plain runs alone.
    @Test func plainTailStartMatchesTheByteLoop() {
        let table = TurtleWriter.plainLocalTable()
        let plainBytes = Array("abcXYZ019_-qQz".utf8)
        func byteLoop(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var start = bytes.count
            while start > 0, TurtleWriter.isPlainLocalByte(bytes[start - 1]) { start -= 1 }
            return start
        }
        var checked = 0
        table.withUnsafeBufferPointer { plain in
            for length in 0...48 {
                let run = (0..<length).map { plainBytes[$0 % plainBytes.count] }
                for offset in -1..<length {
                    for byte in offset < 0 ? [0] : Array(0...255) {
                        var bytes = run
                        if offset >= 0 { bytes[offset] = UInt8(byte) }
                        bytes.withUnsafeBufferPointer { bytes in
                            let got = TurtleWriter.plainTailStart(bytes, plain: plain)
                            #expect(got == byteLoop(bytes), "length \(length), byte \(byte) at \(offset)")
                        }
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 250_000)
    }
}

