#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the tables that find texts by their bytes share (the tree's
/// `ScalarTable`, the template's `NameIndex`): a hash that costs a few
/// instructions a byte, and the comparison that confirms a match.
enum ByteHash {
    /// FNV-1a from its basis mixed with `seed`. Its low bits, which pick a
    /// slot, follow the last bytes too closely (`Queue1`, `Queue2`, …), so
    /// every bit is mixed into them.
    static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt32 = 0) -> UInt32 {
        var hash: UInt32 = 2_166_136_261 ^ seed
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        hash ^= hash >> 16
        hash = hash &* 0x85EB_CA6B
        hash ^= hash >> 13
        return hash
    }

    /// True when `text` is exactly `bytes`.
    static func spells(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        text.withBytes { own in
            own.count == bytes.count && (own.count == 0 || memcmp(own.baseAddress!, bytes.baseAddress!, own.count) == 0)
        }
    }
}
