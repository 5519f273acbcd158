import Testing
import TapLintCore
import TapLintRules

/// Wildcard actions are judged by what they expand to, whatever their case:
/// the rules ask the action catalog only when the service can matter.
@Suite struct ActionWildcardTests {
    static let template = """
        Resources:
          Policy:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: [IAM:Put*, "s3:*", "iam:Get*", "ec2:Describe*", "iam:?ttachRolePolicy", "sqs:SendMessage"]
                    Resource: "*"
        """

    static let findings = Linter().lint(Array(template.utf8), file: "t.yaml").findings

    @Test func escalationIsFoundThroughWildcardsOnly() {
        let escalating = Self.findings.filter { $0.rule == "IAM007" }.map(\.message)
        #expect(escalating.count == 2, "\(escalating)")
        #expect(escalating.contains { $0.contains("'IAM:Put*'") } && escalating.contains { $0.contains("'iam:?ttachRolePolicy'") })
        #expect(!escalating.contains { $0.contains("s3:*") || $0.contains("iam:Get*") }, "no other service, no reading action")
    }

    @Test func scopableActionsAreNamedOnceEach() throws {
        let star = try #require(Self.findings.first { $0.rule == "IAM009" })
        #expect(star.message.contains("allows IAM:Put*, ec2:Describe*, iam:?ttachRolePolicy, … on every"), "\(star.message)")
    }
    /// IAM011 remembers the texts it found fine in a template, not the ones
    /// it reports: an unknown action is reported in every statement that
    /// names it, before and after the remembered texts run out.
    @Test func everyNamingOfAnUnknownActionIsReported() {
        let fine = ["sqs:SendMessage", "s3:GetObject", "dynamodb:Query", "ec2:DescribeTags", "logs:PutLogEvents",
                    "sns:Publish", "kms:Decrypt", "s3:PutObject", "sqs:DeleteMessage", "ecr:GetAuthorizationToken",
                    "ssm:GetParameter", "lambda:InvokeFunction", "sts:AssumeRole", "s3:ListBucket", "events:PutEvents",
                    "sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "s3:DeleteObject", "ec2:DescribeInstances",
                    "sqs:GetQueueUrl"]
        let statements = (0..<12).map { i in
            "          - {Effect: Allow, Action: [\(fine[i]), \(fine[(i + 8) % 20]), s3:GetObjectz], Resource: \"*\"}"
        }
        let template = """
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
            \(statements.joined(separator: "\n"))
            """
        let unknown = Linter().lint(Array(template.utf8), file: "t.yaml").findings.filter { $0.rule == "IAM011" }
        #expect(unknown.count == 12, "\(unknown.map(\.message))")
        #expect(unknown.allSatisfy { $0.message.contains("'s3:GetObjectz'") })
    }
}
