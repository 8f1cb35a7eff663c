/// Makes an IRI of a few pieces (an entry's IRI, a literal, a segment, a number) as a string of its final size,
/// the pieces copied straight into the string's buffer: the IRIs of every author, publisher and tagging node.
enum IRIJoiner {
    /// `first`, `second`, `third`, `fourth` end to end, then `number` in decimal if given (not negative).
    static func string(
        _ first: String, _ second: StaticString, _ third: String = "", _ fourth: StaticString = "", number: Int? = nil
    ) -> String {
        if let number, number < 0 { return first + "\(second)" + third + "\(fourth)" + String(number) }
        let digits = number.map(digitCount) ?? 0
        let total = first.utf8.count + second.utf8CodeUnitCount + third.utf8.count + fourth.utf8CodeUnitCount + digits
        return String(unsafeUninitializedCapacity: total) { out in
            // Each piece is copied where the last ended, the place passed along by value: a local function
            // updating a captured place kept it in a box checked for exclusive access at every piece.
            var at = out.baseAddress!
            at = withUTF8Bytes(of: first) { ByteSink.copy($0, to: at) }
            at = second.withUTF8Buffer { ByteSink.copy($0, to: at) }
            at = withUTF8Bytes(of: third) { ByteSink.copy($0, to: at) }
            at = fourth.withUTF8Buffer { ByteSink.copy($0, to: at) }
            if var n = number {
                // Written from its last digit back.
                at += digits
                var digit = at
                repeat {
                    digit -= 1
                    digit.initialize(to: UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: n % 10))
                    n /= 10
                } while n > 0
            }
            return at - out.baseAddress!
        }
    }

    /// How many decimal digits `n` (not negative) has.
    static func digitCount(_ n: Int) -> Int {
        var count = 1
        var rest = n
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }
}
