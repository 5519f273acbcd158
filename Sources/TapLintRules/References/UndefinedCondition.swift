import TapLintCore

/// A condition name used but not declared under `Conditions`.
public struct UndefinedCondition: TemplateRule {
    public static let description = RuleDescription(
        id: "REF002", name: "undefined-condition", category: .reference, severity: .error,
        summary: "A resource Condition, Fn::If or Condition function names a condition that is not declared.",
        rationale: """
        A resource's or output's `Condition`, the first argument of `Fn::If` and the \
        `Condition` function inside condition expressions must each name a condition \
        declared in the `Conditions` section; CloudFormation rejects the template \
        otherwise.
        """,
        fix: "declare the condition under Conditions, or correct its name",
        triggering: [
            """
            Parameters:
              Stage:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              IsProdEast: !And [!Condition ↓IsProduction, !Equals [!Ref "AWS::Region", us-east-1]]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Condition: ↓IsPrd
                Properties:
                  DelaySeconds: !If [↓Prod, 0, 5]
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Stage:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              IsProdEast: !And [{Condition: IsProd}, !Equals [!Ref "AWS::Region", us-east-1]]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Condition: IsProd
                Properties:
                  DelaySeconds: !If [IsProdEast, 0, 5]
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        if template.isRewrittenBeforeDeploy, !template.isServerlessOnly { return [] }
        let declared = template.conditions.map(\.name)
        return context.references.conditionUses.compactMap { use in
            guard !template.hasCondition(use.name) else { return nil }
            return Violation(at: use.range, path: use.path, message: "condition '\(use.name)' is not declared under Conditions",
                             misspelt: use.name, candidates: declared)
        }
    }
}
