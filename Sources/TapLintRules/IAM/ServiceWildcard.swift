import TapLintCore

/// A wildcard action that reaches write or permissions-management actions.
public struct ServiceWildcard: TemplateRule {
    public static let description = RuleDescription(
        id: "IAM005", name: "iam-service-wildcard", category: .iam, severity: .warning,
        summary: "An allowed action is a whole-service wildcard (s3:*) or a wildcard that covers write or permissions actions.",
        rationale: """
        `s3:*` includes deleting every object and rewriting the bucket policy; \
        `iam:*Policy*` includes attaching any policy to anyone. Wildcards also grow: \
        actions AWS adds later are granted without anyone reviewing them. Read-only \
        wildcards (`s3:Get*`, `ec2:Describe*`) are not reported; nor is the account \
        root's `kms:*` in a KMS key policy, which is AWS's default key policy, nor \
        the actions of SAM's policy templates (`SQSSendMessagePolicy`), which AWS writes.
        """,
        fix: "list the actions the principal needs",
        triggering: [
            """
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [↓s3:*, s3:Get*, ↓dynamodb:*Item]
                        Resource: arn:aws:s3:::reports/*
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Key:
                Type: AWS::KMS::Key
                Properties:
                  KeyPolicy:
                    Statement:
                      - Effect: Allow
                        Principal: {AWS: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}
                        Action: kms:*
                        Resource: "*"
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [s3:Get*, ec2:Describe*]
                        Resource: "*"
            """,
        ],
        references: ["https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.allowing.flatMap { document, statement -> [Violation] in
            if document.template != nil || PolicyChecks.isAccountRootGrant(document, statement) { return [] }
            return statement.actions.compactMap { action in
                guard let text = action.text, text != "*", text != "*:*", text.containsBytes("*") || text.containsBytes("?") else { return nil }
                let wholeService = text.hasSuffix(":*")
                let strong = PolicyChecks.expand(action).filter { $0.level == .write || $0.level == .permissionsManagement }
                guard wholeService || !strong.isEmpty else { return nil }
                let examples = strong.prefix(3).map(\.name).joined(separator: ", ")
                return Violation(at: action.range, path: action.path,
                                 message: "\(PolicyChecks.place(document, statement.path)) allows '\(text)'"
                                    + (strong.isEmpty ? ", every action of the service" : ", which includes write or permissions actions (\(examples)\(strong.count > 3 ? ", …" : ""))"),
                                 resource: document.resource)
            }
        }
    }
}
