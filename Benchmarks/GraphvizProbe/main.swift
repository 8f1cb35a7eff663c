// graphviz-probe: renders DOT in a loop through SafetyGraphGraphviz, for the checks that need a process of
// their own (a clean heap for memory figures, a stderr nobody else writes to) and for `make bench`.
//
//   graphviz-probe bench FILE.dot [RUNS]     in-process SVG render vs the `dot` command (medians, ms)
//   graphviz-probe rss FILE.dot [RENDERS]    resident memory before and after RENDERS renders (after warm-up)
//   graphviz-probe render FILE.dot [COUNT]   renders svg, png and xdot COUNT times; prints sizes (for valgrind)
//   graphviz-probe messages                  renders DOT that makes Graphviz warn, then DOT it cannot parse;
//                                            prints what was captured on stdout (stderr must stay empty)
import Foundation
import SafetyGraphGraphviz

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("graphviz-probe: \(message)\n".utf8))
    exit(64)
}

func readDOT(_ path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return String(decoding: data, as: UTF8.self)
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/// Resident set size in KiB, from /proc/self/statm (pages).
func residentKiB() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return -1 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return -1 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
}

/// The `dot` command on PATH.
func dotCommand() -> URL? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let url = URL(fileURLWithPath: String(dir)).appendingPathComponent("dot")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first else { fail("usage: graphviz-probe bench|rss|render|messages …") }
let renderer = GraphvizRenderer()

do {
    switch mode {
    case "bench":
        guard arguments.count >= 2 else { fail("usage: graphviz-probe bench FILE.dot [RUNS]") }
        let path = arguments[1]
        let runs = arguments.count > 2 ? max(Int(arguments[2]) ?? 15, 1) : 15
        let dot = readDOT(path)
        // The first render in a process also creates the context, loads the plugins and reads the fonts.
        let first = try milliseconds { _ = try renderer.render(dot, format: .svg) }
        var inProcess: [Double] = []
        for _ in 0..<runs { inProcess.append(try milliseconds { _ = try renderer.render(dot, format: .svg) }) }
        guard let command = dotCommand() else { fail("no `dot` command on PATH") }
        var external: [Double] = []
        for _ in 0...runs {  // the first run warms the page cache and is dropped
            let process = Process()
            process.executableURL = command
            process.arguments = ["-Tsvg", path, "-o", "/dev/null"]
            process.standardError = FileHandle.nullDevice
            external.append(
                try milliseconds {
                    try process.run()
                    process.waitUntilExit()
                })
            if process.terminationStatus != 0 { fail("dot failed on \(path)") }
        }
        external.removeFirst()
        let a = median(inProcess)
        let b = median(external)
        print("| render of \((path as NSString).lastPathComponent) (svg, median of \(runs)) | ms |")
        print("|---|---:|")
        print("| in-process, first render (context, plugins, fonts, then as below) | \(String(format: "%.1f", first)) |")
        print("| in-process (libgvc: parse, layout, render; context kept) | \(String(format: "%.1f", a)) |")
        print("| `dot -Tsvg` command (process start included) | \(String(format: "%.1f", b)) |")
        print("| ratio in-process / command | \(String(format: "%.2f", b > 0 ? a / b : 0)) |")

    case "rss":
        guard arguments.count >= 2 else { fail("usage: graphviz-probe rss FILE.dot [RENDERS]") }
        let dot = readDOT(arguments[1])
        let renders = arguments.count > 2 ? max(Int(arguments[2]) ?? 300, 1) : 300
        for _ in 0..<20 { _ = try renderer.render(dot, formats: [.svg, .png]) }  // warm-up: caches fill
        let before = residentKiB()
        let formats = (ProcessInfo.processInfo.environment["PROBE_FORMATS"] ?? "svg,png").split(separator: ",").compactMap { RenderFormat(rawValue: String($0)) }
        for _ in 0..<renders { _ = try renderer.render(dot, formats: formats) }
        let after = residentKiB()
        print("renders \(renders)")
        print("rss-before-kib \(before)")
        print("rss-after-kib \(after)")
        print("growth-kib \(after - before)")

    case "render":
        guard arguments.count >= 2 else { fail("usage: graphviz-probe render FILE.dot [COUNT]") }
        let dot = readDOT(arguments[1])
        let count = arguments.count > 2 ? max(Int(arguments[2]) ?? 3, 1) : 3
        let formats = (ProcessInfo.processInfo.environment["PROBE_FORMATS"] ?? "svg,png,xdot").split(separator: ",")
            .compactMap { RenderFormat(rawValue: String($0)) }
        for _ in 0..<count {
            let rendering = try renderer.render(dot, formats: formats)
            print(RenderFormat.allCases.compactMap { f in rendering.outputs[f].map { "\(f) \($0.count)" } }.joined(separator: ", "))
        }

    case "messages":
        let warning = try renderer.render(#"digraph "w" { "a" [shape="no-such-shape"]; "a" -> "b"; }"#, format: .svg)
        print("warnings: \(warning.warnings.count)")
        for line in warning.warnings { print("warning: \(line)") }
        do {
            _ = try renderer.render("digraph { \"a\" -> ; }", format: .svg, source: "broken.dot")
            print("error: none")
        } catch {
            print("error: \(error)")
        }

    default:
        fail("unknown mode \(mode)")
    }
} catch {
    fail("\(error)")
}
