import TapLintCore

/// A `!Tag` that CloudFormation does not know.
public enum UnknownTag: SourceRule {
    public static let description = RuleDescription(
        id: "SYN003", name: "unknown-tag", category: .syntax, severity: .error,
        summary: "A YAML tag is not one of CloudFormation's intrinsic-function short forms.",
        rationale: """
        CloudFormation's YAML understands the short forms of its intrinsic functions \
        (`!Ref`, `!Sub`, `!GetAtt`, `!If`, …) and nothing else; any other tag, often a \
        typo such as `!Subb` or a tag from another tool, makes the template fail to \
        validate. The functions of the `Rules` section (`!Contains`, `!ValueOf`, …) are \
        accepted, and so are the `!Rain::` directives that the Rain CLI expands before \
        it deploys a template.
        """,
        fix: "use one of the intrinsic-function short forms, or the long form {\"Fn::Name\": ...}",
        triggering: [
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: ↓!Subb "${AWS::StackName}-data"
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${AWS::StackName}-data"
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html"]
    )
}
