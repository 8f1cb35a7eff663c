import Testing
@testable import SafetyGraphCore

/// `concurrentAllSatisfy` asks large ranges in chunks on all cores; its answer must be the plain `allSatisfy`'s for
/// every count and wherever the one failing index falls (first, last, at and around the chunk boundaries).
@Suite struct ConcurrentAllSatisfyTests {
    @Test(arguments: [0, 1, 2, 7, 8, 9, 16, 17, 100, 1_000])
    func answersAsAllSatisfy(count: Int) {
        #expect(concurrentAllSatisfy(count, chunk: 8) { _ in true })
        let places = Set([0, 1, 7, 8, 9, 15, 16, count / 2, count - 2, count - 1])
        for failing in places where (0..<count).contains(failing) {
            #expect(!concurrentAllSatisfy(count, chunk: 8) { $0 != failing }, "count \(count), failing at \(failing)")
        }
    }

    @Test func aNegativeCountIsAnEmptyRange() {
        #expect(concurrentAllSatisfy(-1, chunk: 8) { _ in false })
    }

    /// The check the tagger and the graph make: entries in strictly increasing id order.
    @Test func tellsWhetherIDsIncrease() {
        let ids = (0..<50_000).map { EntryID(String(format: "https://e.org/%06d", $0)) }
        let shared = UncheckedSendable(ids)
        #expect(concurrentAllSatisfy(ids.count - 1) { shared.value[$0] < shared.value[$0 + 1] })
        var swapped = ids
        swapped.swapAt(33_000, 33_001)
        let unordered = UncheckedSendable(swapped)
        #expect(!concurrentAllSatisfy(swapped.count - 1) { unordered.value[$0] < unordered.value[$0 + 1] })
        var repeated = ids
        repeated[40_000] = repeated[39_999]
        let twice = UncheckedSendable(repeated)
        #expect(!concurrentAllSatisfy(repeated.count - 1) { twice.value[$0] < twice.value[$0 + 1] })
    }
}
