import TapLintCore

/// A literal value of the wrong type for its property.
public struct WrongValueType: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH004", name: "wrong-value-type", category: .schema, severity: .error,
        summary: "A literal value has the wrong type for its property: a list for a string, text for a number.",
        rationale: """
        CloudFormation converts between strings, numbers and booleans where it can, but \
        not between scalars, lists and objects, and not from `ten` to a number. Such a \
        value fails validation or, worse, the deploy. Literals are judged where the \
        schema is certain, and so are functions whose kind of result the template \
        tells: a `Ref` to a `List<…>` or `CommaDelimitedList` parameter, or a GetAtt of a \
        list attribute (`VPC.Ipv6CidrBlocks`), where one value goes, and a `Ref` to a \
        String parameter where a list goes.
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
            Parameters:
              Subnets:
                Type: List<AWS::EC2::Subnet::Id>
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  VpcId: ↓!Ref Subnets
              Endpoint:
                Type: AWS::EC2::VPCEndpoint
                Properties:
                  VpcId: !Ref Vpc
                  ServiceName: com.amazonaws.us-east-1.s3
                  SubnetIds: [↓!GetAtt Vpc.Ipv6CidrBlocks]
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
            let place = problem.path.place(from: 2)
            return Violation(at: problem.range, path: problem.path,
                             message: "\(problem.naming(place)) takes \(expected), not \(found)", resource: problem.resourceName)
        }
    }
}
