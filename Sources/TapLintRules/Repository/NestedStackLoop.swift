import TapLintCore

/// A template whose nested stacks lead back to itself.
public struct NestedStackLoop: RepositoryRule {
    public static let description = RuleDescription(
        id: "CYC003", name: "nested-stack-loop", category: .circularDependency, severity: .error,
        summary: "A template is made, through its nested stacks, a nested stack of itself: it cannot be created.",
        rationale: """
        Creating a stack creates its nested stacks first, from their templates. A template \
        whose nested stack is made from the same template, directly or through others \
        (a.yaml nests b.yaml, which nests a.yaml), would nest without end: CloudFormation \
        stops at its nesting limit and the whole stack fails to create. When the nested \
        stacks' TemplateURL (or a SAM application's Location) are local files checked in the \
        same run, taplint follows them and reports each nested stack that closes such a loop. \
        See `taplint graph DIR` for the picture.
        """,
        fix: "point the nested stack at the template it means; a template cannot contain itself",
        triggering: [],
        nonTriggering: [],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-nested-stacks.html"]
    )

    public init() {}

    public func check(_ stacks: Stacks) -> [PlacedViolation] {
        let next = stacks.children.map { $0.compactMap { $0 } }
        let component = ImportLoop.components(next)
        var found: [PlacedViolation] = []
        for (i, member) in stacks.members.enumerated() {
            for (j, nested) in member.facts.nested.enumerated() {
                // An edge inside a loop: to itself, or to a template of the same component.
                guard let child = stacks.children[i][j], child == i || component[child] == component[i] else { continue }
                let loop = child == i ? "itself" : stacks.members[child].file + ", which leads back to \(member.file)"
                found.append(PlacedViolation(member: i, Violation(
                    at: nested.locationRange, path: nested.locationPath,
                    message: "\(nested.resource) is made from \(loop): the stacks would nest without end and fail to create",
                    resource: nested.resource)))
            }
        }
        return found
    }
}
