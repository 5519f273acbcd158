import TapLintCore

/// An API Gateway method anyone can call.
public struct MethodWithoutAuthorization: TemplateRule {
    public static let description = RuleDescription(
        id: "SEC001", name: "method-without-authorization", category: .security, severity: .warning,
        summary: "An API Gateway method takes requests with AuthorizationType NONE.",
        rationale: """
        A method without authorization can be called by anyone on the internet who \
        learns the URL: it runs your integration, costs you money, and for methods that \
        write (POST, PUT, PATCH, DELETE) changes your data. Use IAM, a Cognito user pool \
        or a Lambda authorizer; a method that must stay public should at least have an API \
        key and usage plan. CORS preflight (`OPTIONS`) methods must be open and are not \
        reported. A method that writes is an error, one that reads a warning.
        """,
        fix: "set AuthorizationType to AWS_IAM, COGNITO_USER_POOLS or CUSTOM (with an authorizer)",
        triggering: [
            """
            Resources:
              Post:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: api
                  ResourceId: items
                  HttpMethod: POST
                  ↓AuthorizationType: NONE
              Get:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: api
                  ResourceId: items
                  HttpMethod: GET
                  ↓AuthorizationType: NONE
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Options:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: api
                  ResourceId: items
                  HttpMethod: OPTIONS
                  AuthorizationType: NONE
              Post:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: api
                  ResourceId: items
                  HttpMethod: POST
                  AuthorizationType: AWS_IAM
            """,
        ],
        references: ["https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html"]
    )

    static let writes: Set<String> = ["POST", "PUT", "PATCH", "DELETE", "ANY"]

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.template.resources.compactMap { resource in
            guard resource.type == "AWS::ApiGateway::Method", let properties = resource.properties,
                  let entry = properties.entry("AuthorizationType"), entry.value.string?.uppercased() == "NONE",
                  let verb = properties["HttpMethod"]?.string?.uppercased(), verb != "OPTIONS" else { return nil }
            let writes = Self.writes.contains(verb)
            return Violation(at: entry.key.range, path: [.key("Resources"), .key(resource.name), .key("Properties"), .key("AuthorizationType")],
                             message: "\(resource.name) takes \(verb) requests with AuthorizationType NONE"
                                + (writes ? "; anyone can call it, and it changes data" : "; anyone can call it"),
                             severity: writes ? .error : .warning)
        }
    }
}
