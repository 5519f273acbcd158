import TapLintCore

/// A reference to a resource that exists only under a condition, from a
/// place that can exist without it.
public struct UnguardedConditionalReference: TemplateRule {
    public static let description = RuleDescription(
        id: "REF006", name: "unguarded-conditional-reference", category: .reference, severity: .error,
        summary: "A Ref, GetAtt, Sub variable or DependsOn names a resource whose Condition can be false where the reference is made.",
        rationale: """
        CloudFormation first decides the conditions, drops every resource whose \
        condition is false, and only then resolves references. A reference to a \
        dropped resource from a resource or output that stays fails the deploy \
        ("Unresolved resource dependencies"), with the parameter values that make \
        the condition false: often the defaults. A reference is guarded by the \
        referring resource's or output's own `Condition` and by every `Fn::If` \
        branch around it; conditions are compared as formulas over the parameters' \
        values, so `Fn::And` of the condition and more, or an `Fn::Equals` on the \
        same parameter value, guards it too. The finding names parameter values \
        under which the deploy fails. cfn-lint reports the same as W1001 and E3005.
        """,
        fix: "give the referring resource or output the same Condition, or wrap the reference in Fn::If on it",
        triggering: [
            """
            Parameters:
              WithQueue:
                Type: String
                AllowedValues: [yes, no]
                Default: no
            Conditions:
              HasQueue: !Equals [!Ref WithQueue, yes]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Condition: HasQueue
              Topic:
                Type: AWS::SNS::Topic
                DependsOn: ↓Queue
                Properties:
                  DisplayName: !GetAtt ↓Queue.Arn
            Outputs:
              QueueUrl:
                Value: !Ref ↓Queue
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              WithQueue:
                Type: String
                AllowedValues: [yes, no]
              Stage:
                Type: String
            Conditions:
              HasQueue: !Equals [!Ref WithQueue, yes]
              ProdQueue: !And [!Condition HasQueue, !Equals [!Ref Stage, prod]]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Condition: HasQueue
              Alarm:
                Type: AWS::SNS::Topic
                Condition: ProdQueue
                Properties:
                  DisplayName: !GetAtt Queue.Arn
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  DisplayName: !If [HasQueue, !GetAtt Queue.Arn, none]
                  TopicName: !If [HasQueue, !Sub "${Queue.QueueName}-topic", !Ref AWS::NoValue]
            Outputs:
              QueueUrl:
                Condition: HasQueue
                Value: !Ref Queue
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        if template.isRewrittenBeforeDeploy, !template.isServerlessOnly { return [] }
        var answers: [ConditionModel.Guard: ConditionModel.Answer] = [:]  // the same guard is often asked many times
        func judge(_ reference: Reference) -> Violation? {
            guard let index = template.resourceIndex(of: reference.target),
                  let required = template.resources[index].condition?.string, context.conditions.knows(required) else { return nil }
            let owner: Declaration
            switch reference.owner {
            case .resource(let i): owner = template.resources[i].declaration
            case .output(let i): owner = template.outputs[i]
            case .condition, .other: return nil
            }
            var guards: [ConditionModel.Guard] = []
            if let condition = owner["Condition"] {
                guard let name = condition.string else { return nil }
                guards.append(.condition(name, true))
            }
            guard let taken = ConditionModel.Guard.taken(reference.branches) else { return nil }
            guards += taken
            // A counterexample: the reference is made while its target is dropped.
            let question = ConditionModel.Guard.all(guards + [.condition(required, false)])
            let answer = answers[question] ?? context.conditions.solve(question)
            answers[question] = answer
            guard case .when(let settings) = answer else { return nil }
            let values = settings.isEmpty ? "" : "with \(settings.map(\.description).joined(separator: ", ")), "
            let what = reference.kind == .dependsOn ? "DependsOn" : reference.kind.rawValue
            return Violation(at: reference.range, path: reference.path,
                             message: "\(what) to \(reference.target), which exists only when \(required) is true: "
                                 + "\(values)\(required) is false and \(owner.name) still makes the reference, so the deploy fails")
        }
        return context.references.references.violations(judge)
    }
}
