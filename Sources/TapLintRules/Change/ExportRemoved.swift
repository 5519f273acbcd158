import TapLintCore

/// An exported output removed or renamed, which stacks may import.
public struct ExportRemoved: ChangeRule {
    public static let description = RuleDescription(
        id: "CHG003", name: "export-removed", category: .change, severity: .error,
        summary: "An output's Export is removed or renamed while other stacks may import it.",
        rationale: """
        Another stack that reads an export with `Fn::ImportValue` pins it: CloudFormation \
        refuses to update a stack in a way that removes or renames an export in use, and \
        the deploy fails after the rest of the change set has run. Remove the imports \
        first (or keep the old export beside the new one until they are gone).
        """,
        fix: "keep the export until no stack imports it (aws cloudformation list-imports)",
        triggering: [
            """
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            Outputs:
              TopicArn:
                Value: !Ref Topic
                Export: {Name: shared-topic}
            ---
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            Outputs:
              TopicArn:
                Value: !Ref Topic
                ↓Export: {Name: orders-topic}
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            Outputs:
              TopicArn:
                Value: !Ref Topic
                Export: {Name: !Sub "${AWS::StackName}-topic"}
            ---
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            Outputs:
              Arn:
                Description: moved under another output name; the export stays
                Value: !Ref Topic
                Export:
                  Name: !Sub "${AWS::StackName}-topic"
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-exports.html"]
    )

    public init() {}

    public func check(_ change: TemplateChange) -> [Violation] {
        Self.removals(change).map(\.violation)
    }

    /// An export the new version no longer has, and where it is reported.
    struct Removal {
        var name: Node
        var output: String
        var violation: Violation
    }

    static func removals(_ change: TemplateChange) -> [Removal] {
        let exported = change.new.outputs.compactMap { $0["Export"]?["Name"] }
        return change.old.outputs.compactMap { output in
            guard let name = output["Export"]?["Name"], !exported.contains(where: { SameValue.equal($0, name) }) else { return nil }
            let shown = name.string.map { "'\($0)'" } ?? "of \(output.name)"
            // Point at the output's Export now, or at Outputs when the output is gone.
            let message = "the export \(shown) (output \(output.name)) is gone: a stack that imports it makes the update fail"
            // Renamed, it is pointed at in the new version; removed, where the old one had it.
            guard let now = change.new.outputs.first(where: { $0.name == output.name }) else {
                return Removal(name: name, output: output.name, violation: Violation(
                    at: output.key.range, path: [.key("Outputs"), .key(output.name)], message: message, file: change.base))
            }
            return Removal(name: name, output: output.name, violation: Violation(
                at: (now.body.entry("Export")?.key ?? now.key).range, path: [.key("Outputs"), .key(output.name)], message: message))
        }
    }
}
