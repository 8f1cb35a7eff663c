import Foundation

/// Adds up the time between laps per stage name; free when disabled.
struct StageClock {
    let enabled: Bool
    private var last: UInt64
    private var order: [String] = []
    private var nanos: [String: UInt64] = [:]

    init(enabled: Bool) {
        self.enabled = enabled
        last = enabled ? DispatchTime.now().uptimeNanoseconds : 0
    }

    /// Charges the time since the previous lap to `stage`.
    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        if nanos[stage] == nil { order.append(stage) }
        nanos[stage, default: 0] += now - last
        last = now
    }

    var totals: [(stage: String, seconds: Double)] {
        order.map { ($0, Double(nanos[$0] ?? 0) / 1e9) }
    }
}
