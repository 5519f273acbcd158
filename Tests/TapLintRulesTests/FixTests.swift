import Testing
import TapLintCore
@testable import TapLintRules

/// `check --fix` as the engine carries it out: each fix edits only the bytes
/// it must, keeps the template's meaning, and a second run changes nothing.
@Suite struct FixTests {
    static func fix(_ text: String) -> (text: String, fixed: Int, left: [Finding]) {
        let outcome = Fixer.fix(Array(text.utf8), file: "t.yaml", linter: Linter())
        return (String(decoding: outcome.bytes, as: UTF8.self), outcome.report.fixed, outcome.report.findings)
    }

    /// The fixed text, checked to be a fixed point: fixing it again changes nothing.
    static func fixed(_ text: String) -> String {
        let once = fix(text).text
        #expect(fix(once).text == once, "a second --fix changed:\n\(once)")
        return once
    }

    static func policy(_ resource: String) -> String {
        """
        Resources:
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

    @Test func aPartitionInsideASubIsReplacedInPlace() {
        #expect(Self.fixed(Self.policy("!Sub \"arn:aws:s3:::${AWS::StackName}-logs/*\""))
            == Self.policy("!Sub \"arn:${AWS::Partition}:s3:::${AWS::StackName}-logs/*\""))
    }

    @Test func aPlainStringBecomesASubInTheFilesStyle() {
        #expect(Self.fixed(Self.policy("arn:aws:s3:::acme-logs/*")) == Self.policy("!Sub 'arn:${AWS::Partition}:s3:::acme-logs/*'"))
        // Long-form YAML gets the long form.
        let long = Self.policy("arn:aws:s3:::acme-logs/*").replacingOccurrences(of: "Action: s3:GetObject",
                                                                                with: "Action: {\"Fn::Sub\": s3:GetObject}")
        #expect(Self.fixed(long).contains("Resource: {Fn::Sub: 'arn:${AWS::Partition}:s3:::acme-logs/*'}"))
    }

    @Test func jsonGetsFnSub() {
        let json = """
        {"Resources": {"Policy": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Statement": [
          {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-logs/*"}]}}}}}

        """
        #expect(Self.fixed(json) == json.replacingOccurrences(of: "\"arn:aws:s3:::acme-logs/*\"",
                                                              with: "{\"Fn::Sub\": \"arn:${AWS::Partition}:s3:::acme-logs/*\"}"))
    }

    @Test func overlappingFixesTakeSeveralRounds() {
        let topic = """
        Resources:
          Subscription:
            Type: AWS::SNS::Subscription
            Properties:
              Protocol: sqs
              Endpoint: !GetAtt Queue.Arn
              TopicArn: arn:aws:sns:eu-west-1:123456789012:alerts
          Queue:
            Type: AWS::SQS::Queue

        """
        let result = Self.fix(topic)
        #expect(result.text.contains("TopicArn: !Sub 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:alerts'"))
        #expect(result.fixed == 3)
        #expect(!result.left.contains { $0.category == .arn })
    }

    @Test func uncertainFixesAreNotOffered() {
        func edits(_ text: String) -> [Finding] {
            Linter().lint(Array(text.utf8), file: "t.yaml").findings.filter { !$0.edits.isEmpty }
        }
        // Two accounts: one of them is someone else's.
        let twoAccounts = Self.policy("[arn:aws:s3:::a, 'arn:aws:sqs:eu-west-1:111122223333:q', 'arn:aws:sqs:eu-west-1:444455556666:q']")
        #expect(!edits(twoAccounts).contains { $0.rule == "ARN003" })
        // A `${X}` in a plain string: a forgotten Sub (REF005), or a variable
        // a tool fills in first (`${self:…}`); either way not certain text.
        let forgotten = "Parameters:\n  Bucket: {Type: String}\n" + Self.policy("'arn:aws:s3:::${Bucket}/*'")
        #expect(!edits(forgotten).contains { $0.rule == "ARN001" })
        #expect(!edits(Self.policy("'arn:aws:s3:::acme/${aws:username}/*'")).contains { $0.rule == "ARN001" })
        // Inside a Sub the text is the Sub's: the partition is replaced in place.
        #expect(!edits(Self.policy("!Sub 'arn:aws:s3:::acme/${!aws:username}/*'")).filter { $0.rule == "ARN001" }.isEmpty)
        // A flow-style DependsOn is left to the author.
        let flow = """
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
          Policy:
            Type: AWS::S3::BucketPolicy
            DependsOn: [Bucket]
            Properties:
              Bucket: !Ref Bucket
              PolicyDocument: {Statement: []}

        """
        #expect(Linter().lint(Array(flow.utf8), file: "t.yaml").findings.contains { $0.rule == "BP001" && $0.edits.isEmpty })
    }

    @Test func redundantDependsOnLinesGo() {
        let template = """
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
          Topic:
            Type: AWS::SNS::Topic
          Policy:
            Type: AWS::S3::BucketPolicy
            DependsOn:
              - Bucket   # the policy's bucket
              - Topic
            Properties:
              Bucket: !Ref Bucket
              PolicyDocument: {Statement: []}

        """
        #expect(Self.fixed(template) == template.replacingOccurrences(of: "      - Bucket   # the policy's bucket\n", with: ""))
        // When every entry goes, so does the key: an empty DependsOn is invalid.
        let all = template.replacingOccurrences(of: "      - Topic\n", with: "")
        #expect(Self.fixed(all) == all.replacingOccurrences(of: "    DependsOn:\n      - Bucket   # the policy's bucket\n", with: ""))
        // Line ends stay as they were.
        let crlf = template.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(Self.fixed(crlf) == crlf.replacingOccurrences(of: "      - Bucket   # the policy's bucket\r\n", with: ""))
    }

    @Test func unusedSuppressionsGo() {
        let bucket = """
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Metadata:
              owner: storage
              taplint:
                ignore:
                  - rule: IAM001
                    reason: no policy here any more
                  - rule: VER001
                    reason: logs need no versions
            Properties:
              BucketName: !Sub "${AWS::StackName}-logs"   # taplint: ignore ARN001 -- kept for the old name
              PublicAccessBlockConfiguration:
                BlockPublicAcls: true
                BlockPublicPolicy: true
                IgnorePublicAcls: true
                RestrictPublicBuckets: true
              LifecycleConfiguration:
                Rules: [{Status: Enabled, ExpirationInDays: 30}]
          # taplint: ignore DEP002 -- nothing named here

        """
        let result = Self.fix(bucket)
        #expect(result.text == bucket
            .replacingOccurrences(of: "          - rule: IAM001\n            reason: no policy here any more\n", with: "")
            .replacingOccurrences(of: "   # taplint: ignore ARN001 -- kept for the old name", with: "")
            .replacingOccurrences(of: "  # taplint: ignore DEP002 -- nothing named here\n", with: ""), "\(result.text)")
        #expect(!result.left.contains { $0.rule == "BP002" })
        // The only suppression of a list goes with its `taplint` entry, and
        // with Metadata when that held nothing else.
        let only = bucket.replacingOccurrences(of: "          - rule: VER001\n            reason: logs need no versions\n", with: "")
            .replacingOccurrences(of: "      owner: storage\n", with: "")
        #expect(!Self.fixed(only).contains("Metadata"), "\(Self.fixed(only))")
        #expect(!Self.fixed(only.replacingOccurrences(of: "    Metadata:\n", with: "    Metadata:\n      owner: storage\n"))
            .contains("taplint:\n"))
    }

    @Test func aURLGetsTheURLSuffix() {
        let template = """
        Resources:
          Stack:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: https://s3.amazonaws.com/acme-templates/network.yaml

        """
        #expect(Self.fixed(template).contains("TemplateURL: !Sub 'https://s3.${AWS::URLSuffix}/acme-templates/network.yaml'"))
    }
}
