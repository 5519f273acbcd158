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
        reported. A method that writes is an error, one that reads a warning. A method \
        with `ApiKeyRequired: true` is a warning whatever it does: an API key identifies \
        and throttles callers but does not authenticate them. A method of a `PRIVATE` \
        API whose resource policy admits only a VPC endpoint or VPC (`aws:SourceVpce`, \
        `aws:SourceVpc`) is reachable only from inside the network, and not reported. \
        In SAM templates an `Api` or `HttpApi` event is the method SAM makes of it: \
        open when neither the event (`Auth.Authorizer`) nor its API \
        (`Auth.DefaultAuthorizer`, also in `Globals`) names an authorizer, or when the \
        event says `Authorizer: NONE`; an API defined by its own OpenAPI body is not \
        judged. A function URL with `AuthType: NONE` is a warning.
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
              Put:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: api
                  ResourceId: items
                  HttpMethod: PUT
                  ApiKeyRequired: true
                  ↓AuthorizationType: NONE
            """,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Items:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://artifacts/app.zip
                  FunctionUrlConfig:
                    ↓AuthType: NONE
                  Events:
                    ↓Put:
                      Type: Api
                      Properties:
                        Path: /items
                        Method: put
            """,
        ],
        nonTriggering: [
            // An authorizer on the API covers its events; OPTIONS stays open for CORS.
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  Auth:
                    DefaultAuthorizer: AWS_IAM
              Items:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://artifacts/app.zip
                  Events:
                    Put:
                      Type: Api
                      Properties:
                        RestApiId: !Ref Api
                        Path: /items
                        Method: put
                    Get:
                      Type: Api
                      Properties:
                        Path: /items
                        Method: get
                        Auth:
                          Authorizer: AWS_IAM
                    Preflight:
                      Type: Api
                      Properties:
                        Path: /items
                        Method: options
            """,
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
            // Reachable only through the VPC endpoint its policy names.
            """
            Parameters:
              Endpoint:
                Type: String
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: internal
                  EndpointConfiguration:
                    Types: [PRIVATE]
                  Policy:
                    Statement:
                      - Effect: Deny
                        Principal: "*"
                        Action: execute-api:Invoke
                        Resource: execute-api:/*
                        Condition:
                          StringNotEquals:
                            aws:SourceVpce: !Ref Endpoint
                      - Effect: Allow
                        Principal: "*"
                        Action: execute-api:Invoke
                        Resource: execute-api:/*
              Post:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Api
                  ResourceId: !GetAtt Api.RootResourceId
                  HttpMethod: POST
                  AuthorizationType: NONE
            """,
        ],
        references: ["https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html"]
    )

    static let writes: Set<String> = ["POST", "PUT", "PATCH", "DELETE", "ANY"]

    public init() {}

    /// A PRIVATE REST API whose resource policy names a VPC endpoint or VPC
    /// condition: only callers inside the network reach it.
    static func isPrivateToVPC(_ api: Resource) -> Bool {
        guard api.type == "AWS::ApiGateway::RestApi", let properties = api.properties,
              let types = properties["EndpointConfiguration"]?["Types"]?.sequence,
              types.contains(where: { $0.string?.uppercased() == "PRIVATE" }),
              let policy = properties["Policy"] else { return false }
        return mentionsVPCCondition(policy)
    }

    private static func mentionsVPCCondition(_ node: Node) -> Bool {
        switch node.content {
        case .scalar(let scalar):
            // A policy written as JSON text.
            let text = scalar.value.lowercased()
            return text.contains("aws:sourcevpce") || text.contains("aws:sourcevpc")
        case .sequence(let items):
            return items.contains(where: mentionsVPCCondition)
        case .mapping(let entries):
            return entries.contains { entry in
                let key = entry.name?.lowercased()
                return key == "aws:sourcevpce" || key == "aws:sourcevpc" || mentionsVPCCondition(entry.value)
            }
        }
    }

    public func check(_ context: LintContext) -> [Violation] {
        ServerlessEventAuthorization.violations(in: context.template) + context.template.resources.compactMap { resource in
            guard resource.type == "AWS::ApiGateway::Method", let properties = resource.properties,
                  let entry = properties.entry("AuthorizationType"), entry.value.string?.uppercased() == "NONE",
                  let verb = properties["HttpMethod"]?.string?.uppercased(), verb != "OPTIONS" else { return nil }
            if let api = properties["RestApiId"]?.intrinsic?.argument.string.flatMap(context.template.resource(named:)),
               Self.isPrivateToVPC(api) { return nil }
            let path: [PathElement] = [.key("Resources"), .key(resource.name), .key("Properties"), .key("AuthorizationType")]
            if ServerlessEventAuthorization.isTrue(properties["ApiKeyRequired"]) {
                return Violation(at: entry.key.range, path: path,
                                 message: "\(resource.name) takes \(verb) requests with AuthorizationType NONE and an API key; "
                                    + "a key identifies and throttles callers but does not authenticate them",
                                 severity: .warning)
            }
            let writes = Self.writes.contains(verb)
            return Violation(at: entry.key.range, path: path,
                             message: "\(resource.name) takes \(verb) requests with AuthorizationType NONE"
                                + (writes ? "; anyone can call it, and it changes data" : "; anyone can call it"),
                             severity: writes ? .error : .warning)
        }
    }
}
