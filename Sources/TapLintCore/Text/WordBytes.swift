/// Tests of eight bytes at once, for loops over text that stop only at a
/// few kinds of byte: the JSON report's escaper, the JSON reader's
/// strings, the width of a scalar's text. The classic word-at-a-time
/// tests, exact about whether any of the eight bytes matches (not about
/// which). Inlinable: the report's escaper, in another module, asks for
/// every eight bytes it writes.
public enum WordBytes {
    /// High bits set where the word may hold a byte below `limit` (at most
    /// 128); zero exactly when it holds none.
    @inlinable @inline(__always)
    static func below(_ limit: UInt64, _ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101 &* limit) & ~word & 0x8080_8080_8080_8080
    }

    /// High bits set where the word may hold `byte`; zero exactly when it holds none.
    @inlinable @inline(__always)
    static func equal(_ byte: UInt64, _ word: UInt64) -> UInt64 {
        below(1, word ^ (0x0101_0101_0101_0101 &* byte))
    }

    /// True when one of the bytes is a control character, `"` or `\`: what
    /// a JSON string must escape.
    @inlinable @inline(__always)
    public static func needsJSONEscape(_ word: UInt64) -> Bool {
        below(0x20, word) | equal(0x22, word) | equal(0x5C, word) != 0
    }

    /// True when one of the bytes is not printable ASCII other than `"` and
    /// `\`: where the JSON reader must read a string byte by byte.
    @inline(__always)
    static func mayEndJSONString(_ word: UInt64) -> Bool {
        word & 0x8080_8080_8080_8080 | below(0x20, word) | equal(0x22, word) | equal(0x5C, word) | equal(0x7F, word) != 0
    }

    /// True when all eight bytes are printable ASCII (a space through `~`)
    /// and, when `quoting` is not 0, none is that byte or `"`: text whose
    /// width in a scalar's source is its length (`Node.exactValueRange`).
    @inline(__always)
    static func isPlainScalarText(_ word: UInt64, quoting: UInt8) -> Bool {
        var special = word & 0x8080_8080_8080_8080 | below(0x20, word) | equal(0x7F, word)
        if quoting != 0 { special |= equal(UInt64(quoting), word) | equal(0x22, word) }
        return special == 0
    }

    /// The same for one byte, as two words of bits: printable ASCII but
    /// `"` and `\` (0x20–0x3F without 0x22, then 0x40–0x7E without 0x5C).
    @inline(__always)
    static func isPlainInJSONString(_ byte: UInt8) -> Bool {
        byte < 64 ? UInt64(0xFFFF_FFFB_0000_0000) >> byte & 1 == 1 : byte < 128 && UInt64(0x7FFF_FFFF_EFFF_FFFF) >> (byte - 64) & 1 == 1
    }
}
