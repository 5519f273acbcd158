import TapLintCore

/// A resource that holds data, removed from the template without a policy
/// that keeps it.
public struct DataResourceDeleted: ChangeRule {
    public static let description = RuleDescription(
        id: "CHG002", name: "data-resource-deleted", category: .change, severity: .error,
        summary: "A resource that holds data is removed without DeletionPolicy: Retain or Snapshot.",
        rationale: """
        Removing a resource from the template deletes it on the next deploy, and with it \
        whatever it holds: a table's items, a bucket's objects (or a failed deploy, when \
        the bucket is not empty), a database, a queue's messages, a log group's logs, a \
        user pool's users, a key and everything encrypted with it. The template that \
        remains is valid, so no single-version check sees it. `DeletionPolicy: Retain` \
        (or `Snapshot` where the type supports it) in the version being replaced keeps \
        the resource when it leaves the stack; deploy that first, then remove it.
        """,
        fix: "deploy the resource with DeletionPolicy: Retain first, or keep it in the template",
        triggering: [
            """
            Resources:
              ↓Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
              Topic:
                Type: AWS::SNS::Topic
            ---
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                DeletionPolicy: Retain
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
              Topic:
                Type: AWS::SNS::Topic
            ---
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html"]
    )

    public init() {}

    public func check(_ change: TemplateChange) -> [Violation] {
        // What the new version no longer has is pointed at where the old one had it.
        change.removed.compactMap { resource in
            // A resource the deployment's stack never had loses nothing there.
            guard change.deployment?.old.has(resource) != false,
                  let name = resource.type, Catalog.type(named: name)?.holdsData == true,
                  !TemplateChange.keeps(resource.declaration["DeletionPolicy"]) else { return nil }
            return Violation(at: resource.declaration.key.range, path: [.key("Resources"), .key(resource.name)],
                             message: "\(resource.name) (\(name)) is removed without DeletionPolicy: Retain: deploying "
                                 + "deletes it and the data it holds",
                             resource: resource.name, file: change.base)
        }
    }
}
