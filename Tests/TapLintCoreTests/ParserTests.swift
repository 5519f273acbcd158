import Testing
@testable import TapLintCore

@Suite struct ParserTests {
    func parse(_ text: String, limits: ParseLimits = ParseLimits()) -> ParsedDocument {
        YAMLParser.parse(Array(text.utf8), limits: limits)
    }

    @Test func keepsKeyOrderAndPositions() throws {
        let doc = parse("""
        Resources:
          Zeta:
            Type: AWS::SQS::Queue
          Alpha:
            Type: 'AWS::SNS::Topic'
        """)
        #expect(doc.issues.isEmpty)
        let resources = try #require(doc.root?["Resources"]?.mapping)
        #expect(resources.map(\.name) == ["Zeta", "Alpha"])
        #expect(resources[1].key.range.start == SourcePosition(line: 4, column: 3))
        let type = try #require(resources[1].value["Type"])
        #expect(type.range.start == SourcePosition(line: 5, column: 11))
        #expect(type.range.end == SourcePosition(line: 5, column: 28))
        #expect(type.scalar?.style == .singleQuoted)
    }

    @Test func scalarStylesTellQuotedFromPlain() throws {
        let doc = parse("a: true\nb: 'true'\nc: yes\nd: \"no\"\ne: ~\n")
        let root = try #require(doc.root)
        #expect(root["a"]?.scalar?.boolValue == true)
        #expect(root["b"]?.scalar?.boolValue == nil)
        #expect(root["c"]?.scalar?.boolValue == true)
        #expect(root["d"]?.scalar?.boolValue == nil)
        #expect(root["e"]?.scalar?.isNull == true)
    }

    @Test(arguments: ["!Ref", "!Sub", "!GetAtt", "!If", "!Join", "!Select", "!Split", "!FindInMap", "!ImportValue",
                      "!Base64", "!Cidr", "!GetAZs", "!Equals", "!And", "!Or", "!Not", "!Condition", "!Transform",
                      "!ToJsonString", "!Length"])
    func keepsEveryShortFormTag(_ tag: String) throws {
        let doc = parse("Value: \(tag) x\n")
        #expect(doc.issues.isEmpty)
        #expect(doc.root?["Value"]?.tag == Tag(tag))
        #expect(doc.root?["Value"]?.intrinsic != nil || tag == "!Condition")
    }

    @Test func unknownTagIsAnIssueAtTheTag() {
        let doc = parse("Value: !Reff x\n")
        #expect(doc.issues.map(\.kind) == [.unknownTag])
        #expect(doc.issues.first?.range.start == SourcePosition(line: 1, column: 8))
        #expect(doc.root != nil, "an unknown tag does not stop the other rules")
    }

    @Test func coreTagsAreDropped() {
        let doc = parse("Value: !!str 1\n")
        #expect(doc.issues.isEmpty)
        #expect(doc.root?["Value"]?.string == "1")
    }

    @Test func duplicateKeyNamesTheFirstLine() throws {
        let doc = parse("a: 1\nb: 2\na: 3\n")
        let issue = try #require(doc.issues.first)
        #expect(issue.kind == .duplicateKey)
        #expect(issue.range.start == SourcePosition(line: 3, column: 1))
        #expect(issue.message.contains("line 1"))
    }

    /// Keys of one length that differ are no duplicates; one key spelled
    /// plain and quoted is, as are equal keys of any length.
    @Test(arguments: [("ab: 1\nba: 2\ncd: 3\n", []), ("ab: 1\n'ab': 2\n", [2]), ("é: 1\ne: 2\n\"é\": 3\n", [3]),
                      ("Queue1: 1\nQueue2: 2\nQueue1: 3\nQueue2: 4\n", [3, 4])])
    func duplicateKeysAreTheSameTextInAnyStyle(_ text: String, _ lines: [Int]) {
        #expect(parse(text).issues.filter { $0.kind == .duplicateKey }.map(\.range.start.line) == lines)
    }

    @Test func jsonGoesThroughTheSameParser() throws {
        let doc = parse("{\n  \"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}},\n  \"Resources\": {}\n}")
        #expect(doc.issues.map(\.kind) == [.duplicateKey])
        let type = try #require(doc.root?["Resources"]?["Q"]?["Type"])
        #expect(type.string == "AWS::SQS::Queue")
        #expect(type.range.start == SourcePosition(line: 2, column: 31))
    }

    @Test func malformedYAMLGivesPositionAndProblem() throws {
        let doc = parse("a:\n  b: [1, 2\nc: 3\n")
        #expect(doc.root == nil)
        let issue = try #require(doc.issues.first)
        #expect(issue.kind == .malformed)
        #expect(issue.range.start.line == 3)
        #expect(issue.message.contains("flow sequence"))
    }

    @Test func tabIndentationIsNamed() throws {
        let issue = try #require(parse("a:\n\tb: 1\n").issues.first)
        #expect(issue.message == "a tab cannot indent YAML; use spaces")
        #expect(issue.range.start == SourcePosition(line: 2, column: 1))
    }

    @Test func invalidUTF8IsAFindingWithItsPosition() throws {
        let issue = try #require(YAMLParser.parse(Array("a: 1\nb: ".utf8) + [0xFF, 0xFE] + Array("\n".utf8)).issues.first)
        #expect(issue.kind == .notText)
        #expect(issue.message.contains("UTF-8"))
        #expect(issue.range.start == SourcePosition(line: 2, column: 4))
    }

    @Test func binaryDataIsRefused() throws {
        let bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00]
        let doc = YAMLParser.parse(bytes)
        #expect(doc.root == nil)
        #expect(doc.issues.first?.kind == .notText)
    }

    @Test func emptyInputHasNoRootAndNoIssue() {
        let doc = YAMLParser.parse([])
        #expect(doc.root == nil)
        #expect(doc.issues.isEmpty)
    }

    @Test func secondDocumentIsRefused() {
        let doc = parse("a: 1\n---\nb: 2\n")
        #expect(doc.issues.map(\.kind) == [.malformed])
        #expect(doc.issues.first?.range.start.line == 2)
    }

    @Test func nonScalarAndFunctionKeysAreIssues() {
        #expect(parse("? [a, b]\n: 1\n").issues.map(\.kind) == [.nonScalarKey])
        #expect(parse("x: [!ImportValue Fn::Sub: a]\n").issues.map(\.kind) == [.nonScalarKey])
    }

    @Test func aliasesResolveToTheAnchoredNode() throws {
        let doc = parse("base: &tags {Env: prod}\ncopy: *tags\n")
        #expect(doc.issues.isEmpty)
        #expect(doc.root?["copy"]?["Env"]?.string == "prod")
    }

    @Test func undefinedAliasIsAnIssue() {
        #expect(parse("a: *nowhere\n").issues.map(\.kind) == [.malformed])
    }

    @Test func aliasBombIsStoppedEarly() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let doc = parse(text)
        #expect(doc.root == nil)
        #expect(doc.issues.map(\.kind) == [.tooComplex])
    }

    @Test func deepNestingIsStoppedAtTheLimit() throws {
        let depth = 100_000
        let flow = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let block = String(repeating: "- ", count: depth) + "x"
        for text in [flow, block] {
            let doc = parse(text)
            #expect(doc.root == nil)
            let issue = try #require(doc.issues.first)
            #expect(issue.kind == .tooComplex)
        }
    }

    @Test func nestingAtTheLimitIsAccepted() {
        let limits = ParseLimits(maxDepth: 50)
        let fits = String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
        let tooDeep = "[" + fits + "]"
        #expect(parse(fits, limits: limits).issues.isEmpty)
        #expect(parse(tooDeep, limits: limits).issues.map(\.kind) == [.tooComplex])
    }

    @Test func aliasesCountTowardsDepth() {
        let limits = ParseLimits(maxDepth: 6)
        let text = "a: &deep [[[[1]]]]\nb: [[*deep]]\n"
        #expect(parse(text, limits: limits).issues.map(\.kind) == [.tooComplex])
    }

    @Test func valueRangeSkipsTheTag() throws {
        let doc = parse("A: !Ref Name\nB: !Sub 'x-${Y}'\nC: \"esc\\taped\"\n")
        let root = try #require(doc.root)
        #expect(root["A"]?.valueRange.start == SourcePosition(line: 1, column: 9))
        #expect(root["B"]?.valueRange.start == SourcePosition(line: 2, column: 9))
        #expect(root["C"]?.exactValueRange == nil, "escapes make the position unknown")
    }
}
