import Foundation

/// Adds up the time between laps per stage (named once, counted by index); free when disabled.
struct StageClock {
    let enabled: Bool
    private let stages: [String]
    private var last: UInt64
    private var nanos: [UInt64]
    /// The stages in the order they were first charged.
    private var order: [Int] = []

    init(stages: [String], enabled: Bool) {
        self.enabled = enabled
        self.stages = stages
        nanos = Array(repeating: 0, count: stages.count)
        last = enabled ? DispatchTime.now().uptimeNanoseconds : 0
    }

    /// Charges the time since the previous lap to stage number `stage`.
    mutating func lap(_ stage: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        if !order.contains(stage) { order.append(stage) }
        nanos[stage] += now - last
        last = now
    }

    /// Starts the next lap now, charging the time since the last one to nothing.
    mutating func restart() {
        guard enabled else { return }
        last = DispatchTime.now().uptimeNanoseconds
    }

    /// Adds what `other` (a clock of the same stages) charged to each stage.
    mutating func add(_ other: StageClock) {
        guard enabled else { return }
        for stage in other.order {
            if !order.contains(stage) { order.append(stage) }
            nanos[stage] += other.nanos[stage]
        }
    }

    /// Charges `nanoseconds` measured elsewhere to stage number `stage`.
    mutating func charge(_ stage: Int, nanoseconds: UInt64) {
        guard enabled else { return }
        if !order.contains(stage) { order.append(stage) }
        nanos[stage] += nanoseconds
    }

    var totals: [(stage: String, seconds: Double)] {
        order.map { (stages[$0], Double(nanos[$0]) / 1e9) }
    }
}
