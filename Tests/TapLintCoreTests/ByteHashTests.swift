@testable import TapLintCore
import Testing

/// The tables that share scalars and find names pick slots by a hash's low
/// bits: a hash that left out some bytes, or mixed them poorly, would
/// still find every text, only slowly. These say it reads them all.
@Suite struct ByteHashTests {
    static func hash(_ text: String, seed: UInt32 = 0) -> UInt32 {
        Array(text.utf8).withUnsafeBufferPointer { ByteHash.hash($0, seed: seed) }
    }

    /// Every byte counts, at every length: the first, the middle and the
    /// last, across the word and half-word boundaries of the reads.
    @Test func everyByteOfEveryLengthCounts() {
        for length in 1...40 {
            let base = String(repeating: "a", count: length)
            var seen: Set<UInt32> = [Self.hash(base)]
            for position in Set([0, length / 2, length - 1]) {
                var bytes = Array(base.utf8)
                bytes[position] = UInt8(ascii: "b")
                #expect(seen.insert(Self.hash(String(decoding: bytes, as: UTF8.self))).inserted, "length \(length), byte \(position)")
            }
        }
        #expect(Self.hash("") != Self.hash("a") && Self.hash("abc") != Self.hash("abc", seed: 1))
    }

    /// Numbered names spread over a table's slots about as random values
    /// would: 4,096 of them over 4,096 slots fill some 2,590.
    @Test func numberedNamesSpreadOverTheLowBits() {
        let slots = Set((0..<4096).map { Self.hash("Resource\($0)") & 0xFFF })
        #expect(slots.count > 2400, "\(slots.count) slots")
    }
}
