import TapLintCore

/// A DynamoDB table without point-in-time recovery.
public struct TablePointInTimeRecovery: TemplateRule {
    public static let description = RuleDescription(
        id: "VER003", name: "table-point-in-time-recovery", category: .versioning, severity: .warning,
        summary: "A DynamoDB table does not enable point-in-time recovery.",
        rationale: """
        Point-in-time recovery is the table-level form of versioning: it lets you \
        restore the table to any second of the last 35 days after a bad write or delete. \
        Without it, only on-demand backups someone remembered to take can help.
        """,
        fix: "set PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled to true",
        triggering: [
            """
            Resources:
              ↓Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  PointInTimeRecoverySpecification:
                    PointInTimeRecoveryEnabled: true
            """,
        ],
        references: ["https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.template.resources.compactMap { resource in
            guard resource.type == "AWS::DynamoDB::Table" else { return nil }
            let values = PossibleValue.of(resource.properties?["PointInTimeRecoverySpecification"]?["PointInTimeRecoveryEnabled"],
                                          in: context.template)
            guard values.contains(where: { $0.absent || ($0.text.map { $0.lowercased() != "true" } ?? false) }) else { return nil }
            return Violation(at: resource.declaration.key.range, path: [.key("Resources"), .key(resource.name)],
                             message: "\(resource.name) does not enable point-in-time recovery")
        }
    }
}
