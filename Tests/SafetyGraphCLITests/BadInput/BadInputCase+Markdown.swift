import Foundation
import Testing

// MARK: - Markdown lists

/// Hostile reading lists. Decisions: a list that cannot be read as text at all (binary, not UTF-8, a directory,
/// a device) stops the run (65, or 66 when there is no file to read); everything inside a readable list is a warning
/// with its `file:line` (`build` exits 0, `lint` exits 1), and the entry is either read or left out, never half-read.
extension BadInputCase {
    static let markdown: [BadInputCase] = files + encodings + sizes + links + unicode

    // MARK: Files

    static let files: [BadInputCase] = [
        BadInputCase(
            "md: empty file gives no entries and a warning", files: [("list.md", .text(""))], build("list.md"),
            status: 0, stderr: ["list.md:1: warning: the list holds no entries"], stdout: ["built 0 entries"],
            check: { (run) throws in #expect(try run.entries().isEmpty) }),
        BadInputCase(
            "md: lint of an empty file is a finding", files: [("list.md", .text(""))], lint("list.md"), status: 1,
            stdout: ["list.md:1: warning: the list holds no entries", "[no-entries]"]),
        BadInputCase(
            "md: only whitespace and a byte order mark", files: [("list.md", .bytes([0xEF, 0xBB, 0xBF] + Array("\n \t\r\n".utf8)))],
            build("list.md"), status: 0, stderr: ["list.md:1: warning: the list holds no entries"]),
        BadInputCase(
            "md: missing list", ["build", "--ontology", "ont", "--output", "out", "--list", "no/such/list.md"],
            status: 66, stderr: ["no/such/list.md: error: no such file"],
            check: { (run) throws in #expect(!FileManager.default.fileExists(atPath: run.folder.appendingPathComponent("out").path)) }),
        BadInputCase(
            "md: a directory where the list should be", files: [("lists", .directory)], build("lists"), status: 66,
            stderr: ["lists: error: is a directory, not a Markdown file"]),
        BadInputCase(
            "md: a named pipe where the list should be", files: [("pipe.md", .fifo)], build("pipe.md"), status: 66,
            stderr: ["pipe.md: error: is not a regular file"], seconds: 10),
        BadInputCase(
            "md: a device where the list should be", build("/dev/zero"), status: 66,
            stderr: ["/dev/zero: error: is not a regular file"], absolutePathsGiven: true, seconds: 10),
        BadInputCase(
            "md: a list path that runs through a file", files: [("list.md", list("* [A](https://example.org/a)"))],
            build("list.md/inner.md"), status: 66, stderr: ["list.md/inner.md: error: no such file"]),
        BadInputCase(
            "md: the same list twice", files: [("list.md", list("* [A](https://example.org/a)"))],
            build("list.md", "list.md"), status: 64,
            stderr: ["error: --list 'list.md' is the same file as --list 'list.md'; give each list once"]),
        BadInputCase(
            "md: the same list under two names", files: [("list.md", list("* [A](https://example.org/a)"))],
            build("list.md", "./list.md"), status: 64,
            stderr: ["error: --list './list.md' is the same file as --list 'list.md'"]),
    ]

    // MARK: Encodings

    static let encodings: [BadInputCase] = [
        BadInputCase(
            "md: binary junk", files: [("junk.md", .generated { junk(count: 100_000, seed: 42) })], build("junk.md"),
            status: 65, stderr: ["junk.md:", ": error: binary data (a NUL byte), not a Markdown text file"]),
        BadInputCase(
            "md: NUL bytes near the start", files: [("nul.md", .bytes(Array("* [A](https://example.org/a)\nab".utf8) + [0, 0]))],
            build("nul.md"), status: 65, stderr: ["nul.md:2:3: error: binary data (a NUL byte)"]),
        BadInputCase(
            "md: a NUL byte far into a text file is replaced, not fatal",
            files: [
                (
                    "late.md",
                    .generated {
                        Array(String(repeating: "text line\n", count: 1_000).utf8) + [0]
                            + Array("\n* [Late](https://example.org/late)\n".utf8)
                    }
                )
            ],
            build("late.md"), status: 0, stdout: ["built 1 entries"]),
        BadInputCase(
            "md: Latin-1 bytes (invalid UTF-8)",
            files: [("latin1.md", .bytes(Array("# L\n\n* [Caf".utf8) + [0xE9] + Array("](https://example.org/c)\n".utf8)))],
            build("latin1.md"), status: 65,
            stderr: ["latin1.md:3:7: error: invalid UTF-8 (the file must be UTF-8 text; re-save it as UTF-8)"]),
        BadInputCase(
            "md: an overlong UTF-8 sequence", files: [("overlong.md", .bytes(Array("ok\nx ".utf8) + [0xC0, 0xAF]))],
            build("overlong.md"), status: 65, stderr: ["overlong.md:2:3: error: invalid UTF-8"]),
        BadInputCase(
            "md: an encoded UTF-16 surrogate", files: [("surrogate.md", .bytes(Array("a\nb\nc".utf8) + [0xED, 0xA0, 0x80]))],
            build("surrogate.md"), status: 65, stderr: ["surrogate.md:3:2: error: invalid UTF-8"]),
        BadInputCase(
            "md: a UTF-8 sequence cut at the end of the file", files: [("cut.md", .bytes(Array("* [A](https://example.org/a) €".utf8.dropLast())))],
            build("cut.md"), status: 65, stderr: ["cut.md:1:30: error: invalid UTF-8"]),
        BadInputCase(
            "md: UTF-16 with a byte order mark is not UTF-8",
            files: [("utf16.md", .bytes([0xFF, 0xFE] + Array("* [A](https://example.org/a)".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))],
            build("utf16.md"), status: 65, stderr: ["utf16.md:1:", "error: binary data (a NUL byte)"]),
        BadInputCase(
            "md: Mac OS Roman mojibake is repaired with a warning",
            files: [("mojibake.md", list("* [What\u{201A}\u{00C4}\u{00F4}s new](https://example.org/m)"))],
            build("mojibake.md"), status: 0,
            stderr: ["mojibake.md:5: warning: the text looked like UTF-8 that was decoded as Mac OS Roman"],
            check: { (run) throws in #expect(try run.entries().first?["title"] as? String == "What\u{2019}s new") }),
        BadInputCase(
            "md: CRLF line endings keep their line numbers",
            files: [("crlf.md", .text("# L\r\n\r\n## Articles\r\n\r\n* [JS](javascript:void(0))\r\n"))],
            build("crlf.md"), status: 0, stderr: ["crlf.md:5:1: warning: list item looks like an entry"]),
    ]

    // MARK: Sizes and depths

    static let sizes: [BadInputCase] = [
        BadInputCase(
            // Plain prose. cmark-gfm's own autolink pass is slow and memory-hungry on text dense in `www.` (50 MB
            // of `www.a.b ` costs it about 8 s and 3.7 GB by itself), so that input is not in the suite.
            "md: a 50 MB single line",
            files: [
                (
                    "huge.md",
                    .generated {
                        Array(("* [Huge](https://example.org/huge) - "
                            + String(repeating: "lorem ipsum dolor sit amet ", count: 50_000_000 / 27)).utf8)
                    }
                )
            ],
            build("huge.md"), status: 0,
            stderr: ["huge.md:1:1: warning: item text is longer than 100000 bytes; only the start is read"],
            stdout: ["built 1 entries"], seconds: 30,
            check: { (run) throws in
                let entry = try #require(try run.entries().first)
                #expect(entry["title"] as? String == "Huge")
                #expect(((entry["description"] as? String)?.utf8.count ?? .max) <= 100_000)
            }),
        BadInputCase(
            "md: a list larger than the 64 MiB limit",
            files: [("big.md", .generated { Array(repeating: UInt8(ascii: "a"), count: 64 * 1024 * 1024 + 1) })],
            build("big.md"), status: 65, stderr: ["big.md: error: file is larger than 64 MiB"], seconds: 30),
        BadInputCase(
            "md: lists nested 10,000 deep",
            files: [("deep.md", .generated { Array((String(repeating: "- ", count: 10_000) + "[Deep](https://example.org/deep)\n").utf8) })],
            build("deep.md"), status: 0, stdout: ["built 1 entries"],
            check: { (run) throws in #expect(try run.entries().map { $0["title"] as? String } == ["Deep"]) }),
        BadInputCase(
            "md: block quotes nested 10,000 deep",
            files: [("quotes.md", .generated { Array((String(repeating: "> ", count: 10_000) + "* [Q](https://example.org/q)\n").utf8) })],
            build("quotes.md"), status: 0, stdout: ["built 1 entries"]),
        BadInputCase(
            "md: a table with 5,000 columns",
            files: [
                (
                    "wide.md",
                    .generated {
                        let header = "|" + (0..<5_000).map { " H\($0) |" }.joined()
                        let rule = "|" + String(repeating: "---|", count: 5_000)
                        let row = "| [Wide](https://example.org/wide) |" + String(repeating: " x |", count: 4_999)
                        return Array([header, rule, row, row].joined(separator: "\n").utf8)
                    }
                )
            ],
            build("wide.md"), status: 0,
            stderr: ["wide.md:4: warning: duplicate URL https://example.org/wide (first listed at wide.md:3)"],
            stdout: ["built 1 entries"]),
        BadInputCase(
            "md: the same URL 10,000 times",
            files: [
                ("same.md", .generated { Array((0..<10_000).map { "* [Same \($0)](https://example.org/same)\n" }.joined().utf8) })
            ],
            build("same.md"), status: 0,
            stderr: ["same.md:10000: warning: duplicate URL https://example.org/same (first listed at same.md:1)"],
            stdout: ["built 1 entries (0 tags, 1 untagged, 9999 warnings)"],
            check: { (run) throws in
                let entry = try #require(try run.entries().first)
                #expect(entry["title"] as? String == "Same 0")
                #expect((entry["sources"] as? [String])?.count == 10_000)
            }),
        BadInputCase(
            "md: a 1 MB title",
            files: [("title.md", .generated { Array(("* [" + String(repeating: "Title words ", count: 1_000_000 / 12) + "](https://example.org/t)\n").utf8) })],
            build("title.md"), status: 0,
            stderr: ["title.md:1:1: warning: item text is longer than 100000 bytes; only the start is read"],
            check: { (run) throws in
                let title = try #require(try run.entries().first?["title"] as? String)
                #expect(title.hasPrefix("Title words Title words") && title.utf8.count <= 100_000)
            }),
        BadInputCase(
            "md: 10,000 headings, each one deeper than the last",
            files: [("headings.md", .generated { Array((0..<10_000).map { String(repeating: "#", count: $0 % 6 + 1) + " H\($0)\n" }.joined().utf8) + Array("* [After](https://example.org/after)\n".utf8) })],
            build("headings.md"), status: 0, stdout: ["built 1 entries"],
            check: { (run) throws in
                let path = try #require((try run.entries().first?["sectionPaths"] as? [[String]])?.first)
                #expect(path.last == "H9999" && path.count <= 6)
            }),
    ]
}

/// Deterministic junk (SplitMix64), so the binary case is the same on every run.
func junk(count: Int, seed: UInt64) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return UInt8(truncatingIfNeeded: z ^ (z >> 31))
    }
}
