import TapLintCore

/// SAM's way to an open API method: an `Api` or `HttpApi` event of a
/// function, which SAM turns into a method, with no authorizer on the event
/// or on the API (`Auth.DefaultAuthorizer`, also from `Globals`), or with
/// `Authorizer: NONE`, unless the API is PRIVATE or its resource policy
/// admits only listed callers; and a function URL with `AuthType: NONE`.
/// Read for SEC001, which judges plain API Gateway methods the same way.
enum ServerlessEventAuthorization {
    static func violations(in template: Template, reach: EndpointReach) -> [Violation] {
        var violations: [Violation] = []
        let globals = template.root["Globals"]
        for resource in template.resources where resource.type == "AWS::Serverless::Function" {
            guard let properties = resource.properties else { continue }
            let base: [PathElement] = [.key("Resources"), .key(resource.name), .key("Properties")]
            for event in properties["Events"]?.mapping ?? [] {
                guard let name = event.name, let kind = event.value["Type"]?.string, kind == "Api" || kind == "HttpApi" else { continue }
                let settings = event.value["Properties"]
                let verb = settings?["Method"]?.string?.uppercased() ?? "ANY"
                guard verb != "OPTIONS", let open = openness(settings, kind: kind, template: template, globals: globals) else { continue }
                let path = base + [.key("Events"), .key(name)]
                let route = settings?["Path"]?.string ?? "/"
                let method = "\(resource.name)'s \(kind) event \(name) (\(verb) \(route))"
                switch open {
                case .apiKey:
                    violations.append(Violation(at: event.key.range, path: path,
                                                message: "\(method) has no authorizer, only an API key; a key identifies and throttles callers but does not authenticate them",
                                                resource: resource.name, severity: .warning))
                case .open(let why):
                    let (severity, reached) = EndpointReach.grade(verb: verb, route: route, reach.function(resource.name))
                    violations.append(Violation(at: event.key.range, path: path,
                                                message: "\(method) has no authorizer (\(why)); \(reached)",
                                                resource: resource.name,
                                                fix: "set Auth.Authorizer on the event, or Auth.DefaultAuthorizer on the API (AWS_IAM, a Cognito or Lambda authorizer)",
                                                severity: severity))
                }
            }
            if let url = properties["FunctionUrlConfig"], let auth = url.entry("AuthType"), auth.value.string?.uppercased() == "NONE" {
                // A function URL takes every method.
                let (severity, reached) = EndpointReach.grade(verb: "ANY", route: "its function URL", reach.function(resource.name))
                violations.append(Violation(at: auth.key.range, path: base + [.key("FunctionUrlConfig"), .key("AuthType")],
                                            message: "\(resource.name)'s function URL takes requests with AuthType NONE; \(reached)",
                                            resource: resource.name, fix: "set AuthType to AWS_IAM, or put the function behind an API with an authorizer",
                                            severity: severity))
            }
        }
        return violations
    }

    enum Openness {
        case open(String)
        case apiKey
    }

    /// How open the method an event makes is; nil when it is authorized
    /// or when taplint cannot tell (an API defined by its OpenAPI body, or
    /// not in this template).
    private static func openness(_ settings: Node?, kind: String, template: Template, globals: Node?) -> Openness? {
        let auth = settings?["Auth"]
        if let authorizer = auth?["Authorizer"]?.string {
            return authorizer.uppercased() == "NONE" ? .open("Auth.Authorizer is NONE") : nil
        }
        if auth?["Authorizer"] != nil { return nil }  // computed
        let apiAuth: Node?
        let endpoint: Node?
        if let reference = settings?[kind == "Api" ? "RestApiId" : "ApiId"] {
            guard let name = reference.intrinsic?.argument.string, let api = template.resource(named: name),
                  api.type == "AWS::Serverless::" + kind, let properties = api.properties,
                  properties["DefinitionBody"] == nil, properties["DefinitionUri"] == nil else { return nil }
            apiAuth = properties["Auth"] ?? globals?[kind]?["Auth"]
            endpoint = properties["EndpointConfiguration"] ?? globals?[kind]?["EndpointConfiguration"]
        } else {
            apiAuth = globals?[kind]?["Auth"]
            endpoint = globals?[kind]?["EndpointConfiguration"]
        }
        if let authorizer = apiAuth?["DefaultAuthorizer"] {
            guard let name = authorizer.string, name.uppercased() == "NONE" else { return nil }
        }
        // A resource policy that admits only listed VPCs, endpoints, IP ranges
        // or accounts (or says more than taplint reads): not open to anyone.
        if let policy = apiAuth?["ResourcePolicy"]?.mapping,
           policy.contains(where: { ($0.name ?? "").hasSuffix("Whitelist") || $0.name == "CustomStatements" }) {
            return nil
        }
        // A PRIVATE API is reachable only through VPC endpoints.
        if (endpoint?.string ?? endpoint?["Type"]?.string)?.uppercased() == "PRIVATE" { return nil }
        // The event's own ApiKeyRequired, true or false, overrides the API's.
        if let required = auth?["ApiKeyRequired"] ?? apiAuth?["ApiKeyRequired"], isTrue(required) { return .apiKey }
        return .open("no Auth on the event, no DefaultAuthorizer on the API")
    }

    /// A literal `true`, as YAML or as text.
    static func isTrue(_ node: Node?) -> Bool {
        guard let node else { return false }
        return node.scalar?.boolValue == true || node.string?.lowercased() == "true"
    }
}
