import Testing
import TapLintReport

/// The report's string escaper skips eight bytes at a time; whatever the
/// position of a character to escape, it must write what a byte-by-byte
/// escaper writes.
@Suite struct JSONQuoteTests {
    /// The plain reading of RFC 8259: `"`, `\` and control characters escaped.
    static func reference(_ text: String) -> String {
        var out = "\""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += "\\\""
            case UInt8(ascii: "\\"): out += "\\\\"
            case UInt8(ascii: "\n"): out += "\\n"
            case UInt8(ascii: "\r"): out += "\\r"
            case UInt8(ascii: "\t"): out += "\\t"
            case 0..<0x20: out += "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
            default: out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out + "\""
    }

    static func quoted(_ text: String) -> String {
        ByteSink.collect { JSON.quote(text, into: &$0) }
    }

    @Test func everySpecialCharacterAtEveryOffset() {
        let specials: [Character] = ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", " ", "!", "#", "[", "]", "\u{7F}"]
        for length in 0..<20 {
            for position in 0..<max(length, 1) {
                for special in specials {
                    var characters = Array(repeating: Character("a"), count: length)
                    if length > 0 { characters[position] = special }
                    let text = String(characters)
                    // ASCII only here, so the reference can go byte by byte.
                    #expect(Self.quoted(text) == Self.reference(text), "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func multiByteTextIsCopiedAsIs() {
        let text = "résumé → “quoted” \"real\" 日本語\tend"
        #expect(Self.quoted(text) == "\"résumé → “quoted” \\\"real\\\" 日本語\\tend\"")
    }
}
