import TapLintCore
import Testing
@testable import TapLintRules

@Suite struct ExtensionCheckTests {
    static func node(_ yaml: String) throws -> Node {
        try #require(YAMLParser.parse(Array(yaml.utf8)).root)
    }

    /// JSON Schema's `type`, as cfn-lint's extension schemas use it: a
    /// scalar is a string, and a number, integer or boolean where its text
    /// reads as one; a computed value is neither right nor wrong.
    @Test(arguments: [
        ("string", "abc", ExtensionCheck.Truth.yes), ("string", "5", .yes), ("number", "abc", .no),
        ("number", "5.5", .yes), ("integer", "5.5", .no), ("integer", "'5'", .yes), ("boolean", "true", .yes),
        ("boolean", "maybe", .no), ("[integer, boolean]", "false", .yes), ("[integer, boolean]", "x", .no),
        ("object", "{a: 1}", .yes), ("object", "[1]", .no), ("array", "[1]", .yes), ("array", "abc", .no),
        ("[string, array]", "[1]", .yes), ("string", "{a: 1}", .no), ("string", "!Ref X", .unknown),
    ])
    func typeIsReadAsCloudFormationReadsValues(_ type: String, _ value: String, _ truth: ExtensionCheck.Truth) throws {
        let schema = try Self.node("type: \(type)")
        #expect(ExtensionCheck().holds(schema, try Self.node(value)) == truth)
    }
}
