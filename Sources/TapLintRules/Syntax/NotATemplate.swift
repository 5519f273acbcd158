import TapLintCore

/// A file named on the command line that is not a CloudFormation template.
public enum NotATemplate: SourceRule {
    public static let description = RuleDescription(
        id: "SYN005", name: "not-a-template", category: .syntax, severity: .error,
        summary: "The file is empty, or not a mapping with `Resources` or `AWSTemplateFormatVersion`.",
        rationale: """
        A CloudFormation template is a mapping whose top level has `Resources` (and \
        usually `AWSTemplateFormatVersion`). A file named explicitly that is empty, a \
        bare value or list, or some other YAML document was most likely passed by \
        mistake, and linting it silently would hide that. A directory walk skips such \
        files instead and says how many it skipped.
        """,
        fix: "name a CloudFormation template, or leave this file out",
        triggering: [
            """
            ↓- just
            - a list
            """,
            """
            ↓name: my-app
            version: 1.0
            """,
        ],
        nonTriggering: [
            """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html"]
    )
}
