import Testing
@testable import TapLintLSP

/// The server's JSON, read and written without Foundation: what editors
/// send (escapes, surrogate pairs, raw UTF-8), round trips, and what is no
/// JSON at all.
@Suite struct JSONValueTests {
    @Test func escapesAndSurrogatePairsAreRead() throws {
        let text = #"{"a":"tab\there \"q\" \u00e9 \ud83d\ude00 \/","b":[1,-2.5,true,null],"c":{}}"#
        let value = try #require(JSONValue.parse(Array(text.utf8)))
        #expect(value["a"]?.string == "tab\there \"q\" é 😀 /")
        #expect(value["b"] == [1, .number(-2.5), true, .null])
        #expect(value["c"] == .object([]))
    }

    @Test func whatIsWrittenReadsBack() throws {
        let value: JSONValue = ["text": "line\none \"quoted\" ✓ \u{1}", "n": 42, "list": [false, "x"]]
        #expect(JSONValue.parse(Array(value.text.utf8)) == value)
        #expect(value.text.contains(#"\u0001"#))
    }

    @Test(arguments: ["{", "[1,]", "{\"a\" 1}", "tru", "\"open", "{} {}", String(repeating: "[", count: 500)])
    func whatIsNoJSONIsRefused(_ text: String) {
        #expect(JSONValue.parse(Array(text.utf8)) == nil)
    }

    /// Editors count UTF-16 code units; taplint counts characters.
    @Test func positionsConvertThroughUTF16() {
        var document = Document(uri: "file:///t.yaml", version: 1, text: "a: 😀x\nb: 1\n")
        #expect(document.position(of: .init(line: 1, column: 5)) == ["line": 0, "character": 5])
        #expect(document.sourcePosition(of: ["line": 0, "character": 5]) == .init(line: 1, column: 5))
        document.apply(range: ["start": ["line": 0, "character": 5], "end": ["line": 0, "character": 6]], text: "yz")
        #expect(document.text == "a: 😀yz\nb: 1\n")
        #expect(document.position(ofByte: Array("a: 😀yz\nb".utf8).count) == ["line": 1, "character": 1])
    }
}
