import TapLintCore

/// A `Type` CloudFormation does not know.
public struct UnknownResourceType: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH001", name: "unknown-resource-type", category: .schema, severity: .error,
        summary: "A resource's Type is not a CloudFormation resource type.",
        rationale: """
        CloudFormation rejects a template whose resource names a type it does not \
        know, usually a typo (`AWS::S3::Buckets`) or a type from another region's or \
        another service's vocabulary. The finding suggests the closest known type. \
        Custom resources (`Custom::*`), modules (`*::MODULE`) and types outside the \
        `AWS::` and `Alexa::` namespaces (private and third-party registry types) \
        are not judged, nor are templates that a macro or preprocessor rewrites first.
        """,
        fix: "use a resource type from the CloudFormation resource reference",
        triggering: [
            """
            Resources:
              Bucket:
                Type: ↓AWS::S3::Buckets
              Queue:
                Type: ↓AWS::SQS::Queu
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
              Config:
                Type: Custom::BucketConfig
                Properties:
                  ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:config
              Atlas:
                Type: MongoDB::Atlas::Cluster
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        guard !template.isRewrittenBeforeDeploy || template.isServerlessOnly else { return [] }
        return template.resources.compactMap { resource in
            guard let type = resource.type, type.hasPrefix("AWS::") || type.hasPrefix("Alexa::"),
                  !type.hasSuffix("::MODULE"), !resource.isCustom, !Catalog.contains(type),
                  let node = resource.body["Type"] else { return nil }
            return Violation(at: node.valueRange, path: [.key("Resources"), .key(resource.name), .key("Type")],
                             message: "unknown resource type '\(type)'", misspelt: type, candidates: Catalog.typeNames)
        }
    }
}
