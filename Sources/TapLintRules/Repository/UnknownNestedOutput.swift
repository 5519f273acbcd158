import TapLintCore

/// `Fn::GetAtt Child.Outputs.Name` where the child's template has no such output.
public struct UnknownNestedOutput: RepositoryRule {
    public static let description = RuleDescription(
        id: "REF009", name: "unknown-nested-output", category: .reference, severity: .error,
        summary: "A nested stack's output is read (GetAtt Child.Outputs.Name) that the child's template does not declare.",
        rationale: """
        A parent reads a nested stack's outputs as `Fn::GetAtt [Child, Outputs.Name]`. \
        CloudFormation resolves it only after creating the child, so a name the child's \
        template does not declare fails the parent's deploy after the child is built. \
        When the child's TemplateURL (or a SAM application's Location) is a local file, as \
        `aws cloudformation package` and `sam package` take it, and that file is checked \
        in the same run, taplint reads the child's Outputs and names the closest one. See \
        samples/repository.
        """,
        fix: "read an output the child declares",
        triggering: [],
        nonTriggering: [],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudformation-stack.html"]
    )

    public init() {}

    public func check(_ stacks: Stacks) -> [PlacedViolation] {
        var found: [PlacedViolation] = []
        for (i, member) in stacks.members.enumerated() {
            for use in member.facts.outputUses {
                guard let j = member.facts.nested.firstIndex(where: { $0.resource == use.resource }),
                      let child = stacks.children[i][j] else { continue }
                let outputs = stacks.members[child].facts.outputs
                guard !outputs.contains(use.output) else { continue }
                let guess = Suggestion.closest(to: use.output, in: outputs)
                let known = outputs.isEmpty ? "it declares no outputs"
                    : "it declares " + Suggestion.ranked(outputs, like: use.output).prefix(5).joined(separator: ", ")
                found.append(PlacedViolation(member: i, Violation(
                    at: use.range, path: use.path,
                    message: "\(use.resource).Outputs.\(use.output): \(stacks.members[child].file) has no output \(use.output)"
                        + (guess.map { "; did you mean \($0)?" } ?? " (\(known))"),
                    resource: use.resource, fix: guess.map { "read Outputs.\($0)" })))
            }
        }
        return found
    }
}
