import TapLintCore

/// A suppression that does not say why.
public enum SuppressionWithoutReason: SourceRule {
    public static let description = RuleDescription(
        id: "BP003", name: "suppression-without-reason", category: .bestPractice, severity: .info,
        summary: "A taplint ignore gives no reason.",
        rationale: """
        Whoever reads the template next, a reviewer or an auditor, needs to know why a \
        finding was accepted and by whom, or they will either remove the suppression or \
        copy it. Give every suppression a reason: `reason:` in Metadata, or the text \
        after `--` in a comment.
        """,
        fix: "add a reason: `reason: ...` in Metadata, or `-- reason` after the rule in a comment",
        triggering: [
            """
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                DependsOn: Missing   ↓# taplint: ignore REF001
              Queue:
                Type: AWS::SQS::Queue
                Metadata:
                  taplint:
                    ignore: [↓undefined-reference]
                Properties:
                  QueueName: !Ref Nowhere
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                # taplint: ignore REF001 -- created by the platform stack, reviewed 2026-11
                DependsOn: Missing
            """,
        ],
        references: []
    )
}
