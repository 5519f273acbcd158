import TapLintCore

/// A mapping key that is a list or a mapping.
public enum NonStringKey: SourceRule {
    public static let description = RuleDescription(
        id: "SYN006", name: "non-string-key", category: .syntax, severity: .error,
        summary: "A mapping key is a list or a mapping instead of a string.",
        rationale: """
        YAML allows complex keys (`? [a, b]`), but CloudFormation, like JSON, only has \
        string keys; such a template cannot be converted and is rejected.
        """,
        fix: "use a plain string as the key",
        triggering: [
            """
            Resources:
              ? ↓[Bucket, Queue]
              : Type: AWS::S3::Bucket
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html"]
    )
}
