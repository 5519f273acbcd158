import Testing
import TapLintCore
@testable import TapLintRules

/// A string built with `Fn::If`, `Fn::Select` or `Fn::FindInMap` inside is
/// read as each deploy spells it, and ARN006 compares every spelling.
@Suite struct BuiltStringVariantTests {
    /// The template around one property value, with a mapping to read.
    static func template(_ value: String) throws -> Template {
        let text = """
        Mappings:
          Config:
            Prod: {Bucket: acme-prod}
        Resources:
          R:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: \(value)
        """
        let root = try #require(YAMLParser.parse(Array(text.utf8)).root)
        return try #require(Template(root: root))
    }

    static func variants(_ value: String) throws -> [String] {
        let template = try template(value)
        let node = try #require(template.resources.first?.properties?["BucketName"])
        return TemplateStrings.variants(node, in: template)
    }

    @Test func anIfInsideGivesEachBranch() throws {
        #expect(try Self.variants("!Join ['-', [a, !If [C, b, c], d]]") == ["a-b-d", "a-c-d"])
        #expect(try Self.variants("!Sub ['${X}-z', {X: !If [C, !Ref P, y]}]") == ["${P}-z", "y-z"])
        // An If around the string: each branch, and none for AWS::NoValue.
        #expect(try Self.variants("!If [C, !Sub 'a-${AWS::Region}', !Ref AWS::NoValue]") == ["a-${AWS::Region}"])
        // The same text twice is one variant.
        #expect(try Self.variants("!Join ['', [a, !If [C, b, b]]]") == ["ab"])
    }

    @Test func selectAndFindInMapAreRead() throws {
        #expect(try Self.variants("!Join ['', [x-, !Select [1, [a, b, c]]]]") == ["x-b"])
        #expect(try Self.variants("!Join ['', [x-, !Select [2, !Split ['.', 'a.b.c']]]]") == ["x-c"])
        #expect(try Self.variants("!Sub ['${B}-logs', {B: !FindInMap [Config, Prod, Bucket]}]") == ["acme-prod-logs"])
        // What only the deploy knows stays a placeholder.
        #expect(try Self.variants("!Join ['', [x-, !Select [0, !GetAZs '']]]") == ["x-${?}"])
        #expect(try Self.variants("!Join ['', [x-, !FindInMap [Config, !Ref Env, Bucket]]]") == ["x-${?}"])
        #expect(try Self.variants("!Join ['', [x-, !Select [5, [a]]]]") == ["x-${?}"])
    }

    @Test func writtenTextIsUnchanged() throws {
        // The rules about what is written by hand read the string as written.
        let template = try Self.template("!Join ['', ['arn:', !If [C, aws-us-gov, aws], ':s3:::b']]")
        let node = try #require(template.resources.first?.properties?["BucketName"])
        #expect(TemplateStrings.build(node) == "arn:${?}:s3:::b")
    }

    @Test func tooManyBranchesReadAsOne() throws {
        let ifs = (0..<4).map { "!If [C\($0), a\($0), b\($0)]" }.joined(separator: ", ")
        #expect(try Self.variants("!Join ['', [\(ifs)]]") == ["${?}${?}${?}${?}"])
    }

    static func arn006(_ resources: String) -> [String] {
        let text = """
        Parameters:
          Name: {Type: String}
        Conditions:
          Legacy: !Equals [!Ref Name, old]
        Mappings:
          Config:
            Prod: {Bucket: acme-prod}
            Dev: {Bucket: acme-dev}
        Resources:
        \(resources)
        """
        return Linter().lint(Array(text.utf8), file: "t.yaml").findings.filter { $0.rule == "ARN006" }.map(\.message)
    }

    static let bucket = """
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub "${Name}-${AWS::AccountId}-${AWS::Region}"
        """

    static func policy(_ resource: String) -> String {
        """
          Policy:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: \(resource)
        """
    }

    @Test func aDriftInOneBranchIsReported() {
        let found = Self.arn006(Self.bucket + "\n" + Self.policy(
            "!Join ['', ['arn:', !Ref AWS::Partition, ':s3:::', !If [Legacy, !Sub '${Name}-${AWS::Region}', !Sub '${Name}-${AWS::AccountId}-${AWS::Region}'], '/*']]"))
        #expect(found == ["ARN in Policy.PolicyDocument.Statement[0].Resource names '${Name}-${AWS::Region}', but Bucket, built from the same parameters, is named '${Name}-${AWS::AccountId}-${AWS::Region}'"])
    }

    @Test func aSelectedOrMappedDriftIsReported() {
        let mapped = """
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub ['${B}-${AWS::Region}', {B: !FindInMap [Config, Prod, Bucket]}]
        """
        let found = Self.arn006(mapped + "\n" + Self.policy(
            "!Sub ['arn:${AWS::Partition}:s3:::${B}-${AWS::Region}/*', {B: !FindInMap [Config, Dev, Bucket]}]"))
        #expect(found == ["ARN in Policy.PolicyDocument.Statement[0].Resource names 'acme-dev-${AWS::Region}', but Bucket is named 'acme-prod-${AWS::Region}'"])
        let selected = Self.arn006(Self.bucket + "\n" + Self.policy(
            "!Join ['', ['arn:', !Ref AWS::Partition, ':s3:::', !Select [0, [!Sub '${Name}-${AWS::Region}-${AWS::AccountId}', x]]]]"))
        #expect(selected.count == 1)
    }

    @Test func everyBranchMatchingIsQuiet() {
        // The name and the ARN choose on the same condition: each spelling
        // is one the bucket has.
        let chosen = """
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !If [Legacy, !Sub '${Name}-${AWS::Region}', !Sub '${Name}-${AWS::AccountId}-${AWS::Region}']
        """
        #expect(Self.arn006(chosen + "\n" + Self.policy(
            "!Join ['', ['arn:', !Ref AWS::Partition, ':s3:::', !If [Legacy, !Sub '${Name}-${AWS::Region}', !Sub '${Name}-${AWS::AccountId}-${AWS::Region}'], '/*']]")).isEmpty)
        // A mapped name spelled through the same lookup.
        let mapped = """
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !FindInMap [Config, Prod, Bucket]
        """
        #expect(Self.arn006(mapped + "\n" + Self.policy(
            "!Join ['', ['arn:', !Ref AWS::Partition, ':s3:::', !FindInMap [Config, Prod, Bucket], '/*']]")).isEmpty)
    }
}
