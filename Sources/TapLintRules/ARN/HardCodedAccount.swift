import TapLintCore

/// An account id written into an ARN where `${AWS::AccountId}` belongs.
public struct HardCodedAccount: TemplateRule {
    public static let description = RuleDescription(
        id: "ARN003", name: "hard-coded-account", category: .arn, severity: .warning,
        summary: "An ARN built by hand hard-codes a 12-digit account id.",
        rationale: """
        An account id in an ARN ties the template to one account: deployed to a test \
        or another team's account it silently refers to the original one, sometimes \
        granting cross-account access nobody meant to grant. Use `${AWS::AccountId}` for \
        the stack's own account, or a parameter for another one. AWS-managed policy ARNs \
        (`arn:aws:iam::aws:policy/…`) are not account ids and are not reported.
        """,
        fix: "use ${AWS::AccountId}, or a parameter for another account",
        triggering: [
            """
            Resources:
              Subscription:
                Type: AWS::SNS::Subscription
                Properties:
                  Protocol: sqs
                  ↓Endpoint: !Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:123456789012:jobs"
                  TopicArn: !Ref AWS::NoValue
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              AuditAccount:
                Type: String
            Resources:
              Subscription:
                Type: AWS::SNS::Subscription
                Properties:
                  Protocol: sqs
                  Endpoint: !Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${AuditAccount}:jobs"
                  TopicArn: !Sub "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:alerts"
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html#cfn-pseudo-param-accountid"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.arns.compactMap { arn in
            guard ARN.isAccountID(arn.account) else { return nil }
            return Violation(at: arn.source.range, path: arn.source.path,
                             message: "ARN in \(arn.source.place) hard-codes account '\(arn.account)'",
                             resource: arn.source.resource)
        }
    }
}
