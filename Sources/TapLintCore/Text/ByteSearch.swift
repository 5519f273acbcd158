import CYAML
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
        withBytes { haystack in needle.withUTF8Buffer { ByteSearch.contains(haystack, needle: $0) } }
    }

    /// The string's UTF-8 bytes read where they are: a native string is
    /// not copied first (`withUTF8` needs a mutable one, and the copy is a
    /// retain and a release of its storage for every question).
    /// Inlinable: the reports, in another module, write every string with it.
    @inlinable
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var text = self
        return text.withUTF8(body)
    }

    /// The text before the first `byte` and the text after it; nil when
    /// there is none. Cut as bytes: going through the UTF-8 view's indices
    /// cost hundreds of instructions for each `Resource.Attribute`.
    public func split(atFirst byte: UInt8) -> (before: String, after: String)? {
        withBytes { bytes in
            let at = ByteSearch.offset(of: byte, in: bytes, from: 0)
            guard at < bytes.count else { return nil }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<at]), as: UTF8.self),
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1)...]), as: UTF8.self))
        }
    }

    /// Whether any of `needles` occurs in the string, its bytes reached
    /// once for all of them: the reference walk asks this of every string
    /// in a template's resources.
    public func containsBytes(anyOf needles: [StaticString]) -> Bool {
        withBytes { ByteSearch.contains($0, anyOf: needles) }
    }

    /// The number of Unicode scalars, as schemas count a length: every
    /// UTF-8 byte that does not continue a scalar starts one. Rules ask it
    /// of thousands of values, and `unicodeScalars.count` decodes each.
    public var scalarCount: Int {
        withBytes { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    }
}

/// Substring search over bytes, for text that is never decoded as a whole.
public enum ByteSearch {
    /// The offset of the first `byte` at or after `start`, found with
    /// `memchr`; the text's length when there is none.
    public static func offset(of byte: UInt8, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < text.count, let base = text.baseAddress,
              let found = memchr(base + start, Int32(byte), text.count - start) else { return text.count }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
    }

    /// Whether `needle` occurs in `haystack`. A short string (most are
    /// property values) is searched with `memchr` for each candidate first
    /// byte, which costs nothing to set up; a whole file with the C
    /// library's `memmem`, which skips ahead over text that cannot hold the
    /// needle: a scan for a rare word through a 1 MB template should not
    /// stop at every `t`. (Horspool's method in Swift took three
    /// instructions a byte; `memmem` takes a fraction of one.)
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        if haystack.count >= 4096, needle.count > 1 {
            return memmem(base, haystack.count, needle.baseAddress, needle.count) != nil
        }
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last, let found = memchr(base + offset, Int32(first), last - offset + 1) {
            let index = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            if (1..<needle.count).allSatisfy({ haystack[index + $0] == needle[$0] }) { return true }
            offset = index + 1
        }
        return false
    }

    /// Whether any of `needles` occurs in `haystack`.
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, anyOf needles: [StaticString]) -> Bool {
        needles.contains { needle in needle.withUTF8Buffer { contains(haystack, needle: $0) } }
    }
}
