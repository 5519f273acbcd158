import TapLintCore

/// The parameters a parent passes to a nested stack, against the child's
/// template: CloudFormation refuses the child as it would a deployment's values.
public struct NestedStackParameter: RepositoryRule {
    public static let description = RuleDescription(
        id: "DEP008", name: "nested-stack-parameter", category: .deployability, severity: .error,
        summary: "A parent passes a nested stack a parameter its template does not declare, leaves out a required one, or passes a value it rejects.",
        rationale: """
        A nested stack is created with the Parameters its parent passes, checked as any \
        stack's values are: a name the child's template does not declare, no value for a \
        parameter without a Default, or a value against the parameter's Type, \
        AllowedValues, AllowedPattern, lengths or range makes the child fail to create, \
        and the parent's deploy with it. When the child's TemplateURL (or a SAM \
        application's Location) is a local file checked in the same run, taplint reads its \
        Parameters and reports each problem at the parent's line. Values computed at deploy \
        time are only counted as passed; a NoEcho parameter's value is never printed. See \
        samples/repository.
        """,
        fix: "pass the parameters the child's template declares, with values it accepts",
        triggering: [],
        nonTriggering: [],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-stack.html"]
    )

    public init() {}

    public func check(_ stacks: Stacks) -> [PlacedViolation] {
        var found: [PlacedViolation] = []
        for (i, member) in stacks.members.enumerated() {
            for (j, nested) in member.facts.nested.enumerated() {
                guard let child = stacks.children[i][j], let alternatives = nested.parameters else { continue }
                for alternative in alternatives {
                    found += check(alternative, of: nested, member: i, child: stacks.members[child])
                }
            }
        }
        return found
    }

    /// What one way of the conditions passes, against the child's Parameters.
    private func check(_ alternative: StackFacts.Alternative, of nested: StackFacts.Nested, member i: Int,
                       child: Stacks.Member) -> [PlacedViolation] {
        let when = alternative.conditions.isEmpty ? "" : " when " + alternative.conditions.joined(separator: " and ")
        let declared = child.facts.parameters
        var found: [PlacedViolation] = []
        for value in alternative.passed {
            let path = nested.path + [.key(value.name)]
            guard let parameter = declared.first(where: { $0.name == value.name }) else {
                let guess = Suggestion.closest(to: value.name, in: declared.map(\.name))
                found.append(PlacedViolation(member: i, Violation(
                    at: value.range, path: path,
                    message: "\(nested.resource) passes \(value.name)\(when), which \(child.file) does not declare: the nested stack "
                        + "fails to create" + (guess.map { "; did you mean \($0)?" } ?? ""),
                    resource: nested.resource)))
                continue
            }
            guard let text = value.value, let problem = ParameterValueInvalid.problem(of: text, parameter) else { continue }
            found.append(PlacedViolation(member: i, Violation(
                at: value.range, path: path,
                message: "\(nested.resource) passes \(value.name) a value \(child.file) rejects\(when): \(problem)",
                resource: nested.resource)))
        }
        for parameter in declared where parameter["Default"] == nil && !alternative.passed.contains(where: { $0.name == parameter.name }) {
            found.append(PlacedViolation(member: i, Violation(
                at: nested.parametersRange, path: nested.path,
                message: "\(nested.resource) does not pass \(parameter.name)\(when), which has no Default in \(child.file): "
                    + "the nested stack fails to create",
                resource: nested.resource)))
        }
        return found
    }
}
