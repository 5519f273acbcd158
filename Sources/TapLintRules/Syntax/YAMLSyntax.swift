import TapLintCore

/// The file cannot be read as YAML or JSON.
public enum YAMLSyntax: SourceRule {
    public static let description = RuleDescription(
        id: "SYN001", name: "yaml-syntax", category: .syntax, severity: .error,
        summary: "The file is not valid YAML or JSON.",
        rationale: """
        CloudFormation rejects a template it cannot parse before it looks at a single \
        resource, and no other check can run on it either. The finding gives the line \
        and column where the reader gave up and what it expected there; the real mistake \
        is often just before it (an unclosed quote or bracket, a tab used for indentation, \
        a missing colon).
        """,
        fix: "correct the YAML at the position given",
        triggering: [
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: [unclosed
            ↓
            """,
            """
            Resources:
              Bucket:
            ↓\tType: AWS::S3::Bucket
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: [closed]
            """,
            """
            {"Resources": {"Bucket": {"Type": "AWS::S3::Bucket"}}}
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html"]
    )
}
