@testable import TapLintCore
import Testing

/// The tree shares one `Scalar` among the nodes that spell the same text in
/// the same style; sharing must never change what a node holds.
@Suite struct ScalarTableTests {
    static func scalar(_ table: inout ScalarTable, _ text: String, _ style: Scalar.Style = .plain) -> Scalar {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { table.scalar($0, style: style) }
    }

    @Test func repeatedTextIsOneScalar() {
        var table = ScalarTable()
        let first = Self.scalar(&table, "Properties")
        let again = Self.scalar(&table, "Properties")
        #expect(first === again)
        #expect(again.value == "Properties" && again.style == .plain)
    }

    @Test func styleAndTextKeepScalarsApart() {
        var table = ScalarTable()
        let plain = Self.scalar(&table, "true")
        let quoted = Self.scalar(&table, "true", .singleQuoted)
        let other = Self.scalar(&table, "tru")
        let empty = Self.scalar(&table, "")
        #expect(plain !== quoted && quoted.style == .singleQuoted && plain.boolValue == true && quoted.boolValue == nil)
        #expect(other.value == "tru" && empty.value == "" && empty.isNull)
    }

    /// Thousands of texts make the table grow; each still finds its own.
    @Test func everyTextFindsItsOwnAfterGrowing() {
        var table = ScalarTable()
        let texts = (0..<5000).map { "Resource\($0)é" }
        let made = texts.map { Self.scalar(&table, $0) }
        for (text, scalar) in zip(texts, made) {
            let found = Self.scalar(&table, text)
            #expect(found === scalar && found.value == text)
        }
    }

    /// A long text is made anew each time, and is still the same text.
    @Test func longTextsAreNotShared() {
        var table = ScalarTable()
        let long = String(repeating: "arn:aws:s3:::bucket/", count: 10)
        #expect(long.utf8.count > ScalarTable.longestShared)
        let a = Self.scalar(&table, long), b = Self.scalar(&table, long)
        #expect(a !== b && a.value == long && b.value == long)
    }

    /// The tree a parse builds from repeated keys shares their scalars.
    @Test func parsedKeysShareTheirScalar() throws {
        let text = "Resources:\n  A:\n    Type: AWS::SQS::Queue\n  B:\n    Type: AWS::SQS::Queue\n"
        let root = try #require(YAMLParser.parse(Array(text.utf8)).root)
        let a = try #require(root["Resources"]?["A"]?.entry("Type")), b = try #require(root["Resources"]?["B"]?.entry("Type"))
        #expect(a.key.scalar === b.key.scalar && a.value.scalar === b.value.scalar)
        #expect(a.key.range != b.key.range)
    }
}
