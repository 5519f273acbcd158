import TapLintCore

/// A literal value of the wrong type for its property.
public struct WrongValueType: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH004", name: "wrong-value-type", category: .schema, severity: .error,
        summary: "A literal value has the wrong type for its property: a list for a string, text for a number.",
        rationale: """
        CloudFormation converts between strings, numbers and booleans where it can, but \
        not between scalars, lists and objects, and not from `ten` to a number. Such a \
        value fails validation or, worse, the deploy. Only literals are judged, and only \
        where the schema is certain: values computed by intrinsic functions are known \
        only at deploy time.
        """,
        fix: "write the value in the type the property takes",
        triggering: [
            """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  DelaySeconds: ↓five
                  ↓QueueName: [orders, eu]
                  Tags: ↓orders
            """,
            """
            Resources:
              Policy:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: read
                  Roles: [app]
                  ↓PolicyDocument:
                    - Statement: []
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Delay:
                Type: Number
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  DelaySeconds: !Ref Delay
                  MaximumMessageSize: "2048"
                  FifoQueue: "true"
                  QueueName: 12345
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sqs-queue.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.schema.problems.compactMap { problem in
            guard case .wrongType(let expected, let found) = problem.kind else { return nil }
            let place = Array(problem.path.dropFirst(2)).beforeIntrinsic.dotted
            return Violation(at: problem.range, path: problem.path,
                             message: "\(problem.resource).\(place) takes \(expected), not \(found)", resource: problem.resource)
        }
    }
}
