import TapLintCore

/// A mapping repeats a key.
public enum DuplicateKey: SourceRule {
    public static let description = RuleDescription(
        id: "SYN002", name: "duplicate-key", category: .syntax, severity: .error,
        summary: "A mapping has the same key twice.",
        rationale: """
        YAML forbids duplicate keys, but many readers, CloudFormation's among them, \
        quietly keep one of the values. A second `Properties` or a repeated resource \
        name then silently throws away half of what the author wrote. The finding \
        points at the second key and names the line of the first.
        """,
        fix: "remove or rename one of the two keys",
        triggering: [
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
              ↓Bucket:
                Type: AWS::SQS::Queue
            """,
            """
            {"Resources": {"Queue": {"Type": "AWS::SQS::Queue", ↓"Type": "AWS::SNS::Topic"}}}
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
              Queue:
                Type: AWS::SQS::Queue
            """,
        ],
        references: ["https://yaml.org/spec/1.1/#id932806"]
    )
}
