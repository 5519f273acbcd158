import TapLintCore

/// A suppression that names a rule taplint does not have.
public enum UnknownSuppressedRule: SourceRule {
    public static let description = RuleDescription(
        id: "BP008", name: "unknown-rule-in-suppression", category: .bestPractice, severity: .warning,
        summary: "A taplint ignore (in Metadata or a comment) names a rule or category that does not exist.",
        rationale: """
        A mistyped rule id in a suppression (`IAM099` for `IAM009`) silences nothing, \
        so the finding it was written for is still reported, or worse, the author \
        believes a risk was reviewed when the suppression never applied. The finding \
        names the closest rule id, name or category. (cfn-lint's `ignore_checks` may \
        name checks taplint does not have, and are never reported here.)
        """,
        fix: "name a rule id (IAM009), a rule name (iam-resource-star) or a category (iam)",
        triggering: [
            """
            Resources:
              Role:
                Type: AWS::IAM::Role
                Metadata:
                  taplint:
                    ignore:
                      - rule: ↓IAM099
                        reason: reviewed 2026-11
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Service: lambda.amazonaws.com}
                        Action: sts:AssumeRole
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  DelaySeconds: 5   ↓# taplint: ignore undefined-refrence -- legacy name
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
                      - rule: reference
                        reason: the topic comes from a nested stack, reviewed 2026-11
                      - rule: REF001
                        reason: the same, by id
                  cfn-lint:
                    config:
                      ignore_checks: [W9999]
                Properties:
                  RedrivePolicy:
                    deadLetterTargetArn: !Ref SharedTopic
            """,
        ],
        references: []
    )

    /// The rule ids, names and categories a suppression may name.
    public static let names: [String] = RuleRegistry.all.flatMap { [$0.id, $0.name] } + Category.allCases.map(\.rawValue)

    /// True when `entry` names a rule or category, as `Suppression.covers` matches them.
    static func exists(_ entry: String) -> Bool {
        RuleRegistry.rule(named: entry) != nil || Category(rawValue: entry) != nil
    }
}
