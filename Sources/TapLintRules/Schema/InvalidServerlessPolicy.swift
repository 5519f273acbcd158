import TapLintCore

/// An entry of a SAM function's or state machine's `Policies` that the SAM
/// transform rejects.
public struct InvalidServerlessPolicy: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH012", name: "invalid-serverless-policy", category: .schema, severity: .error,
        summary: "A SAM Policies entry is no managed policy, statements document or known policy template, or misses a template's parameters.",
        rationale: """
        SAM reads each entry of `Policies` as one of three things: a managed policy \
        (a name or an ARN), a policy document with `Statement`, or a policy template \
        (`DynamoDBCrudPolicy: {TableName: …}`) with every parameter it declares. \
        Anything else — a mistyped template name, an IAM-style `PolicyName`/`PolicyDocument` \
        pair, a template missing a parameter — makes the transform fail, and with it \
        the whole deploy, before any resource is touched.
        """,
        fix: "name one of SAM's policy templates with all its parameters, or write a document with Statement",
        triggering: [
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
                    - ↓DynamoDBCrudPolicyy:
                        TableName: orders
                    - ↓SQSSendMessagePolicy:
                        Queue: orders
                    - ↓PolicyName: inline
                      PolicyDocument:
                        Statement: []
            """,
        ],
        nonTriggering: [
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
                    - AWSLambdaExecute
                    - !Sub "arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess"
                    - DynamoDBCrudPolicy:
                        TableName: orders
                    - EC2DescribePolicy: {}
                    - Statement:
                        - Effect: Allow
                          Action: sqs:SendMessage
                          Resource: !Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:orders"
            """,
        ],
        references: ["https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-templates.html"]
    )

    static let types: Set<String> = ["AWS::Serverless::Function", "AWS::Serverless::StateMachine"]

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.template.resources.flatMap { resource -> [Violation] in
            guard let type = resource.type, Self.types.contains(type), let policies = resource.properties?["Policies"]
            else { return [] }
            var found: [Violation] = []
            let base: [PathElement] = [.key("Resources"), .key(resource.name), .key("Properties"), .key("Policies")]
            for (item, path, place) in PolicyDocument.serverlessEntries(policies, path: base) {
                // A function's result is a managed policy's ARN.
                guard item.intrinsic == nil, let entries = item.mapping, item.entry("Statement") == nil else { continue }
                if entries.count == 1, let name = entries[0].name, let policy = PolicyTemplate.named(name) {
                    let given = Set((entries[0].value.mapping ?? []).compactMap(\.name))
                    let missing = policy.parameters.filter { !given.contains($0) }
                    if entries[0].value.mapping == nil || !missing.isEmpty {
                        let what = missing.isEmpty ? "its parameters as a mapping ({} for none)" : missing.joined(separator: ", ")
                        found.append(Violation(at: entries[0].key.range, path: path + [.key(name)],
                                               message: "\(resource.name)'s \(place) is the policy template \(name), which needs \(what)"))
                    }
                    continue
                }
                let key = entries.first?.key
                let guess = entries.count == 1 ? entries[0].name.flatMap { Suggestion.closest(to: $0, in: PolicyTemplate.names) } : nil
                found.append(Violation(at: key?.range ?? item.range, path: path,
                                       message: "\(resource.name)'s \(place) is neither a managed policy, a document with Statement, nor one of SAM's policy templates"
                                           + (guess.map { "; did you mean \($0)?" } ?? ""),
                                       fix: guess.map { "name the policy template \($0)" }))
            }
            return found
        }
    }
}
