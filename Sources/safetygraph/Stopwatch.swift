import Foundation

/// Wall-clock time per stage of a build, for `--timings`.
struct Stopwatch {
    let enabled: Bool
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var lines: [String] = []

    init(enabled: Bool) { self.enabled = enabled }

    /// Records the time since the previous lap under `stage`.
    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        record(stage, Double(now - last) / 1e9)
        last = now
    }

    /// Records a time measured elsewhere (a part of the next lap).
    mutating func record(_ stage: String, _ seconds: Double) {
        guard enabled else { return }
        lines.append("timing: " + String(format: "%8.3f s  ", seconds) + stage)
    }
}
