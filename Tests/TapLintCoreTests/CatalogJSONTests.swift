@testable import TapLintCore
import Testing

/// The catalog's JSON reader must give the tree libyaml gives for the same
/// text, positions aside: libyaml is the oracle.
@Suite struct CatalogJSONTests {
    /// A node in words, without its position.
    static func shape(_ node: Node) -> String {
        let head = node.tag.map { "\($0) " } ?? ""
        switch node.content {
        case .scalar(let scalar): return head + "\(scalar.style) \(scalar.value.debugDescription)"
        case .sequence(let items): return head + "[" + items.map(shape).joined(separator: ", ") + "]"
        case .mapping(let entries): return head + "{" + entries.map { shape($0.key) + ": " + shape($0.value) }.joined(separator: ", ") + "}"
        }
    }

    static func both(_ text: String) -> (ours: String?, libyaml: String?) {
        let bytes = Array(text.utf8)
        let ours = bytes.withUnsafeBufferPointer { CatalogJSON.parse($0) }
        return (ours.map(shape), YAMLParser.parse(bytes).root.map(shape))
    }

    @Test func everyExtensionSchemaReadsAsLibyamlReadsIt() {
        var read = 0
        Catalog.extensions.withUTF8Buffer { bytes in
            for line in bytes.split(separator: UInt8(ascii: "\n")) {
                guard let json = line.split(separator: UInt8(ascii: "\t"), maxSplits: 3, omittingEmptySubsequences: false).last
                else { continue }
                let text = String(decoding: json, as: UTF8.self)
                let (ours, libyaml) = Self.both(text)
                #expect(ours != nil, "\(text)")
                #expect(ours == libyaml, "\(text)")
                read += 1
            }
        }
        #expect(read > 50)
    }

    @Test(arguments: [
        #"{"a": [1, -2.5, 3e2, true, false, null], "b": {}, "c": []}"#,
        #"{"esc": "q\"b\\sn\nt\tu\u00e9", "plain": "é"}"#,
        #"[{"if": {"required": ["A"]}, "then": false}, "true", "1"]"#,
        #"  {"k" : "v" }  "#,
    ])
    func handWrittenJSONReadsAsLibyamlReadsIt(_ text: String) {
        let (ours, libyaml) = Self.both(text)
        #expect(ours != nil)
        #expect(ours == libyaml)
    }

    @Test(arguments: [#"{"a": 1"#, #"{"a" 1}"#, #"[1, 2"#, #""open"#, #"{"a": tru}"#, #"{"a": 1} x"#, #"{"a": "\x"}"#, ""])
    func whatIsNotJSONGivesNothing(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { CatalogJSON.parse($0) } == nil)
    }
}
