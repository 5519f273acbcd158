import TapLintCore

/// A resource of a service AWS has shut down, or is shutting down.
public struct RetiredService: TemplateRule {
    public static let description = RuleDescription(
        id: "DEP003", name: "retired-service", category: .deployability, severity: .error,
        summary: "A resource belongs to an AWS service that has been shut down (error), is being shut down (warning) or is in maintenance (info).",
        rationale: """
        AWS retires services: after the shutdown date (Amazon QLDB on 2025-07-31, \
        CloudWatch Evidently on 2025-10-17) creating their resources fails, so a stack \
        that still declares one cannot be deployed anew. A service being sunset will \
        stop on a published date; one in maintenance takes no new customers. The \
        status and dates come from the resource schemas cfn-lint ships (its E3710).
        """,
        fix: "move to the service AWS names as the replacement, and remove the resource",
        triggering: [
            """
            Resources:
              Ledger:
                Type: ↓AWS::QLDB::Ledger
                Properties:
                  PermissionsMode: STANDARD
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
            """,
        ],
        references: ["https://docs.aws.amazon.com/general/latest/gr/full_shutdown_services.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.template.resources.compactMap { resource in
            guard let typeName = resource.type, let lifecycle = context.schema.types[typeName]?.lifecycle,
                  let node = resource.body["Type"] else { return nil }
            let on = lifecycle.date.map { " on \($0)" } ?? ""
            let (message, severity): (String, Severity)
            switch lifecycle.status {
            case "shutdown": (message, severity) = ("\(typeName) belongs to a service AWS shut down\(on); it can no longer be created", .error)
            case "sunset":
                let when = lifecycle.date.map { "; its shutdown date is \($0)" } ?? ""
                (message, severity) = ("\(typeName) belongs to a service AWS is retiring\(when)", .warning)
            default: (message, severity) = ("\(typeName) belongs to a service in maintenance\(lifecycle.date.map { " since \($0)" } ?? ""); it takes no new customers", .info)
            }
            return Violation(at: node.valueRange, path: [.key("Resources"), .key(resource.name), .key("Type")],
                             message: message, severity: severity)
        }
    }
}
