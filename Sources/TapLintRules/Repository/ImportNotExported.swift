import TapLintCore

/// An `Fn::ImportValue` that no template of the run exports.
public struct ImportNotExported: RepositoryRule {
    public static let description = RuleDescription(
        id: "REF008", name: "import-not-exported", category: .reference, severity: .info,
        summary: "Fn::ImportValue names an export that none of the templates checked together declares.",
        rationale: """
        A stack that imports a name no stack in the account and region exports fails to \
        create. When taplint checks several templates at once (a folder), it matches every \
        Fn::ImportValue against every Export of those templates, names built with Fn::Sub \
        or Fn::Join matched with their parameters and pseudo parameters as holes \
        (`${AWS::StackName}-SubnetIds` meets `shared-network-SubnetIds`). An import that \
        nearly meets an export (`shared-network-SubnetId`) is a warning with the export it \
        probably means; one that meets nothing is information, since it may come from a \
        stack outside the templates checked. Checked only when more than one template is \
        read; see samples/repository.
        """,
        fix: "import the name the other template exports",
        triggering: [],
        nonTriggering: [],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-exports.html"]
    )

    public init() {}

    public func check(_ stacks: Stacks) -> [PlacedViolation] {
        var found: [PlacedViolation] = []
        let exports = stacks.members.indices.flatMap { i in
            stacks.members[i].facts.exports.indices.map { Stacks.ExportRef(member: i, export: $0) }
        }
        for (i, member) in stacks.members.enumerated() {
            for (k, use) in member.facts.imports.enumerated() where stacks.exporters[i][k].isEmpty {
                var best: (ref: Stacks.ExportRef, distance: Int)?
                for ref in exports where ref.member != i {
                    guard let distance = stacks.export(ref).name.nearMiss(use.name) else { continue }
                    if let current = best, current.distance <= distance { continue }
                    best = (ref, distance)
                }
                if let best {
                    let export = stacks.export(best.ref)
                    found.append(PlacedViolation(member: i, Violation(
                        at: use.range, path: use.path,
                        message: "imports '\(use.name)', which no template here exports; did you mean '\(export.name)' "
                            + "(\(stacks.members[best.ref.member].file), output \(export.output))?",
                        resource: use.resource, fix: "import '\(export.name)'", severity: .warning)))
                } else {
                    found.append(PlacedViolation(member: i, Violation(
                        at: use.range, path: use.path,
                        message: "imports '\(use.name)', which none of the \(stacks.members.count) templates checked here exports: "
                            + "it must come from a stack outside them",
                        resource: use.resource)))
                }
            }
        }
        return found
    }
}
