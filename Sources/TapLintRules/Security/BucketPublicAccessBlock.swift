import TapLintCore

/// An S3 bucket without a full public access block.
public struct BucketPublicAccessBlock: TemplateRule {
    public static let description = RuleDescription(
        id: "SEC002", name: "bucket-public-access-block", category: .security, severity: .warning,
        summary: "An S3 bucket does not block public access with all four settings.",
        rationale: """
        A public ACL or bucket policy, added later by a person or a tool, makes a \
        bucket's objects readable by anyone. `PublicAccessBlockConfiguration` with all \
        four settings true (`BlockPublicAcls`, `BlockPublicPolicy`, `IgnorePublicAcls`, \
        `RestrictPublicBuckets`) makes that impossible for this bucket, whatever else \
        changes. Buckets meant for public websites are the exception: suppress the \
        finding there, with the reason.
        """,
        fix: "add PublicAccessBlockConfiguration with all four settings true",
        triggering: [
            """
            Resources:
              ↓Logs:
                Type: AWS::S3::Bucket
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  ↓PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: false
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: true
                    IgnorePublicAcls: true
                    RestrictPublicBuckets: true
            """,
        ],
        references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"]
    )

    static let settings = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.template.resources.compactMap { resource in
            guard resource.type == "AWS::S3::Bucket" else { return nil }
            let base: [PathElement] = [.key("Resources"), .key(resource.name)]
            guard let entry = resource.properties?.entry("PublicAccessBlockConfiguration") else {
                return Violation(at: resource.declaration.key.range, path: base,
                                 message: "\(resource.name) has no PublicAccessBlockConfiguration")
            }
            if entry.value.intrinsic != nil { return nil }
            let missing = Self.settings.filter { setting in
                guard let value = entry.value[setting] else { return true }
                return value.intrinsic == nil && value.scalar?.boolValue != true && value.string?.lowercased() != "true"
            }
            guard !missing.isEmpty else { return nil }
            return Violation(at: entry.key.range, path: base + [.key("Properties"), .key("PublicAccessBlockConfiguration")],
                             message: "\(resource.name)'s PublicAccessBlockConfiguration does not set \(missing.joined(separator: ", ")) to true")
        }
    }
}
