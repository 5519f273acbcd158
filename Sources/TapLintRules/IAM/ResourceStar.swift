import TapLintCore

/// `Resource: "*"` for actions that can be scoped to resources.
public struct ResourceStar: TemplateRule {
    public static let description = RuleDescription(
        id: "IAM009", name: "iam-resource-star", category: .iam, severity: .warning,
        summary: "An identity policy allows, on Resource \"*\", actions that can be scoped to specific resources.",
        rationale: """
        Most actions can be limited to the resources they touch (this table, that \
        bucket's objects, these queues). `Resource: "*"` extends them to every such \
        resource in the account, now and later. Actions that AWS only allows on `*` \
        (most `List*` and `Describe*`, `sts:GetCallerIdentity`, …) are not reported: \
        the Service Authorization Reference says which are which. Nor are the \
        statements of SAM's policy templates (`VPCAccessPolicy: {}`): AWS writes them, \
        and the author takes them whole.
        """,
        fix: "name the resources (!GetAtt X.Arn, or a hand-built ARN with ${AWS::Partition} etc.)",
        triggering: [
            """
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [dynamodb:PutItem, ec2:DescribeInstances]
                        Resource: ↓"*"
            """,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Function:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  InlineCode: "def handler(event, context): pass"
                  Policies:
                    - DynamoDBCrudPolicy:
                        TableName: ↓"*"
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
                        Action: [ec2:DescribeInstances, s3:ListAllMyBuckets, sts:GetCallerIdentity]
                        Resource: "*"
                      - Effect: Allow
                        Action: dynamodb:PutItem
                        Resource: !Sub "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders"
            """,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Function:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  InlineCode: "def handler(event, context): pass"
                  Policies:
                    - VPCAccessPolicy: {}
                    - DynamoDBCrudPolicy:
                        TableName: orders
            """,
        ],
        references: ["https://docs.aws.amazon.com/service-authorization/latest/reference/reference.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        templateWildcards(context) + context.allowing.compactMap { document, statement in
            guard document.kind == .identity, document.template == nil, let star = statement.resources.first(where: \.isStar),
                  !statement.actions.contains(where: { $0.text == "*" || $0.text == "*:*" }) else { return nil }
            // An action's text once if any action it names can be scoped (not once per such action).
            let scopable = statement.actions.compactMap { action in
                PolicyChecks.expand(action).contains(where: \.scopable) ? action.text ?? "" : nil
            }
            let distinct = Array(Set(scopable)).sorted()
            guard !distinct.isEmpty else { return nil }
            return Violation(at: star.range, path: star.path,
                             message: "\(PolicyChecks.place(document, statement.path)) allows \(distinct.prefix(3).joined(separator: ", "))"
                                + (distinct.count > 3 ? ", …" : "") + " on every resource (\"*\"), though they can be scoped",
                             resource: document.resource)
        }
    }

    /// A SAM policy template given `"*"` for the resource it scopes
    /// (`DynamoDBCrudPolicy: {TableName: "*"}`) grants on every such resource.
    private func templateWildcards(_ context: LintContext) -> [Violation] {
        context.policies.flatMap { document -> [Violation] in
            guard let template = document.template, let arguments = document.arguments,
                  let entries = arguments.node.mapping else { return [] }
            return entries.compactMap { argument in
                guard argument.value.string == "*", let name = argument.name else { return nil }
                return Violation(at: argument.value.valueRange, path: arguments.path + [.key(name)],
                                 message: "\(document.resource)'s \(template) is given \(name) \"*\", which grants its actions on every resource of the kind",
                                 resource: document.resource)
            }
        }
    }
}
