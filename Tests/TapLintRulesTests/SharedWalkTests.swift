import Foundation
import Testing
import TapLintCore
@testable import TapLintRules

/// The template's one walk (references, calls, strings and the schema
/// check) is shared among threads on a large template, a share of the
/// resources each: the parts put together must be exactly the one walk.
@Suite struct SharedWalkTests {
    /// What a walk found, one line per fact, in the order found.
    static func facts(_ walked: (ReferenceIndex, SchemaCheck)) -> [String] {
        let (references, schema) = walked
        return references.references.map { "ref \($0.kind) \($0.target).\($0.attribute ?? "") \($0.range) \($0.path) \($0.owner) \($0.branches)" }
            + references.conditionUses.map { "condition \($0.name) \($0.range) \($0.path)" }
            + references.mappingUses.sorted().map { "mapping \($0)" } + ["computed mapping \(references.readsComputedMapping)"]
            + references.malformedCalls.map { "malformed \($0.message) \($0.range) \($0.path)" }
            + references.strings.strings.map { "string \($0.text) \($0.resource) \($0.range) \($0.path) \($0.variants)" }
            + references.strings.literals.map { "literal \($0.text) \($0.resource) \($0.range) \($0.path)" }
            + schema.problems.map { "problem \($0.kind) \($0.resource) \($0.range) \($0.path)" }
    }

    /// The walk of `template` in `parts`, put together as LintContext does.
    static func joined(_ template: Template, parts: Int) -> (ReferenceIndex, SchemaCheck) {
        var (references, schema) = SchemaCheck.walking(template, strings: ["arn:", "amazonaws.com"], part: 0, of: parts)
        for part in 1..<parts {
            let (moreReferences, moreSchema) = SchemaCheck.walking(template, strings: ["arn:", "amazonaws.com"], part: part, of: parts)
            references.append(moreReferences)
            schema.append(moreSchema)
        }
        return (references, schema)
    }

    /// Every template under `folder`, read.
    static func templates(under folder: URL) throws -> [(name: String, template: Template)] {
        try Corpus.templateFiles(under: folder).compactMap { file in
            guard let root = YAMLParser.parse(Array(try Data(contentsOf: file))).root, let template = Template(root: root) else { return nil }
            return (file.lastPathComponent, template)
        }
    }

    static func expectSameWalk(_ templates: [(name: String, template: Template)]) {
        for (name, template) in templates {
            let whole = facts(SchemaCheck.walking(template, strings: ["arn:", "amazonaws.com"]))
            for parts in [2, 3, 7] {
                let joined = facts(joined(template, parts: parts))
                guard joined != whole else { continue }
                let at = zip(joined, whole).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(joined.count, whole.count)
                let (found, expected) = (joined.dropFirst(at).first ?? "missing", whole.dropFirst(at).first ?? "nothing")
                Issue.record("\(name) in \(parts) parts: \(joined.count) facts, not \(whole.count); fact \(at) is \(found), not \(expected)")
            }
        }
    }

    @Test func theSamplesWalkedInPartsGiveTheOneWalk() throws {
        let templates = try Self.templates(under: Corpus.repository.appendingPathComponent("samples"))
        #expect(templates.count > 20)
        Self.expectSameWalk(templates)
    }

    @Test(Corpus.needed)
    func theCorpusWalkedInPartsGivesTheOneWalk() throws {
        Self.expectSameWalk(try Self.templates(under: Corpus.folder))
    }

    /// A part is a share of the resources, the last part also walks the
    /// outputs and conditions, and every kind of fact a part finds is kept
    /// when the parts are joined.
    @Test func eachPartWalksItsShareAndTheJoinKeepsEveryFact() throws {
        let resource = { (name: String, other: String) in
            """
              \(name):
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Ref \(other)
                  DisplayName: !FindInMap [Names, \(name), Display]
                  KmsMasterKeyId: "arn:aws:kms:us-east-1:123456789012:key/${AWS::Region}"
                  Unknown: !GetAtt [\(other)]

            """
        }
        let text = "Mappings:\n  Names: {A: {Display: a}, B: {Display: b}}\nConditions:\n  Prod: !Equals [!Ref AWS::Region, us-east-1]\n"
            + "Resources:\n" + resource("A", "B") + resource("B", "A") + "Outputs:\n  Out: {Value: !Ref A, Condition: Prod}\n"
        let root = try #require(YAMLParser.parse(Array(text.utf8)).root)
        let template = try #require(Template(root: root))
        let (first, firstCheck) = SchemaCheck.walking(template, strings: ["arn:"], part: 0, of: 2)
        let (last, lastCheck) = SchemaCheck.walking(template, strings: ["arn:"], part: 1, of: 2)
        #expect(first.references.map(\.target) == ["B"])
        #expect(last.references.map(\.target) == ["A", "A", "AWS::Region"])
        #expect(first.conditionUses.isEmpty && last.conditionUses.map(\.name) == ["Prod"])
        for (part, check) in [(first, firstCheck), (last, lastCheck)] {
            #expect(part.mappingUses == ["Names"])
            #expect(part.malformedCalls.count == 1)
            #expect(part.strings.strings.count == 1 && part.strings.literals.count == 1)
            #expect(check.problems.count == 1)
        }
        Self.expectSameWalk([("shares", template)])
    }

    /// End to end: a template large enough to be linted on two threads gives
    /// the report of one.
    @Test func aLargeTemplateLintedOnTwoThreadsGivesTheReportOfOne() throws {
        var text = "Parameters:\n  Env: {Type: String, AllowedValues: [dev, prod]}\nConditions:\n  Prod: !Equals [!Ref Env, prod]\nResources:\n"
        for i in 0..<300 {
            text += """
              Bucket\(i):
                Type: AWS::S3::Bucket
                Condition: Prod
                Properties:
                  BucketName: !Sub "data-\(i)-${AWS::AccountId}"
                  Unknown\(i): x
              Role\(i):
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
                  Policies:
                    - PolicyName: p
                      PolicyDocument:
                        Statement:
                          - {Effect: Allow, Action: "s3:*", Resource: !Sub "arn:aws:s3:::data-\(i)-${AWS::AccountId}/*"}
                          - {Effect: Allow, Action: "sqs:SendMessage", Resource: !GetAtt [Bucket\(i), Arn]}
                  MaxSessionDuration: 99999

            """
        }
        let bytes = Array(text.utf8)
        #expect(bytes.count >= LintOptions.parallelSize)
        let lint = { (threads: Int) in Linter(options: LintOptions(threads: threads)).lint(bytes, file: "t") }
        let (one, two) = (lint(1), lint(2))
        #expect(one.findings.count > 1_000)
        #expect(two.findings.map { "\($0.rule) \($0.range) \($0.message)" } == one.findings.map { "\($0.rule) \($0.range) \($0.message)" })
    }
}
