import TapLintCore

/// A condition that no parameter values can make true, or false.
public struct ConstantCondition: TemplateRule {
    public static let description = RuleDescription(
        id: "BP009", name: "constant-condition", category: .bestPractice, severity: .warning,
        summary: "A condition is true for every set of parameter values, or for none.",
        rationale: """
        A condition exists to choose between deployments. One that can never be true \
        (`!Equals [!Ref Env, prod]` where Env allows only dev and test, or an `!And` of \
        opposites) silently removes the resources and outputs that use it; one that is \
        always true guards nothing. Both usually mean a typo in a value or a parameter's \
        AllowedValues that changed. Conditions are decided over the values each \
        parameter can take (its AllowedValues, or any value); a condition that reads a \
        mapping or a function's result is not judged. Checked for one deployment \
        (parameter values, regions) every condition is constant, so the rule waits for a \
        check without them.
        """,
        fix: "correct the compared value or the parameter's AllowedValues, or remove the condition",
        triggering: [
            """
            Parameters:
              Env:
                Type: String
                AllowedValues: [dev, test]
            Conditions:
              ↓IsProd: !Equals [!Ref Env, prod]
              ↓Always: !Or [!Equals [!Ref Env, dev], !Equals [!Ref Env, test]]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Condition: IsProd
              Queue:
                Type: AWS::SQS::Queue
                Condition: Always
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Env:
                Type: String
                AllowedValues: [dev, test, prod]
              Name:
                Type: String
            Mappings:
              Regions:
                us-east-1: {Primary: "true"}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              Named: !Not [!Equals [!Ref Name, ""]]
              Primary: !Equals [!FindInMap [Regions, !Ref AWS::Region, Primary], "true"]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Condition: IsProd
              Queue:
                Type: AWS::SQS::Queue
                Condition: Named
              Bucket:
                Type: AWS::S3::Bucket
                Condition: Primary
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        // A deployment fixes the values: its conditions are meant to be constant.
        guard context.options.deployed.isEmpty else { return [] }
        return context.template.conditions.compactMap { condition in
            let model = context.conditions
            let path: [PathElement] = [.key("Conditions"), .key(condition.name)]
            if model.solve(.condition(condition.name, true)) == .never {
                return Violation(at: condition.key.range, path: path,
                                 message: "\(condition.name) is false for every value its parameters can take, "
                                     + "so what it guards is never deployed")
            }
            if model.solve(.condition(condition.name, false)) == .never {
                return Violation(at: condition.key.range, path: path,
                                 message: "\(condition.name) is true for every value its parameters can take, so it guards nothing")
            }
            return nil
        }
    }
}
