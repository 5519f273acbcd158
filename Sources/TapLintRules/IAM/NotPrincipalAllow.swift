import TapLintCore

/// `NotPrincipal` with `Allow`.
public struct NotPrincipalAllow: TemplateRule {
    public static let description = RuleDescription(
        id: "IAM004", name: "iam-not-principal-allow", category: .iam, severity: .error,
        summary: "A policy allows with NotPrincipal.",
        rationale: """
        `Allow` with `NotPrincipal` grants to every principal except those listed: every \
        other account, and anonymous users. AWS advises against it; name the principals \
        who are allowed instead.
        """,
        fix: "use Principal with the principals that are allowed",
        triggering: [
            """
            Resources:
              TopicPolicy:
                Type: AWS::SNS::TopicPolicy
                Properties:
                  Topics: [topic-arn]
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        ↓NotPrincipal: {AWS: arn:aws:iam::123456789012:root}
                        Action: sns:Publish
                        Resource: "*"
            """,
        ],
        nonTriggering: [
            """
            Resources:
              TopicPolicy:
                Type: AWS::SNS::TopicPolicy
                Properties:
                  Topics: [topic-arn]
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}
                        Action: sns:Publish
                        Resource: "*"
            """,
        ],
        references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.allowing.compactMap { document, statement in
            guard let value = statement.notPrincipal else { return nil }
            return Violation(at: value.range, path: value.path,
                             message: "\(PolicyChecks.place(document, statement.path)) allows with NotPrincipal: everyone else, anonymous users included",
                             resource: document.resource)
        }
    }
}
