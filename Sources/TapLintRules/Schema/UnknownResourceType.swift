import TapLintCore

/// A `Type` CloudFormation does not know.
public struct UnknownResourceType: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH001", name: "unknown-resource-type", category: .schema, severity: .error,
        summary: "A resource's Type is not a CloudFormation resource type.",
        rationale: """
        CloudFormation rejects a template whose resource names a type it does not \
        know, usually a typo (`AWS::S3::Buckets`): an error that names the closest \
        known type. A type close to none may instead be newer than taplint's catalog, \
        which is made from the schemas cfn-lint ships on the day of its release: that \
        is a warning that says the catalog's source and date and how to refresh it, \
        and nothing else judges that resource's properties or its ARNs. \
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
              Image:
                Type: ↓AWS::Lambda::MicrovmImage
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

    /// How far a type may be from a known one to be taken for a typo of it:
    /// a couple of letters, more in a long name (`AWS::DynamoDB::Tabel`),
    /// never so many that a new type of a known service (`AWS::Lambda::
    /// MicrovmImage`) reads as a misspelt old one.
    static func typoLimit(_ type: String) -> Int {
        let name = type.split(separator: ":").last.map(String.init) ?? type
        return max(2, name.count / 4)
    }

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        guard !template.isRewrittenBeforeDeploy || template.isServerlessOnly else { return [] }
        return template.resources.compactMap { resource in
            guard let type = resource.type, type.hasPrefix("AWS::") || type.hasPrefix("Alexa::"),
                  !type.hasSuffix("::MODULE"), !resource.isCustom,
                  // The schema check has looked up every type once already.
                  context.schema.types[type] == nil, !Catalog.contains(type),
                  let node = resource.body["Type"] else { return nil }
            let path: [PathElement] = [.key("Resources"), .key(resource.name), .key("Type")]
            if let guess = Suggestion.closest(to: type, in: Catalog.typeNames, limit: Self.typoLimit(type)) {
                return Violation(at: node.valueRange, path: path,
                                 message: "unknown resource type '\(type)'; did you mean '\(guess)'?", fix: "use '\(guess)'")
            }
            return Violation(at: node.valueRange, path: path,
                             message: "'\(type)' is not in taplint's catalog (\(Catalog.provenance)); "
                                + "if the type is newer than that, CloudFormation may know it",
                             fix: "check the type in the CloudFormation resource reference; to refresh the catalog: "
                                + "pip install --upgrade cfn-lint aws-sam-translator && scripts/gen-catalog "
                                + "> Sources/TapLintCore/Catalog/CatalogData.swift, then rebuild",
                             severity: .warning)
        }
    }
}
