#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension String {
    /// Whether `needle` occurs in the string, compared byte for byte as
    /// UTF-8. Rules ask this of every string in a template, and the standard
    /// `contains(_:)` compares whole characters, many times slower; for the
    /// ASCII needles rules look for the answer is the same.
    public func containsBytes(_ needle: StaticString) -> Bool {
        var text = self
        return text.withUTF8 { haystack in
            needle.withUTF8Buffer { ByteSearch.contains(haystack, needle: $0) }
        }
    }
}

/// Substring search over bytes, for text that is never decoded as a whole.
public enum ByteSearch {
    /// Whether `needle` occurs in `haystack`: `memchr` finds each candidate
    /// first byte, then the rest is compared.
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last, let found = memchr(base + offset, Int32(first), last - offset + 1) {
            let index = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            if (1..<needle.count).allSatisfy({ haystack[index + $0] == needle[$0] }) { return true }
            offset = index + 1
        }
        return false
    }
}
