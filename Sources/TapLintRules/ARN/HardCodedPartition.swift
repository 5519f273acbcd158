import TapLintCore

/// `arn:aws:` written out where `${AWS::Partition}` belongs.
public struct HardCodedPartition: TemplateRule {
    public static let description = RuleDescription(
        id: "ARN001", name: "hard-coded-partition", category: .arn, severity: .info,
        summary: "An ARN built by hand hard-codes its partition (arn:aws:…).",
        rationale: """
        AWS has several partitions: `aws`, `aws-cn` (China), `aws-us-gov` (GovCloud) and \
        the isolated ones. An ARN that spells `arn:aws:` points nowhere in the others, so \
        the stack fails to deploy there, or worse, a policy silently grants nothing. \
        `${AWS::Partition}` makes the same template work in every partition. This applies \
        inside policy documents and API Gateway integration URIs too. Most stacks are \
        only ever deployed to the `aws` partition, so the finding is information, unless \
        the same template also spells `${AWS::Partition}` (or `Ref: AWS::Partition`): \
        then its author means it to work in every partition, and an ARN that does not is \
        a warning. Checked for a deployment (`--region`) to a region of another \
        partition, it is an error: that deploy cannot work. A severity set in the \
        configuration wins; `--fix` fixes it at any severity.
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
        // The author writes ${AWS::Partition} elsewhere: this ARN disagrees with the template's own policy.
        let portable = context.references.references.contains { $0.target == "AWS::Partition" }
        let regions = context.options.regions
        return context.arns.compactMap { arn in
            guard ARN.isLiteral(arn.partition) else { return nil }
            // Deployed to a region of another partition, the ARN names nothing there.
            let elsewhere = regions.filter { $0.partition != arn.partition }
            let reason = elsewhere.isEmpty ? (portable ? ", where the template spells ${AWS::Partition} elsewhere" : "")
                : ", but the deployment goes to " + elsewhere.map { "\($0.name) (partition \($0.partition))" }.joined(separator: ", ")
            return Violation(at: arn.source.range, path: arn.source.path,
                             message: "ARN in \(arn.source.place) hard-codes partition '\(arn.partition)'" + reason,
                             resource: arn.source.resource, severity: !elsewhere.isEmpty ? .error : portable ? .warning : nil,
                             edits: arn.edits(putting: "AWS::Partition", at: arn.partitionRange, spelled: spelled,
                                              template: context.template) ?? [])
        }
    }
}
