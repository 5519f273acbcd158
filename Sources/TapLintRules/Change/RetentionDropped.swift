import TapLintCore

/// A data-holding resource that was retained on deletion and no longer is.
public struct RetentionDropped: ChangeRule {
    public static let description = RuleDescription(
        id: "CHG004", name: "retention-dropped", category: .change, severity: .warning,
        summary: "A resource that holds data loses DeletionPolicy: Retain or Snapshot.",
        rationale: """
        A DeletionPolicy of Retain (or Snapshot) is what keeps a table, bucket or database \
        when it leaves the stack, by a removal, a rename or a stack deletion. Dropping it \
        is harmless in itself, but it arms the next such change to delete the data: it is \
        the step before the accident, and worth a second look in review.
        """,
        fix: "keep DeletionPolicy: Retain (or Snapshot) on resources that hold data",
        triggering: [
            """
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                DeletionPolicy: Retain
                Properties:
                  RetentionInDays: 30
            ---
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                ↓DeletionPolicy: Delete
                Properties:
                  RetentionInDays: 30
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                DeletionPolicy: Retain
                Properties:
                  RetentionInDays: 30
            ---
            Resources:
              Logs:
                Type: AWS::Logs::LogGroup
                DeletionPolicy: RetainExceptOnCreate
                Properties:
                  RetentionInDays: 90
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html"]
    )

    public init() {}

    public func check(_ change: TemplateChange) -> [Violation] {
        change.kept.compactMap { pair in
            guard let name = pair.new.type, name == pair.old.type, Catalog.type(named: name)?.holdsData == true,
                  TemplateChange.keeps(pair.old.declaration["DeletionPolicy"]), !TemplateChange.keeps(pair.new.declaration["DeletionPolicy"]) else { return nil }
            let entry = pair.new.body.entry("DeletionPolicy")
            return Violation(at: (entry?.key ?? pair.new.declaration.key).range,
                             path: [.key("Resources"), .key(pair.new.name)] + (entry == nil ? [] : [.key("DeletionPolicy")]),
                             message: "\(pair.new.name) (\(name)) no longer has DeletionPolicy: "
                                 + "\(pair.old.declaration["DeletionPolicy"]?.string ?? "Retain"): removing or renaming it later deletes its data")
        }
    }
}
