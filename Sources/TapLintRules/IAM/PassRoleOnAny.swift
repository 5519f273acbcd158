import TapLintCore

/// `iam:PassRole` on any role.
public struct PassRoleOnAny: TemplateRule {
    public static let description = RuleDescription(
        id: "IAM006", name: "iam-pass-role-any", category: .iam, severity: .error,
        summary: "A policy allows iam:PassRole on Resource \"*\".",
        rationale: """
        `iam:PassRole` lets a principal hand a role to a service (an EC2 instance, a \
        Lambda function, a CloudFormation stack), which then acts with that role's \
        permissions. On any role it lets the principal borrow the most powerful role in \
        the account. Name the roles it may pass, and with `iam:PassedToService` the \
        service.
        """,
        fix: "scope iam:PassRole to the roles it must pass",
        triggering: [
            """
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: ↓iam:PassRole
                        Resource: "*"
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
                      - Effect: Allow
                        Action: iam:PassRole
                        Resource: !GetAtt TaskRole.Arn
              TaskRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
            """,
        ],
        references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.allowing.flatMap { document, statement -> [Violation] in
            guard statement.resources.contains(where: \.isStar) else { return [] }
            return statement.actions.compactMap { action in
                guard let text = action.text?.lowercased(), text.hasPrefix("iam:"), Wildcard.matches(text, "iam:passrole") else { return nil }
                return Violation(at: action.range, path: action.path,
                                 message: "\(PolicyChecks.place(document, statement.path)) allows iam:PassRole on any role (\"*\")",
                                 resource: document.resource)
            }
        }
    }
}
