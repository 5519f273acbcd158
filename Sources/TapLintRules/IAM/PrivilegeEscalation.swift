import TapLintCore

/// Actions that let a principal give itself more power, on any resource.
public struct PrivilegeEscalation: TemplateRule {
    public static let description = RuleDescription(
        id: "IAM007", name: "iam-privilege-escalation", category: .iam, severity: .error,
        summary: "A policy allows an IAM privilege-escalation action (iam:PutRolePolicy, iam:CreatePolicyVersion, …) on \"*\".",
        rationale: """
        Some IAM actions let whoever holds them raise their own permissions: attach or \
        write a policy to any role or user (`iam:AttachRolePolicy`, `iam:PutUserPolicy`, \
        …), change a managed policy's default version, create access keys or login \
        profiles for other users, or rewrite who may assume a role. On `Resource: "*"` \
        any of them is a path to administrator. Scope them to the few resources that \
        need managing, or leave them to a deployment pipeline.
        """,
        fix: "scope the action to specific roles, users or policies",
        triggering: [
            """
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [↓iam:PutRolePolicy, ↓iam:CreatePolicyVersion]
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
                        Action: iam:PutRolePolicy
                        Resource: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app-*"
            """,
        ],
        references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_delegate-permissions_examples.html"]
    )

    static let escalating: Set<String> = [
        "iam:createpolicyversion", "iam:setdefaultpolicyversion", "iam:attachrolepolicy", "iam:putrolepolicy",
        "iam:attachuserpolicy", "iam:putuserpolicy", "iam:attachgrouppolicy", "iam:putgrouppolicy",
        "iam:createaccesskey", "iam:updateassumerolepolicy", "iam:createloginprofile", "iam:updateloginprofile",
        "iam:addusertogroup", "iam:putrolepermissionsboundary", "iam:deleterolepermissionsboundary",
    ]

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.allowing.flatMap { document, statement -> [Violation] in
            guard statement.resources.contains(where: \.isStar) else { return [] }
            return statement.actions.compactMap { action in
                guard let text = action.text, text != "*", text != "*:*" else { return nil }
                // Only IAM's own actions escalate: the service is judged before
                // a wildcard is expanded (`s3:*` names hundreds of actions).
                guard text.lowercased().hasPrefix("iam:"),
                      PolicyChecks.expand(action).contains(where: { Self.escalating.contains("iam:" + $0.name.lowercased()) })
                else { return nil }
                return Violation(at: action.range, path: action.path,
                                 message: "\(PolicyChecks.place(document, statement.path)) allows '\(text)' on \"*\", which lets the principal raise its own permissions",
                                 resource: document.resource)
            }
        }
    }
}
