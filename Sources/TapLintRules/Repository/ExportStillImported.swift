import TapLintCore

/// An export the change removes or renames while another template of the
/// run still imports it.
public struct ExportStillImported: RepositoryRule {
    public static let description = RuleDescription(
        id: "CHG005", name: "export-still-imported", category: .change, severity: .error,
        summary: "The change removes or renames an export that another template checked in the same run imports.",
        rationale: """
        CloudFormation refuses to update a stack in a way that removes or renames an \
        export another stack imports ("Cannot delete export … as it is in use by …"), and \
        the deploy fails after the rest of the change set has run. With --base, when the \
        importing template is checked in the same run, taplint names it, file and line; \
        the finding takes the place of CHG003's, which can only say that some stack may \
        import the export. Remove the import first, or keep the old export beside the new \
        one until no stack reads it.
        """,
        fix: "remove the import first, or keep the old export beside the new one",
        triggering: [],
        nonTriggering: [],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-exports.html"]
    )

    /// The finding at the same place that this one replaces.
    public static let supersedes: String? = ExportRemoved.description.id

    public init() {}

    public func check(_ stacks: Stacks) -> [PlacedViolation] {
        var found: [PlacedViolation] = []
        for (i, member) in stacks.members.enumerated() {
            for removed in member.facts.removedExports {
                var importers: [String] = []
                for (j, other) in stacks.members.enumerated() where j != i {
                    for use in other.facts.imports where use.name.mayEqual(removed.name) {
                        importers.append("\(other.file):\(use.range.start.line)")
                    }
                }
                guard !importers.isEmpty else { continue }
                var violation = removed.violation
                violation.message = "the export '\(removed.name)' (output \(removed.output)) is gone, and "
                    + importers.prefix(3).joined(separator: ", ") + (importers.count > 3 ? " and \(importers.count - 3) more" : "")
                    + " \(importers.count == 1 ? "imports" : "import") it: CloudFormation refuses the update while it is in use"
                violation.severity = nil
                found.append(PlacedViolation(member: i, violation))
            }
        }
        return found
    }
}
