import TapLintCore

/// A versioned bucket that keeps old versions forever.
public struct NoncurrentVersionLifecycle: TemplateRule {
    public static let description = RuleDescription(
        id: "BP007", name: "noncurrent-version-lifecycle", category: .bestPractice, severity: .info,
        summary: "A versioned S3 bucket has no lifecycle rule for noncurrent versions.",
        rationale: """
        With versioning on, every overwrite and delete keeps the old version, and each \
        one is billed as storage until it is deleted. A lifecycle rule with \
        `NoncurrentVersionExpiration` (or transitions to cheaper storage) keeps the \
        protection and bounds the cost.
        """,
        fix: "add a LifecycleConfiguration rule with NoncurrentVersionExpiration",
        triggering: [
            """
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  ↓VersioningConfiguration:
                    Status: Enabled
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration:
                    Status: Enabled
                  LifecycleConfiguration:
                    Rules:
                      - Status: Enabled
                        NoncurrentVersionExpiration:
                          NoncurrentDays: 30
            """,
        ],
        references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-configuration-examples.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.template.resources.compactMap { resource in
            guard resource.type == "AWS::S3::Bucket", let entry = resource.properties?.entry("VersioningConfiguration"),
                  Versioning.isEnabled(resource, in: context.template) else { return nil }
            let rules = resource.properties?["LifecycleConfiguration"]?["Rules"]
            if rules?.intrinsic != nil { return nil }
            let handles = (rules?.sequence ?? []).contains { rule in
                rule.intrinsic != nil || ["NoncurrentVersionExpiration", "NoncurrentVersionExpirationInDays",
                                          "NoncurrentVersionTransitions", "NoncurrentVersionTransition"].contains { rule[$0] != nil }
            }
            guard !handles else { return nil }
            return Violation(at: entry.key.range, path: [.key("Resources"), .key(resource.name), .key("Properties"), .key("VersioningConfiguration")],
                             message: "\(resource.name) keeps every old version forever (no lifecycle rule for noncurrent versions)")
        }
    }
}
