import TapLintCore

/// Input built to exhaust memory or stack: huge files, deep nesting, alias bombs.
public enum InputTooComplex: SourceRule {
    public static let description = RuleDescription(
        id: "SYN004", name: "input-too-complex", category: .syntax, severity: .error,
        summary: "The file is larger, deeper or expands to more than any template can.",
        rationale: """
        CloudFormation accepts template bodies of at most 1 MB, and real templates nest \
        a few dozen levels at most. A file far beyond that, nesting hundreds of levels \
        deep, or using YAML aliases that expand to millions of nodes (an "alias bomb") is \
        either a mistake or an attack on the tools that read it. taplint stops reading \
        such a file at the point it goes too far, instead of running out of memory.
        """,
        fix: "flatten the structure or remove the aliases; split very large templates into nested stacks",
        triggering: [
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Metadata:
                  Deep: \(String(repeating: "[", count: 196))↓[\(String(repeating: "]", count: 197))
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Metadata:
                  Deep: [[[[[[[[[[x]]]]]]]]]]
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html"]
    )
}
