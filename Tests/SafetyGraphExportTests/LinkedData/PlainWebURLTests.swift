import Testing
@testable import SafetyGraphExport

/// `IRIEncoding.isPlainWebURL(contiguous:)` (a table look-up per byte) against `isPlainWebURL(bytes:)` (the rule
/// as written), over raw bytes: every byte value at every part of a URL, and many seeded random URLs.
@Suite struct PlainWebURLTests {
    static func agree(_ bytes: [UInt8]) -> Bool {
        let fast = bytes.withUnsafeBufferPointer { IRIEncoding.isPlainWebURL(contiguous: $0) }
        return fast == IRIEncoding.isPlainWebURL(bytes: bytes)
    }

    @Test func everyByteAtEveryPartAgrees() {
        let shapes: [(String, String)] = [
            ("", "ttps://example.org/"), ("h", "tps://e.org/"), ("http", "://e.org/"), ("https:", "/e.org/"),
            ("https://", "example.org/"), ("https://ex", "ample.org/a"), ("https://e.org", "/a"), ("https://e.org:", "80/"),
            ("https://e.org:8", "0/"), ("https://e.org/", "a/b"), ("https://e.org/a", ""), ("https://e.org/%", "41"),
            ("https://e.org/%4", "1"), ("https://e.org/?q=", "x"), ("https://e.org/#", "f"), ("https://e.org/#f", "g"),
            ("http", ""), ("https://e.org/a%4", ""),
        ]
        var accepted = 0
        for (before, after) in shapes {
            for value in 0...255 {
                let bytes = Array(before.utf8) + [UInt8(value)] + Array(after.utf8)
                #expect(Self.agree(bytes), "\(before) + \(value) + \(after)")
                if IRIEncoding.isPlainWebURL(bytes: bytes) { accepted += 1 }
            }
        }
        #expect(accepted > 500)  // the shapes reach every part, accepted and refused
    }

    @Test func randomURLsAgree() {
        let starts = ["http://", "https://", "HTTPS://", "hTTp://", "http:/", "https:", "ftp://", "", "httpss://"]
        let pieces = [
            "example.org", "a", "Z", "0", "9", ".", "-", "_", "~", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=",
            ":", "@", "/", "?", "#", "%", "%4", "%41", "%zz", "%A", " ", "é", "😀", "\u{7F}", "\u{0}", "<", ">", "\"", "{",
            "|", "\\", "^", "`", "[", "]", ":8080", ":",
        ]
        var state: UInt64 = 0x853C_49E6_748F_EA9B
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var accepted = 0
        for _ in 0..<50_000 {
            var url = starts[next(starts.count)]
            for _ in 0..<next(8) { url += pieces[next(pieces.count)] }
            let bytes = Array(url.utf8)
            #expect(Self.agree(bytes), "\(url)")
            if IRIEncoding.isPlainWebURL(bytes: bytes) { accepted += 1 }
        }
        #expect(accepted > 300)  // enough accepted URLs to reach the path loop
    }
}
