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

/// Whether `test(i)` holds for every `i` in `0..<count`, asked in chunks on all cores when there are many: a check
/// over every entry (are they in order?) between two stages keeps the other cores idle for a few milliseconds at
/// 100,000 entries. Every chunk is asked in full (a chunk's `false` does not stop the others).
public func concurrentAllSatisfy(_ count: Int, chunk: Int = 16_384, _ test: @Sendable (Int) -> Bool) -> Bool {
    guard count > chunk else { return (0..<max(count, 0)).allSatisfy(test) }
    let chunks = (count + chunk - 1) / chunk
    return concurrentMap(chunks) { c in ((c * chunk)..<min(count, (c + 1) * chunk)).allSatisfy(test) }.allSatisfy { $0 }
}

/// Hands a value the compiler cannot prove `Sendable` (a buffer whose disjoint parts different workers write, or
/// that they only read) to concurrent work.
public struct UncheckedSendable<Value>: @unchecked Sendable {
    public let value: Value
    public init(_ value: Value) { self.value = value }
}

/// Makes `count` values on all cores and hands each to `consume` in index order, on the thread that made it, once
/// every value before it has been consumed: output made in parts at once and written out in order, with only a
/// few parts in memory at any time (a part waits for its turn only until the parts before it are consumed).
/// `consume` alone touches `state`, one call at a time.
public func concurrentInOrder<State, Value>(
    _ count: Int, state: inout State, make: @Sendable (Int) -> Value,
    consume: @Sendable (inout State, consuming Value) -> Void
) {
    concurrentInOrder(count, state: &state, make: make, consume: consume, afterwards: { _ in })
}

/// `concurrentInOrder(_:state:make:consume:)`, where what `consume` returns is handed to `afterwards` on the same
/// thread once the turn is over: work that needs the order only to be given its place (a piece of a file given its
/// offset in turn) is then done on all cores at once, outside the turns.
public func concurrentInOrder<State, Value, Handoff>(
    _ count: Int, state: inout State, make: @Sendable (Int) -> Value,
    consume: @Sendable (inout State, consuming Value) -> Handoff, afterwards: @Sendable (consuming Handoff) -> Void
) {
    let turns = Turns(state)
    concurrentForEach(count) { index in
        let value = make(index)
        let handoff = turns.inTurn(index) { state in UncheckedSendable(consume(&state, value)) }
        afterwards(handoff.value)
    }
    state = turns.read { $0 }
}

/// Runs pieces of work in index order, each on the thread that reached it, with a state the pieces hand on from one
/// to the next (`state` is only touched inside a turn, under the lock).
///
/// Meant for work handed out in increasing index order (`DispatchQueue.concurrentPerform`), by threads that hold
/// no other lock while they wait: the thread of the lowest index not yet done is then never waiting, so no turn can
/// wait for ever.
public final class Turns<State>: @unchecked Sendable {
    private let condition = NSCondition()
    private var next = 0
    private var state: State

    public init(_ state: State) { self.state = state }

    /// Runs `body` once the turns of every index before `index` have run, then lets `index + 1` go.
    public func inTurn<Result>(_ index: Int, _ body: (inout State) -> Result) -> Result {
        condition.lock()
        while next != index { condition.wait() }
        let result = body(&state)
        next += 1
        condition.broadcast()
        condition.unlock()
        return result
    }

    /// The state as it stands, read under the lock.
    public func read<Result>(_ body: (State) -> Result) -> Result {
        condition.lock()
        defer { condition.unlock() }
        return body(state)
    }
}

/// Lets go of `value`, which holds `count` entries (or other structures of a dozen strings and arrays), on another
/// thread when it is large: freeing 100,000 entries piece by piece keeps a core busy for a while that the caller can
/// spend on its next step. A small value is let go here: waking a worker thread for it costs more than freeing it
/// (under libFuzzer with ASan, each execution of a small list ran about 15 times slower).
public func releaseInBackground<Value>(_ value: consuming Value, count: Int) {
    guard count >= backgroundReleaseMinimum else { return }
    let held = UncheckedSendable(value)
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(held) {} }
}

/// The fewest entries `releaseInBackground` hands to another thread.
public let backgroundReleaseMinimum = 4_096
