import TapLintCore

/// A suppression that silences nothing.
public enum UnusedSuppression: SourceRule {
    public static let description = RuleDescription(
        id: "BP002", name: "unused-suppression", category: .bestPractice, severity: .info,
        summary: "A taplint ignore (in Metadata or a comment) suppresses no finding.",
        rationale: """
        A suppression outlives the problem it was written for: the policy gets scoped, \
        the resource renamed, the rule id mistyped. Left in place it suggests a risk \
        that no longer exists, or silently hides the next real finding of that rule at \
        that place. Remove suppressions that no longer suppress anything. (cfn-lint's \
        `Metadata: cfn-lint: config: ignore_checks` are honoured for the taplint rules that \
        check the same thing, and never reported here.)
        """,
        fix: "remove the suppression, or correct the rule it names",
        triggering: [
            """
            Metadata:
              taplint:
                ignore:
                  - rule: ↓CYC001
                    reason: no cycle here any more
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  DelaySeconds: 5   ↓# taplint: ignore REF001 -- legacy name
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Metadata:
                  taplint:
                    ignore:
                      - rule: undefined-reference
                        reason: the topic comes from a nested stack, reviewed 2026-11
                Properties:
                  RedrivePolicy:
                    deadLetterTargetArn: !Ref SharedTopic
            """,
        ],
        references: []
    )
}
