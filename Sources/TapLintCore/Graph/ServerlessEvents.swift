/// How a reference inside a SAM function's `Events` (or another SAM
/// property SAM rewrites) becomes dependencies once the SAM transform has
/// run. SAM turns each event into resources of its own (a permission, an
/// event source mapping, a rule, an API method) that depend on the function
/// and on the event's source; the function itself depends on neither. Some
/// events also rewrite their source: an S3 bucket's notification and a
/// Cognito user pool's triggers name the function, and an API whose OpenAPI
/// document SAM writes integrates it, so the source depends on the function.
enum ServerlessEvents {
    enum Role {
        /// Held by a resource SAM generates, which nothing in the template
        /// depends on: no edge for the cycle search.
        case generated
        /// The event's source comes to depend on the function.
        case reversed
        /// In a value SAM leaves out of what it generates: no edge.
        case dropped
    }

    /// The keys of a SAM REST API's `EndpointConfiguration` that SAM copies
    /// onto the `AWS::ApiGateway::RestApi`; it drops the rest (a `Name`, say).
    static let keptEndpointKeys: Set<String> = ["Type", "VPCEndpointIds", "VpcEndpointIds", "IpAddressType"]

    /// Event types whose source SAM rewrites to name the function.
    static let rewritesSource: Set<String> = ["S3", "Cognito"]

    /// Properties of a SAM GraphQL API that SAM turns into AppSync resources
    /// of their own (functions, resolvers, data sources), each depending on
    /// the API and on what it names.
    static let graphQLParts: Set<String> = ["Functions", "Resolvers", "DataSources"]

    /// True for the `RestApiId` (`ApiId`) of an Api (HttpApi) event that
    /// names a SAM API whose OpenAPI document SAM writes (no
    /// `DefinitionUri`): SAM puts the integration with the function or
    /// state machine into that document, so the API comes to depend on it.
    static func integrates(_ reference: Reference, eventType: String, in template: Template) -> Bool {
        let (key, apiType) = eventType == "Api" ? ("RestApiId", "AWS::Serverless::Api")
            : eventType == "HttpApi" ? ("ApiId", "AWS::Serverless::HttpApi") : ("", "")
        guard !key.isEmpty, reference.path.count > 6, reference.path[5] == .key("Properties"), reference.path[6] == .key(key),
              let api = template.resource(named: reference.target), api.type == apiType else { return false }
        return template.property("DefinitionUri", of: api) == nil
    }

    /// The role of a reference written inside an event of a SAM function or
    /// state machine, or a part of a SAM GraphQL API; nil elsewhere. The
    /// type says SAM: its resources mean nothing without the transform.
    static func role(of reference: Reference, in resource: Resource, of template: Template) -> Role? {
        guard !template.usesPreprocessor, reference.kind != .dependsOn, reference.path.count > 4,
              reference.path[2] == .key("Properties"), case .key(let section) = reference.path[3] else { return nil }
        switch resource.type {
        case "AWS::Serverless::Function", "AWS::Serverless::StateMachine":
            guard section == "Events", reference.path.count > 5, case .key(let event) = reference.path[4] else { return nil }
            let type = resource.properties?["Events"]?[event]?["Type"]?.string ?? ""
            if rewritesSource.contains(type) || integrates(reference, eventType: type, in: template) { return .reversed }
            return .generated
        case "AWS::Serverless::GraphQLApi":
            return graphQLParts.contains(section) ? .generated : nil
        case "AWS::Serverless::Api":
            guard section == "EndpointConfiguration", case .key(let key) = reference.path[4],
                  resource.properties?["EndpointConfiguration"]?["Type"] != nil else { return nil }
            return keptEndpointKeys.contains(key) ? nil : .dropped
        default:
            return nil
        }
    }
}
