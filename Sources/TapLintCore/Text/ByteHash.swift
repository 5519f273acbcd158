#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the tables that find texts by their bytes share (the tree's
/// `ScalarTable`, the template's `NameIndex`): a hash that costs a few
/// instructions a word, and the comparison that confirms a match.
enum ByteHash {
    /// A hash of `bytes` mixed with `seed`, read eight bytes at a time
    /// (the last eight, or for a short text its first and last four,
    /// overlapping), each word folded in with a multiplication and every
    /// bit mixed into the low ones at the end: slots are picked by the low
    /// bits, and numbered names (`Queue1`, `Queue2`, …) differ only in one
    /// byte. FNV-1a, one byte at a time, cost four instructions a byte, and
    /// the tree hashes every scalar it reads.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt32 = 0) -> UInt32 {
        let count = bytes.count
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(seed) &* 0x1_0000_0001 ^ UInt64(count)
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            func word(_ offset: Int) -> UInt64 { base.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
            func half(_ offset: Int) -> UInt64 { UInt64(base.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
            var offset = 0
            while offset + 8 < count {
                hash = (hash ^ word(offset)) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 29
                offset += 8
            }
            let last: UInt64
            if count >= 8 {
                last = word(count - 8)
            } else if count >= 4 {
                last = half(0) << 32 | half(count - 4)
            } else if count > 0 {
                last = UInt64(bytes[0]) << 16 | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1])
            } else {
                last = 0
            }
            hash = (hash ^ last) &* 0xC4CE_B9FE_1A85_EC53
        }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return UInt32(truncatingIfNeeded: hash)
    }

    /// True when `text` is exactly `bytes`.
    static func spells(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        text.withBytes { own in
            own.count == bytes.count && (own.count == 0 || memcmp(own.baseAddress!, bytes.baseAddress!, own.count) == 0)
        }
    }
}
