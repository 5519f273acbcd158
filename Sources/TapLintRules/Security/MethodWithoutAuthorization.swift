import TapLintCore

/// An API Gateway method anyone can call.
public struct MethodWithoutAuthorization: TemplateRule {
    public static let description = RuleDescription(
        id: "SEC001", name: "method-without-authorization", category: .security, severity: .warning,
        summary: "An API Gateway method, SAM API event or function URL takes requests from anyone; graded by what it reaches.",
        rationale: """
        A method without authorization can be called by anyone on the internet who \
        learns the URL: it runs your integration, costs you money, and does whatever the \
        integration may do. So the finding is graded by what the method reaches: the \
        Lambda function behind it and everything its role may do (inline policies, the \
        policies and managed policies attached to the role, SAM `Policies` with their \
        policy templates expanded), or the action of a direct service integration. A \
        writing method (POST, PUT, PATCH, DELETE, ANY, and a function URL, which takes \
        every method) that reaches actions that write or change permissions is an error; \
        a GET that reaches them, or a method whose reach cannot be seen (a role from a \
        parameter or another stack, a managed policy other than Lambda's execution \
        policies and `…ReadOnlyAccess` ones), a warning; one that reaches only reads, \
        lists, logs and traces (the `sam init` hello world) is information. The message \
        names the first writing action and what it acts on. Use IAM, a Cognito user pool \
        or a Lambda authorizer; a method that must stay public should at least have an API \
        key and usage plan. CORS preflight (`OPTIONS`) methods must be open and are not \
        reported. A method with `ApiKeyRequired: true` is a warning whatever it does: an API \
        key identifies and throttles callers but does not authenticate them. A method of a \
        `PRIVATE` API whose resource policy admits only a VPC endpoint or VPC \
        (`aws:SourceVpce`, `aws:SourceVpc`) is reachable only from inside the network, and \
        not reported. In SAM templates an `Api` or `HttpApi` event is the method SAM makes \
        of it: open when neither the event (`Auth.Authorizer`) nor its API \
        (`Auth.DefaultAuthorizer`, also in `Globals`) names an authorizer, or when the \
        event says `Authorizer: NONE`; an API defined by its own OpenAPI body is not \
        judged. A function URL with `AuthType: NONE` is graded the same way.
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
        let reach = EndpointReach(template: context.template, policies: context.policies)
        return ServerlessEventAuthorization.violations(in: context.template, reach: reach) + context.template.resources.compactMap { resource in
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
            let route = Self.route(of: properties, in: context.template)
            let (severity, reached) = EndpointReach.grade(verb: verb, route: route, Self.reach(of: properties["Integration"], reach))
            return Violation(at: entry.key.range, path: path,
                             message: "\(resource.name) takes \(verb) requests with AuthorizationType NONE; \(reached)",
                             severity: severity)
        }
    }

    /// What a method's integration reaches: a Lambda function and what its
    /// role may do, a service action, nothing (a mock), or what cannot be seen.
    static func reach(of integration: Node?, _ reach: EndpointReach) -> EndpointReach.Outcome {
        let kind = integration?["Type"]?.string?.uppercased() ?? ""
        if kind == "MOCK" { return .actions([]) }
        guard let uri = integration?["Uri"] else { return .unseen("its integration names no target") }
        // `Fn::Join` spells the function's ARN as one of its items.
        let parts = uri.intrinsic.flatMap { $0.name == .join ? $0.argument.sequence?.last?.sequence : nil } ?? [uri]
        for part in parts {
            guard let target = EndpointReach.resourceNamed(by: part, in: reach.template),
                  let type = reach.template.resource(named: target)?.type,
                  type == "AWS::Lambda::Function" || type == "AWS::Serverless::Function" else { continue }
            return reach.function(target)
        }
        if let text = TemplateStrings.build(uri), let action = EndpointReach.integrationAction(text) { return action }
        return .unseen("its integration is not a function or service action of this template")
    }

    /// The method's path as API Gateway shows it, where the template says it
    /// (`/process` for a resource whose PathPart is process).
    static func route(of properties: Node, in template: Template) -> String {
        guard let id = properties["ResourceId"], let name = EndpointReach.resourceNamed(by: id, in: template),
              let part = template.resource(named: name)?.properties?["PathPart"]?.string else { return "/" }
        return "/" + part
    }
}
