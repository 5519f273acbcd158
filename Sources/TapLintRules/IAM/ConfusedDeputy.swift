import TapLintCore

/// A service allowed to act for anyone's resources.
public struct ConfusedDeputy: TemplateRule {
    public static let description = RuleDescription(
        id: "IAM010", name: "iam-confused-deputy", category: .iam, severity: .warning,
        summary: "A service principal may invoke a function, or publish to a topic or queue, without SourceArn or SourceAccount.",
        rationale: """
        When a service such as S3, SNS or EventBridge is allowed to call your resource, \
        it does so on behalf of whichever resource triggers it, in any account. Without \
        `SourceArn` or `SourceAccount` (on `AWS::Lambda::Permission`), or an \
        `aws:SourceArn` / `aws:SourceAccount` condition (in topic and queue policies), \
        someone else's bucket or topic can make the service call yours: the confused \
        deputy problem.
        """,
        fix: "set SourceArn (and SourceAccount), or add an aws:SourceArn / aws:SourceAccount condition",
        triggering: [
            """
            Resources:
              Permission:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: my-function
                  Principal: ↓s3.amazonaws.com
              QueuePolicy:
                Type: AWS::SQS::QueuePolicy
                Properties:
                  Queues: [queue-url]
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Service: ↓sns.amazonaws.com}
                        Action: sqs:SendMessage
                        Resource: "*"
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Permission:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: my-function
                  Principal: s3.amazonaws.com
                  SourceAccount: !Ref AWS::AccountId
                  SourceArn: !Sub "arn:${AWS::Partition}:s3:::uploads-${AWS::AccountId}"
              QueuePolicy:
                Type: AWS::SQS::QueuePolicy
                Properties:
                  Queues: [queue-url]
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Service: sns.amazonaws.com}
                        Action: sqs:SendMessage
                        Resource: "*"
                        Condition: {ArnEquals: {aws:SourceArn: !Ref Topic}}
              Topic:
                Type: AWS::SNS::Topic
            """,
        ],
        references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html"]
    )

    static let guarded: Set<String> = ["aws:sourcearn", "aws:sourceaccount", "aws:sourceowner", "aws:sourceorgid"]

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        var violations: [Violation] = []
        for resource in context.template.resources where resource.type == "AWS::Lambda::Permission" {
            guard let properties = resource.properties, let principal = properties.entry("Principal"),
                  let text = principal.value.string, text.hasSuffix(".amazonaws.com") || text.hasSuffix(".amazonaws.com.cn"),
                  properties["SourceArn"] == nil, properties["SourceAccount"] == nil else { continue }
            violations.append(Violation(at: principal.value.valueRange,
                                        path: [.key("Resources"), .key(resource.name), .key("Properties"), .key("Principal")],
                                        message: "\(resource.name) lets \(text) invoke the function for any source: set SourceArn or SourceAccount"))
        }
        for (document, statement) in context.allowing
        where ["AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy"].contains(document.resourceType)
            && statement.conditionKeys.isDisjoint(with: Self.guarded) {
            for principal in statement.principals where principal.type == "Service" {
                violations.append(Violation(at: principal.value.range, path: principal.value.path,
                                            message: "\(PolicyChecks.place(document, statement.path)) lets \(principal.value.text ?? "a service") act for any source: add an aws:SourceArn or aws:SourceAccount condition",
                                            resource: document.resource))
            }
        }
        return violations
    }
}
