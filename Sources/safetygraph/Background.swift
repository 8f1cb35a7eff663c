import Foundation

/// Work run on a thread of its own from its creation, beside what the caller does next; `wait()` gives its result.
final class Background<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Value, any Error>?

    init(_ body: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            outcome = Result { try body() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the work (once) and gives its result.
    func wait() -> Result<Value, any Error> {
        done.wait()
        return outcome!
    }
}
