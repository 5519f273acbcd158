import TapLintCore

/// A property (or resource attribute) the resource type does not have.
public struct UnknownProperty: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH002", name: "unknown-property", category: .schema, severity: .error,
        summary: "A resource has a property, or an attribute, that its type does not define.",
        rationale: """
        CloudFormation validates properties against the resource type's schema and \
        rejects names it does not define, at any depth: a misspelt `BucketNmae`, a \
        property of a different type pasted in, a `Propertes:` that silently hides every \
        property below it. The finding names the closest valid property. Where the \
        schema offers alternatives (JSON Schema's `oneOf`/`anyOf`: an S3 log format \
        with either `SimplePrefix` or `PartitionedPrefix`), a value is valid when one \
        alternative accepts it, and setting properties of two is reported. Custom \
        resources take any properties, and templates that a macro or preprocessor \
        rewrites first are not judged.
        """,
        fix: "use a property the resource type defines",
        triggering: [
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  ↓BucketNmae: logs
                  VersioningConfiguration:
                    ↓State: Enabled
              Queue:
                Type: AWS::SQS::Queue
                ↓Propertes:
                  DelaySeconds: 5
              Logged:
                Type: AWS::S3::Bucket
                Properties:
                  LoggingConfiguration:
                    TargetObjectKeyFormat:
                      SimplePrefix: {}
                      ↓PartitionedPrefix:
                        PartitionDateSource: EventTime
            """,
        ],
        nonTriggering: [
            """
            Conditions:
              Never: !Equals [a, b]
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: logs
                  VersioningConfiguration: !If [Never, !Ref AWS::NoValue, {Status: Enabled}]
              Logged:
                Type: AWS::S3::Bucket
                Properties:
                  LoggingConfiguration:
                    DestinationBucketName: logs
                    TargetObjectKeyFormat:
                      PartitionedPrefix:
                        PartitionDateSource: EventTime
              Endpoint:
                Type: AWS::SageMaker::Endpoint
                Properties:
                  EndpointName: orders   # read-only and create-only: settable
                  EndpointConfigName: orders-config
              Config:
                Type: Custom::Anything
                Properties:
                  ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:config
                  WhateverIWant: 1
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.schema.problems.compactMap { problem in
            if case .exclusiveProperty(let name, let others) = problem.kind {
                let beside = others.isEmpty ? "" : " together with " + others.map { "'\($0)'" }.joined(separator: ", ")
                return Violation(at: problem.range, path: problem.path,
                                 message: "\(problem.subject) sets '\(name)'\(beside) at \(Array(problem.path.dropFirst(2).dropLast()).dotted); "
                                    + "the schema takes one or the other, not both",
                                 resource: problem.resourceName, fix: "keep only one of them")
            }
            guard case .unknownProperty(let name, let candidates) = problem.kind else { return nil }
            let message = problem.path.count == 3
                ? "'\(name)' is not a resource attribute"
                : "\(problem.subject) has no property '\(name)' at \(Array(problem.path.dropFirst(2)).dotted)"
            return Violation(at: problem.range, path: problem.path, message: message, resource: problem.resourceName,
                             misspelt: name, candidates: candidates)
        }
    }
}
