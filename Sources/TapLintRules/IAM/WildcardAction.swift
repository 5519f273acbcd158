import TapLintCore

/// `Allow` on every action of every service.
public struct WildcardAction: TemplateRule {
    public static let description = RuleDescription(
        id: "IAM001", name: "iam-wildcard-action", category: .iam, severity: .error,
        summary: "A policy allows Action \"*\" (every action of every service).",
        rationale: """
        `Action: "*"` is administrator access to whatever the resource part covers: \
        with `Resource: "*"` it is the whole account, including IAM itself, so the \
        principal can grant itself anything else. No workload needs that; list the \
        actions it uses.
        """,
        fix: "list the actions the principal needs",
        triggering: [
            """
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Allow
                        Action: ↓"*"
                        Resource: "*"
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  Policies:
                    - PolicyName: all
                      ↓PolicyDocument: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*:*", "Resource": "*"}]}'
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Deny
                        Action: "*"
                        Resource: "*"
                        Condition: {Bool: {aws:SecureTransport: false}}
                      - Effect: Allow
                        Action: [s3:GetObject]
                        Resource: arn:aws:s3:::reports/*
            """,
        ],
        references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.allowing.flatMap { document, statement in
            statement.actions.filter { $0.text == "*" || $0.text == "*:*" }.map { action in
                Violation(at: action.range, path: action.path,
                          message: "\(PolicyChecks.place(document, statement.path)) allows every action ('\(action.text ?? "*")')",
                          resource: document.resource)
            }
        }
    }
}
