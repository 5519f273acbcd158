import TapLintCore

/// A SAM resource in a template that does not ask for the SAM transform.
public struct ServerlessWithoutTransform: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH009", name: "serverless-without-transform", category: .schema, severity: .error,
        summary: "An AWS::Serverless::* resource is used without Transform: AWS::Serverless-2016-10-31.",
        rationale: """
        `AWS::Serverless::Function` and the other SAM types exist only in SAM \
        templates: the SAM transform turns them into CloudFormation resources before \
        the stack is created. Without `Transform: AWS::Serverless-2016-10-31` at the top, \
        CloudFormation rejects the template with an unknown resource type.
        """,
        fix: "add Transform: AWS::Serverless-2016-10-31 at the top of the template",
        triggering: [
            """
            Resources:
              Function:
                Type: ↓AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://artifacts/app.zip
            """,
        ],
        nonTriggering: [
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Function:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://artifacts/app.zip
            """,
        ],
        references: ["https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy.html"]
    )

    static let transform = "AWS::Serverless-2016-10-31"

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        guard !template.usesPreprocessor, !template.transforms.contains(Self.transform) else { return [] }
        return template.resources.compactMap { resource in
            guard let type = resource.type, type.hasPrefix("AWS::Serverless::"), let node = resource.body["Type"] else { return nil }
            return Violation(at: node.valueRange, path: [.key("Resources"), .key(resource.name), .key("Type")],
                             message: "\(resource.name) is an \(type), which needs Transform: \(Self.transform) at the top of the template")
        }
    }
}
