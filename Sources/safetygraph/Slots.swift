import Foundation

/// One value per task of a `DispatchQueue.concurrentPerform`, set from the tasks' threads and read once they have
/// all finished, in task order (so what a command reports never depends on which task ended first).
final class Slots<Value>: @unchecked Sendable {  // `values` is guarded by `lock`
    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        defer { lock.unlock() }
        values[index] = value
    }

    /// Every value, in task order; call it only after every task has set its own.
    var all: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return values.map { $0! }
    }
}
