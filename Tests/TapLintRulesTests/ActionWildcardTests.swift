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
}
