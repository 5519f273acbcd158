import TapLintCore

/// `arn:aws:` written out where `${AWS::Partition}` belongs.
public struct HardCodedPartition: TemplateRule {
    public static let description = RuleDescription(
        id: "ARN001", name: "hard-coded-partition", category: .arn, severity: .warning,
        summary: "An ARN built by hand hard-codes its partition (arn:aws:…).",
        rationale: """
        AWS has several partitions: `aws`, `aws-cn` (China), `aws-us-gov` (GovCloud) and \
        the isolated ones. An ARN that spells `arn:aws:` points nowhere in the others, so \
        the stack fails to deploy there, or worse, a policy silently grants nothing. \
        `${AWS::Partition}` makes the same template work in every partition. This applies \
        inside policy documents and API Gateway integration URIs too.
        """,
        fix: "use ${AWS::Partition}",
        triggering: [
            """
            Resources:
              Permission:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: my-function
                  Principal: s3.amazonaws.com
                  ↓SourceArn: !Sub "arn:aws:s3:::${AWS::StackName}-uploads"
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  ManagedPolicyArns:
                    - ↓arn:aws:iam::aws:policy/ReadOnlyAccess
            """,
        ],
        nonTriggering: [
            // Inline source code is the program's text, not the template's.
            """
            Resources:
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Role: !GetAtt Role.Arn
                  Code:
                    ZipFile: |
                      TOPIC = "arn:aws:sns:us-east-1:123456789012:alerts"
                      def handler(event, context):
                          return TOPIC
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
            """,
            """
            Resources:
              Permission:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: my-function
                  Principal: s3.amazonaws.com
                  SourceArn: !Sub "arn:${AWS::Partition}:s3:::${AWS::StackName}-uploads"
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html#cfn-pseudo-param-partition"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let spelled = ARN.spelled(context.arns, \.partition)
        return context.arns.compactMap { arn in
            guard ARN.isLiteral(arn.partition) else { return nil }
            return Violation(at: arn.source.range, path: arn.source.path,
                             message: "ARN in \(arn.source.place) hard-codes partition '\(arn.partition)'",
                             resource: arn.source.resource,
                             edits: arn.edits(putting: "AWS::Partition", at: arn.partitionRange, spelled: spelled,
                                              template: context.template) ?? [])
        }
    }
}
