import TapLintCore

/// A resource with a fixed physical name, which blocks replacing it.
public struct FixedNameReplacement: TemplateRule {
    public static let description = RuleDescription(
        id: "DEP002", name: "fixed-name-replacement", category: .deployability, severity: .info,
        summary: "A resource sets its physical name (BucketName, TableName, RoleName, FunctionName).",
        rationale: """
        When an update needs to replace a resource, CloudFormation creates the new one \
        before deleting the old, and two resources cannot share a name: an update that \
        changes any property requiring replacement fails with "cannot update a stack \
        when a custom-named resource requires replacing". The same name also stops the \
        template from being deployed twice in one account and region. Let CloudFormation \
        generate names where nothing outside the stack needs to know them.
        """,
        fix: "leave the name out and pass the generated name (Ref/GetAtt) to whatever needs it",
        triggering: [
            """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  ↓TableName: orders
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-name.html"]
    )

    static let nameProperties: [String: String] = [
        "AWS::S3::Bucket": "BucketName", "AWS::DynamoDB::Table": "TableName",
        "AWS::IAM::Role": "RoleName", "AWS::Lambda::Function": "FunctionName",
    ]

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.template.resources.compactMap { resource in
            guard let type = resource.type, let property = Self.nameProperties[type],
                  let entry = resource.properties?.entry(property), !Node.isNoValue(entry.value) else { return nil }
            return Violation(at: entry.key.range, path: [.key("Resources"), .key(resource.name), .key("Properties"), .key(property)],
                             message: "\(resource.name) has a fixed \(property); an update that replaces it will fail")
        }
    }
}
