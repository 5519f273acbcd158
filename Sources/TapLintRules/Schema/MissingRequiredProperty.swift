import TapLintCore

/// A property the resource type requires is missing.
public struct MissingRequiredProperty: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH003", name: "missing-required-property", category: .schema, severity: .error,
        summary: "A resource, or one of its property objects, lacks a property its type requires.",
        rationale: """
        Some properties cannot be left out: a Lambda function's `Role` and `Code`, a \
        DynamoDB table's `KeySchema`, a tag's `Key` and `Value`. CloudFormation rejects \
        the template, or the create fails halfway through a deploy. A property set to \
        `!Ref AWS::NoValue` counts as missing; inside `Fn::If`, each branch must have it.
        """,
        fix: "add the required property",
        triggering: [
            """
            Resources:
              Function:
                Type: AWS::Lambda::Function
                ↓Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Code:
                    ZipFile: "def handler(e, c): pass"
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  Tags:
                    - ↓Key: team
            """,
            """
            Conditions:
              UseKey: !Equals [!Ref AWS::Region, us-east-1]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Rule:
                Type: AWS::Events::Rule
                Properties:
                  ScheduleExpression: rate(1 hour)
                  Targets:
                    - ↓Id: !If [UseKey, queue, !Ref AWS::NoValue]
                      Arn: !GetAtt Queue.Arn
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/lambda
                  Runtime: python3.12
                  Handler: index.handler
                  Code:
                    ZipFile: "def handler(e, c): pass"
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-function.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.schema.problems.compactMap { problem in
            guard case .missingRequired(let names, let condition) = problem.kind else { return nil }
            let place = problem.path.place(from: 2)
            let quoted = names.map { "'\($0)'" }.joined(separator: ", ")
            let what = names.count > 1 ? "at least one of \(quoted)" : "required property \(quoted)"
            let message = "\(problem.subject) is missing \(what)" + (place.isEmpty ? "" : " in \(place)")
                + (condition.map { " when the Fn::If on '\($0)' gives AWS::NoValue" } ?? "")
            return Violation(at: problem.range, path: problem.path, message: message, resource: problem.resourceName,
                             fix: condition == nil ? "add \(quoted)" : "give \(quoted) a value in both branches of the Fn::If")
        }
    }
}
