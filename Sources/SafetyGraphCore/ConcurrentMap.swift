import Foundation

/// `(0..<count).map(body)`, with the calls spread over all cores (`DispatchQueue.concurrentPerform`). The results
/// come back in index order, so what a caller reports never depends on which call finished first.
public func concurrentMap<Value>(_ count: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
    guard count > 1 else { return (0..<count).map(body) }
    var results = [Value?](repeating: nil, count: count)
    results.withUnsafeMutableBufferPointer { buffer in
        // Each call writes only its own slot.
        let slots = UncheckedSendable(buffer)
        concurrentForEach(count) { index in slots.value[index] = body(index) }
    }
    return results.map { $0! }
}

/// `body(0)`, …, `body(count - 1)`, spread over all cores (`DispatchQueue.concurrentPerform`). A single call runs on
/// the calling thread: waking worker threads for it costs more than it saves, and under libFuzzer with ASan it
/// made each execution of a small input about 15 times slower.
public func concurrentForEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
    if count > 1 {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    } else if count == 1 {
        body(0)
    }
}

/// Hands a value the compiler cannot prove `Sendable` (a buffer whose disjoint parts different workers write, or
/// that they only read) to concurrent work.
public struct UncheckedSendable<Value>: @unchecked Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
}
