import TapLintCore

/// One export name declared by two templates of the run.
public struct DuplicateExport: RepositoryRule {
    public static let description = RuleDescription(
        id: "DEP009", name: "duplicate-export", category: .deployability, severity: .error,
        summary: "Two templates checked together export the same name; exports are unique in an account and region.",
        rationale: """
        An export name belongs to one stack in an account and region: the second stack \
        that declares it fails to create. When taplint checks several templates at once, \
        an export name written as the same text in two of them is reported at each, naming \
        the other. Names built from the stack's name or parameters differ from stack to \
        stack and are left alone, and so is one template kept in two formats beside itself \
        (`lambda.json` and `lambda.yaml`, as AWS's samples ship them): only one of them is \
        deployed. See samples/repository.
        """,
        fix: "build the name from the stack's name (!Sub \"${AWS::StackName}-…\") or rename one",
        triggering: [],
        nonTriggering: [],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-exports.html"]
    )

    public init() {}

    public func check(_ stacks: Stacks) -> [PlacedViolation] {
        var owners: [String: [Stacks.ExportRef]] = [:]
        var order: [String] = []
        for (i, member) in stacks.members.enumerated() {
            for (k, export) in member.facts.exports.enumerated() {
                guard let text = export.name.literal else { continue }
                if owners[text] == nil { order.append(text) }
                owners[text, default: []].append(Stacks.ExportRef(member: i, export: k))
            }
        }
        var found: [PlacedViolation] = []
        for text in order {
            let refs = owners[text] ?? []
            // One template written twice (JSON and YAML) counts once.
            let files = Set(refs.map(\.member))
            let templates = Set(files.map { Self.stem(stacks.members[$0].file) })
            guard templates.count > 1 else { continue }
            for ref in refs {
                let own = Self.stem(stacks.members[ref.member].file)
                let others = files.filter { Self.stem(stacks.members[$0].file) != own }.sorted().map { stacks.members[$0].file }
                let export = stacks.export(ref)
                found.append(PlacedViolation(member: ref.member, Violation(
                    at: export.range, path: export.path,
                    message: "the export '\(text)' (output \(export.output)) is also declared by \(others.joined(separator: ", ")): "
                        + "the second stack to deploy fails to create")))
            }
        }
        return found
    }

    /// A file's path without its extension: `a/lambda.json` and `a/lambda.yaml` are one template.
    static func stem(_ file: String) -> Substring {
        let name = file.lastIndex(of: "/").map { file.index(after: $0) } ?? file.startIndex
        return file[..<(file[name...].lastIndex(of: ".") ?? file.endIndex)]
    }
}
