import TapLintCore

/// AWS's AdministratorAccess or IAMFullAccess attached.
public struct AdminPolicyAttached: TemplateRule {
    public static let description = RuleDescription(
        id: "IAM008", name: "iam-admin-policy", category: .iam, severity: .error,
        summary: "A role, user or group gets AWS's AdministratorAccess or IAMFullAccess managed policy.",
        rationale: """
        `AdministratorAccess` allows everything; `IAMFullAccess` allows granting \
        everything. A workload role with either is one bug or one leaked credential away \
        from losing the account. Attach policies scoped to what the workload does.
        """,
        fix: "attach a policy scoped to what the role does",
        triggering: [
            """
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  ManagedPolicyArns:
                    - !Sub ↓"arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess"
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  ManagedPolicyArns:
                    - !Sub "arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess"
            """,
        ],
        references: ["https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html"]
    )

    static let powerful = ["AdministratorAccess", "IAMFullAccess"]

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let reader = PolicyDocument.Reader(template: context.template)
        return context.template.resources.flatMap { resource -> [Violation] in
            guard let properties = resource.properties else { return [] }
            let base: [PathElement] = [.key("Resources"), .key(resource.name), .key("Properties")]
            var values: [PolicyValue] = []
            if let arns = properties["ManagedPolicyArns"] {
                values += reader.values(arns, path: base + [.key("ManagedPolicyArns")], anchor: nil)
            }
            if (resource.type ?? "").hasPrefix("AWS::Serverless::"), let policies = properties["Policies"] {
                values += reader.values(policies, path: base + [.key("Policies")], anchor: nil)
            }
            return values.compactMap { value in
                guard let text = value.text, let name = Self.powerful.first(where: { text == $0 || text.hasSuffix(":policy/" + $0) })
                else { return nil }
                return Violation(at: value.range, path: value.path, message: "\(resource.name) gets the \(name) managed policy")
            }
        }
    }
}
