import TapLintCore

/// A hand-built ARN whose name drifts from the resource it means, or an
/// execute-api ARN naming a method the API does not have.
public struct ARNNameMismatch: TemplateRule {
    public static let description = RuleDescription(
        id: "ARN006", name: "arn-name-mismatch", category: .arn, severity: .warning,
        summary: "A hand-built ARN names a resource of the template, but not as the template names it.",
        rationale: """
        A template that names a bucket `${Prefix}-${AWS::AccountId}-${AWS::Region}` and \
        then writes that name again by hand into ARNs (in policies, permissions, \
        notifications) must keep every copy identical. When one copy drifts \
        (`${Prefix}-${AWS::Region}`), the policy grants access to a bucket that does not \
        exist and the function fails at run time, long after the deploy succeeded. The \
        same goes for functions and tables, and for execute-api ARNs, whose method and \
        path must be ones the REST API in the template has. An ARN counts as meaning a \
        resource when it is built from the same parameters and pseudo parameters, or \
        from more or fewer of them with a parameter in common (a part left out); \
        wildcards in the ARN (`${Prefix}-*`) that cover the difference are fine. An ARN \
        that spells out the default (or an allowed value) of the parameter a resource is \
        named by is right for that one value only, and is reported too. Names and ARNs         are compared as each deploy spells them: every branch of an `Fn::If` inside, the         item an `Fn::Select` picks, the value an `Fn::FindInMap` with literal keys finds.
        """,
        fix: "build the ARN from the same name (better: !GetAtt the resource's Arn)",
        triggering: [
            """
            Parameters:
              LogBucket:
                Type: String
                Default: acme-logs
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Ref LogBucket
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: s3:GetObject
                        ↓Resource: !Sub "arn:${AWS::Partition}:s3:::acme-logs/*"
                      - Effect: Allow
                        Action: s3:ListBucket
                        Resource: !Sub "arn:${AWS::Partition}:s3:::${LogBucket}"
            """,
            """
            Parameters:
              Name:
                Type: String
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${Name}-${AWS::AccountId}-${AWS::Region}"
              Invoke:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: f
                  Principal: s3.amazonaws.com
                  SourceAccount: !Ref AWS::AccountId
                  ↓SourceArn: !Sub "arn:${AWS::Partition}:s3:::${Name}-${AWS::Region}"
              Anything:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: f
                  Principal: s3.amazonaws.com
                  SourceAccount: !Ref AWS::AccountId
                  SourceArn: !Sub "arn:${AWS::Partition}:s3:::${Name}-*"
            """,
            """
            Parameters:
              Prefix:
                Type: String
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${Prefix}-${AWS::AccountId}-${AWS::Region}"
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  Policies:
                    - PolicyName: read
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: s3:GetObject
                            ↓Resource: !Sub "arn:${AWS::Partition}:s3:::${Prefix}-${AWS::Region}-${AWS::AccountId}/*"
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: api
              Items:
                Type: AWS::ApiGateway::Resource
                Properties:
                  RestApiId: !Ref Api
                  ParentId: !GetAtt Api.RootResourceId
                  PathPart: items
              GetItems:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Api
                  ResourceId: !Ref Items
                  HttpMethod: GET
                  AuthorizationType: AWS_IAM
              Invoke:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: f
                  Principal: apigateway.amazonaws.com
                  ↓SourceArn: !Sub "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/POST/items"
            """,
        ],
        nonTriggering: [
            // The documented permission for an authorizer: no stage, no method.
            """
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: api
              Get:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Api
                  ResourceId: !GetAtt Api.RootResourceId
                  HttpMethod: GET
                  AuthorizationType: CUSTOM
                  AuthorizerId: !Ref Authorizer
              Authorizer:
                Type: AWS::ApiGateway::Authorizer
                Properties:
                  RestApiId: !Ref Api
                  Name: auth
                  Type: TOKEN
                  IdentitySource: method.request.header.Authorization
                  AuthorizerUri: !Sub "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"
              Permission:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: !Ref Fn
                  Principal: apigateway.amazonaws.com
                  SourceArn: !Sub "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/authorizers/${Authorizer}"
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Role: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app"
                  Code: {ZipFile: "def handler(e, c): pass"}
            """,
            """
            Parameters:
              Prefix:
                Type: String
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${Prefix}-${AWS::AccountId}-${AWS::Region}"
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  Policies:
                    - PolicyName: read
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: s3:GetObject
                            Resource: !Sub "arn:${AWS::Partition}:s3:::${Prefix}-${AWS::AccountId}-${AWS::Region}/*"
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: api
              Items:
                Type: AWS::ApiGateway::Resource
                Properties:
                  RestApiId: !Ref Api
                  ParentId: !GetAtt Api.RootResourceId
                  PathPart: items
              GetItems:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: !Ref Api
                  ResourceId: !Ref Items
                  HttpMethod: GET
                  AuthorizationType: AWS_IAM
              Invoke:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: f
                  Principal: apigateway.amazonaws.com
                  SourceArn: !Sub "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*/GET/items"
            """,
        ],
        references: [
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html",
            "https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html",
        ]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let api = RestAPIs(context.template)
        var violations = context.arns.compactMap { arn in
            (Self.drift(arn, named: context.named) ?? api.problem(arn)).map { Self.violation(arn, $0, in: context.template) }
        }
        // The texts a string gives on each deploy (each Fn::If branch, the
        // item a Select picks, a mapping's value): a drift in any of them
        // is reported once, where the string is.
        var reported: Set<String> = []
        for string in context.strings where !string.variants.isEmpty {
            for text in string.variants {
                var variant = string
                variant.text = text
                for arn in ARN.all(in: variant) {
                    guard let message = Self.drift(arn, named: context.named) ?? api.problem(arn),
                          reported.insert(string.path.dotted + " " + message).inserted else { continue }
                    violations.append(Self.violation(arn, message, in: context.template))
                }
            }
        }
        return violations
    }

    /// The finding, with the resource its message says the ARN disagrees
    /// with as a related place (the message names it: "…, but Bucket …").
    private static func violation(_ arn: ARN, _ message: String, in template: Template) -> Violation {
        let named = template.resources.first { resource in message.contains(", but \(resource.name) ") || message.contains("which is \(resource.name)'s") }
        let related = named.map { [Finding.Related(range: $0.declaration.key.range, message: "\($0.name) is declared here")] } ?? []
        return Violation(at: arn.source.range, path: arn.source.path, message: message, resource: arn.source.resource, related: related)
    }

    private static func drift(_ arn: ARN, named: NamedResources) -> String? {
        // A resource of that very name is the one meant: no need to look further.
        guard let (type, name) = NamedResources.name(in: arn), named.first(type: type, name: name) == nil else { return nil }
        let variables = NamedResources.variables(name)
        if variables.isEmpty, let (meant, parameter) = named.named(type: type, byParameterValue: name) {
            // Right for one value of the parameter only: another deploy's name drifts away.
            return "ARN in \(arn.source.place) spells '\(name)', which is \(meant.resource)'s name only while "
                + "\(parameter) is '\(name)'; build the ARN from ${\(parameter)}"
        }
        guard !variables.isEmpty else { return nil }
        if let meant = named.builtAlike(type: type, parts: variables).first {
            return "ARN in \(arn.source.place) names '\(name)', but \(meant.resource) is named '\(meant.name)'"
        }
        // Built from more or fewer of the same parts: a part missing, or one
        // too many, unless the ARN's wildcards cover the difference.
        let related = named.builtWithPartsOf(type: type, parts: variables)
        guard let meant = related.first, !related.contains(where: { Wildcard.matches(name, $0.name) }) else { return nil }
        return "ARN in \(arn.source.place) names '\(name)', but \(meant.resource), built from the same parameters, "
            + "is named '\(meant.name)'"
    }
}

/// The REST APIs of a template: which methods each has on which path.
struct RestAPIs {
    /// API resource name → set of "METHOD /path".
    private var methods: [String: Set<String>] = [:]

    init(_ template: Template) {
        var paths: [String: String] = [:]  // ApiGateway::Resource name → path
        func path(of name: String, depth: Int = 0) -> String? {
            if let known = paths[name] { return known }
            guard depth < 64, let resource = template.resource(named: name),
                  let part = resource.properties?["PathPart"]?.string, let parent = resource.properties?["ParentId"] else { return nil }
            let parentPath: String?
            if parent.intrinsic?.name == .getAtt { parentPath = "" }
            else if let target = parent.intrinsic?.argument.string { parentPath = path(of: target, depth: depth + 1) }
            else { parentPath = nil }
            guard let parentPath else { return nil }
            paths[name] = parentPath + "/" + part
            return paths[name]
        }
        for resource in template.resources where resource.type == "AWS::ApiGateway::Method" {
            guard let properties = resource.properties, let api = properties["RestApiId"]?.intrinsic?.argument.string,
                  let verb = properties["HttpMethod"]?.string?.uppercased(), let target = properties["ResourceId"] else { continue }
            let resourcePath: String?
            if target.intrinsic?.name == .getAtt { resourcePath = "/" }
            else if let name = target.intrinsic?.argument.string { resourcePath = path(of: name) }
            else { resourcePath = nil }
            guard let resourcePath else { continue }
            methods[api, default: []].insert(verb + " " + resourcePath)
        }
    }

    /// What is wrong with an execute-api ARN for an API of the template.
    func problem(_ arn: ARN) -> String? {
        guard arn.service == "execute-api" else { return nil }
        let parts = arn.resource.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, parts[0].hasPrefix("${"), parts[0].hasSuffix("}") else { return nil }
        let api = String(parts[0].dropFirst(2).dropLast())
        // `{api}/authorizers/{id}` lets API Gateway call an authorizer: no stage, no method.
        guard let known = methods[api], parts[1] != "authorizers" else { return nil }
        let verb = parts[2].uppercased()
        let path = "/" + (parts.count > 3 ? parts[3] : "")
        guard verb != "*", !path.containsBytes("*"), !path.containsBytes("${") else { return nil }
        if known.contains(verb + " " + path) || known.contains("ANY " + path) { return nil }
        return "ARN in \(arn.source.place) allows \(verb) \(path) on \(api), which has no such method"
    }
}
