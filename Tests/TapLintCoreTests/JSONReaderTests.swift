import Foundation
import Testing
@testable import TapLintCore

/// The JSON reader must give libyaml's tree exactly (scalars, styles,
/// positions, the builder's issues), and decline what it is not sure of.
@Suite struct JSONReaderTests {
    /// True when the JSON reader read the whole text itself.
    static func accepts(_ text: [UInt8]) -> Bool {
        var builder = TreeBuilder(limits: ParseLimits())
        return JSONReader.mayBeJSON(text) && JSONReader.read(text) { builder.take($0) } && !builder.hasFailed
    }

    static func expectSame(_ text: [UInt8], limits: ParseLimits = ParseLimits(), sourceLocation: SourceLocation = #_sourceLocation) {
        let read = YAMLParser.parse(text, limits: limits)
        let yaml = YAMLParser.parseAsYAML(text, limits: limits)
        let (expected, found) = (yaml.root?.outline ?? "nil", read.root?.outline ?? "nil")
        let same = expected.commonPrefix(with: found).count
        #expect(found == expected, "differs from character \(same): \(found.dropFirst(same).prefix(120)) instead of \(expected.dropFirst(same).prefix(120))",
                sourceLocation: sourceLocation)
        #expect(read.issues == yaml.issues, sourceLocation: sourceLocation)
        #expect(read.usesPreprocessor == yaml.usesPreprocessor, sourceLocation: sourceLocation)
    }

    /// JSON the reader takes, each with something libyaml could read otherwise.
    @Test(arguments: [
        #"{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}"#,
        "{\n  \"a\": {},\n  \"b\": [],\n  \"c\": [{}, [], [[]], {\"d\": {}}]\n}\n",
        #"{"n": [0, -0, 12, -3.25, 1e5, 1E+5, 2.5e-3, 10.0], "t": true, "f": false, "z": null}"#,
        #"{"e": "q\"b\\s\/n\nr\rt\tb\bf\f", "u": "\u00e9\u65e5\u0041\u0000x"}"#,
        // Characters of one, two, three and four bytes: columns count characters.
        "{\"é\": \"日本語\", \"x\": \"😀 ok\", \"after\": [1, \"ü\", 2]}",
        "{\r\n\t\"a\": 1,\r\n\t\"b\": [\r\n\t\t\"c\"\r\n\t]\r\n}\r\n",
        "\n\n  {\"a\" :1 ,\"b\":\"x\"}  \n\n",
        "[{\"a\": 1}, \"b\", [true]]",
        // The builder's findings: a duplicate key, a Rain directive.
        #"{"a": 1, "a": 2, "Rain::Module": "vpc.yml"}"#,
        "{\"k\": \"" + String(repeating: "long ", count: 300) + "\"}",
    ])
    func readsJSONAsLibyamlDoes(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.accepts(bytes))
        Self.expectSame(bytes)
    }

    /// Text the reader leaves to libyaml: not JSON, or JSON that YAML reads
    /// its own way or rejects.
    @Test(arguments: [
        #"{"a": "\ud83d\ude00"}"#,  // a surrogate pair: libyaml rejects the escape
        "{\"a\": 1}\r",  // a lone carriage return
        "\t{\"a\": 1}",  // a tab before the document
        "{\"a\": 1}\n\t",  // ... or after it
        "\u{FEFF}{\"a\": 1}",  // a byte order mark
        "{\"a\": \"x\u{85}y\"}",  // NEL, a line break to YAML
        "{\"a\": \"x\u{2028}y\"}",  // a line separator
        "{\"a\": \"x\u{9F}y\"}",  // a C1 control
        "{\"a\"\n: 1}",  // the colon on another line than its key
        "{\"" + String(repeating: "k", count: 1200) + "\": 1}",  // a key past libyaml's 1024 characters
        "{\"a\": 1,}",  // a trailing comma
        "{\"a\": 1} # note",  // a comment
        "{'a': 1}",  // single quotes
        "{\"a\": yes}",  // a word YAML reads as a boolean
        "{\"a\": 01}",  // a leading zero
        "{\"a\": 1 2}",  // two words, one plain scalar to YAML
        "{\"a\": 1}{}",  // a second value
        "{\"a\": \"tab\there\"}",  // a raw tab in a string
        "{\"a\": \"x",  // an open string
        "{\"a\": [1, 2}",  // mismatched brackets
        "{\"a\": \"\\x41\"}",  // a YAML escape JSON lacks
        "a: 1",  // YAML
    ])
    func declinesWhatLibyamlMayReadOtherwise(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(!Self.accepts(bytes))
        Self.expectSame(bytes)
    }

    /// A string's plain bytes are skipped eight at a time: an escape, a
    /// multi-byte character or the closing quote at every place around
    /// the word boundaries must still be read, and read as libyaml does.
    @Test func specialBytesAtEveryPlaceOfAString() {
        for special in [#"\""#, #"\\"#, "é", "日", "😀", #"\u00e9"#, #"\n"#] {
            for length in 0...20 {
                for place in 0...length {
                    var text = String(repeating: "a", count: length)
                    text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: place))
                    let bytes = Array("{\"k\": \"\(text)\", \"after\": [\"\(text)\", 1]}".utf8)
                    #expect(Self.accepts(bytes), "\(text)")
                    Self.expectSame(bytes)
                }
            }
        }
        // What a string may not hold raw is found wherever it is.
        for special in ["\t", "\u{7F}", "\u{85}", "\u{2028}"] {
            for place in 0...12 {
                var text = String(repeating: "a", count: 12)
                text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: place))
                let bytes = Array("{\"k\": \"\(text)\"}".utf8)
                #expect(!Self.accepts(bytes), "\(text.debugDescription)")
                Self.expectSame(bytes)
            }
        }
    }

    @Test func invalidUTF8IsLeftToLibyaml() {
        let bytes: [UInt8] = Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        #expect(!Self.accepts(bytes))
        Self.expectSame(bytes)
        let overlong: [UInt8] = Array("{\"a\": \"".utf8) + [0xE0, 0x80, 0xAF] + Array("\"}".utf8)
        #expect(!Self.accepts(overlong))
        Self.expectSame(overlong)
    }

    /// A tree the builder stops (nesting past the limit, too many nodes) is
    /// read again by libyaml, which may meet a problem of the text first.
    @Test func earlyStopsAreLibyamls() {
        let deep = Array((String(repeating: "[", count: 300) + String(repeating: "]", count: 300)).utf8)
        #expect(!Self.accepts(deep))
        Self.expectSame(deep)
        let many = Array(("[" + Array(repeating: "1", count: 3_000).joined(separator: ",") + "]").utf8)
        Self.expectSame(many, limits: ParseLimits(maxDepth: 200, maxExpandedNodes: 2_000))
        // Many chunks' worth of events, read through.
        let wide = Array(("{" + (0..<5_000).map { "\"k\($0)\": [\($0), \"v\"]" }.joined(separator: ",\n") + "}").utf8)
        #expect(Self.accepts(wide))
        Self.expectSame(wide)
    }

    /// Every JSON template of the shared corpus and of the SAM translator's
    /// inputs, where they are checked out beside the repository (as in CI).
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus").path),
                   "needs the shared corpus checked out beside the repository (../shared/corpus)"))
    func everySharedJSONTemplateGivesLibyamlsTree() throws {
        var (files, accepted) = (0, 0)
        // Each folder walked from its own path: `shared` may be a link,
        // and a walk does not enter the link it starts from.
        for folder in ["corpus", "sam-translator"] {
            let root = Self.shared.appendingPathComponent(folder)
            guard FileManager.default.fileExists(atPath: root.path) else { continue }
            let walker = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            for case let file as URL in walker where file.pathExtension == "json" {
                let bytes = Array(try Data(contentsOf: file))
                files += 1
                if Self.accepts(bytes) { accepted += 1 }
                Self.expectSame(bytes)
            }
        }
        #expect(files > 100 && accepted * 10 > files * 9, "\(accepted) of \(files) JSON files read without libyaml")
    }
}
