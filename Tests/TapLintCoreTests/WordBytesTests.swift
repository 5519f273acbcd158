import Testing
@testable import TapLintCore

/// The eight-byte tests answer exactly as a byte-by-byte loop would, for
/// every pair of byte values next to each other (borrows run between
/// neighbours) and every single byte at every place.
@Suite struct WordBytesTests {
    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    static func escapes(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }
    static func endsString(_ byte: UInt8) -> Bool { escapes(byte) || byte >= 0x7F }
    /// Printable ASCII, and in a quoted scalar neither its quote nor `"`.
    static func plainInScalar(_ byte: UInt8, quoting: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F && (quoting == 0 || (byte != quoting && byte != 0x22))
    }
    static let quotings: [UInt8] = [0, UInt8(ascii: "'"), UInt8(ascii: "\\")]

    @Test func everyPairOfNeighbours() {
        var wrong = 0
        for first in 0...255 {
            for second in 0...255 {
                let bytes = [UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(first), UInt8(second)] + Array("cdef".utf8)
                let word = Self.word(bytes)
                if WordBytes.needsJSONEscape(word) != bytes.contains(where: Self.escapes) { wrong += 1 }
                if WordBytes.mayEndJSONString(word) != bytes.contains(where: Self.endsString) { wrong += 1 }
                for quoting in Self.quotings
                where WordBytes.isPlainScalarText(word, quoting: quoting) != bytes.allSatisfy({ Self.plainInScalar($0, quoting: quoting) }) {
                    wrong += 1
                }
            }
        }
        #expect(wrong == 0)
    }

    @Test func everyByteAtEveryPlace() {
        for place in 0..<8 {
            for value in 0...255 {
                var bytes = Array("plain ok".utf8)
                bytes[place] = UInt8(value)
                let word = Self.word(bytes)
                #expect(WordBytes.needsJSONEscape(word) == Self.escapes(UInt8(value)), "byte \(value) at \(place)")
                #expect(WordBytes.mayEndJSONString(word) == Self.endsString(UInt8(value)), "byte \(value) at \(place)")
                for quoting in Self.quotings {
                    #expect(WordBytes.isPlainScalarText(word, quoting: quoting) == Self.plainInScalar(UInt8(value), quoting: quoting),
                            "byte \(value) at \(place), quoting \(quoting)")
                }
            }
        }
        #expect(!WordBytes.needsJSONEscape(Self.word(Array("all~fine".utf8))))
        for value in 0...255 {
            #expect(WordBytes.isPlainInJSONString(UInt8(value)) == !Self.endsString(UInt8(value)), "byte \(value)")
        }
    }
}
