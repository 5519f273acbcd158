import TapLintCore

/// `Allow` with `NotAction` or `NotResource`.
public struct AllowWithNot: TemplateRule {
    public static let description = RuleDescription(
        id: "IAM002", name: "iam-allow-not-action", category: .iam, severity: .error,
        summary: "A policy allows with NotAction or NotResource.",
        rationale: """
        `Allow` with `NotAction` grants every action except those listed, including \
        actions of services that did not exist when the policy was written; `Allow` with \
        `NotResource` grants on every resource but the listed ones, including resources \
        created later. Both grow silently. Say what is allowed, not what is not; keep the \
        `Not` forms for `Deny` statements.
        """,
        fix: "list the actions and resources that are allowed (use NotAction/NotResource only with Deny)",
        triggering: [
            """
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        NotAction: ↓iam:*
                        Resource: "*"
                      - Effect: Allow
                        Action: s3:GetObject
                        NotResource: ↓arn:aws:s3:::secrets/*
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Deny
                        NotAction: [iam:GetUser, iam:ListMFADevices]
                        Resource: "*"
                        Condition: {BoolIfExists: {aws:MultiFactorAuthPresent: false}}
            """,
        ],
        references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.allowing.flatMap { document, statement -> [Violation] in
            [("NotAction", statement.notActions), ("NotResource", statement.notResources)].compactMap { name, values in
                guard let values else { return nil }
                return Violation(at: values.first?.range ?? statement.range, path: statement.path + [.key(name)],
                                 message: "\(PolicyChecks.place(document, statement.path)) allows with \(name), which grants everything not listed",
                                 resource: document.resource)
            }
        }
    }
}
