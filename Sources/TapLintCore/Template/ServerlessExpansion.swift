/// A resource the SAM transform adds to the template: a function's role,
/// an event's permission, an API's stage, and so on.
public struct GeneratedResource: Sendable, Equatable {
    /// The logical id SAM gives it. For the few ids SAM ends with a hash of
    /// the resource's content (`ApiDeployment9f1c…`), the part before the
    /// hash, with `hashed` set: no template can name those.
    public var name: String
    public var type: String
    /// The SAM resource it comes from; nil for what SAM adds once for the
    /// whole template (`ServerlessRestApi`, `CodeDeployServiceRole`).
    public var origin: String?
    public var hashed = false
}

/// Which resources SAM generates, and under which logical ids, read from
/// the SAM resources the way aws-sam-translator names them. What SAM adds
/// for features not listed here is not known, and references to such
/// names stay trusted (`Template.mayBeGenerated`).
enum ServerlessExpansion {
    /// True for the SAM types whose generated resources are all listed.
    /// A GraphQL API's Lambda authorizer connectors and `NONE` data sources
    /// are not, nor any type SAM adds later.
    static func models(_ type: String) -> Bool { modelled.contains(type) }

    static let modelled: Set<String> = [
        "AWS::Serverless::Function", "AWS::Serverless::StateMachine", "AWS::Serverless::Api",
        "AWS::Serverless::HttpApi", "AWS::Serverless::WebSocketApi", "AWS::Serverless::SimpleTable",
        "AWS::Serverless::Application", "AWS::Serverless::CapacityProvider", "AWS::Serverless::LayerVersion",
        "AWS::Serverless::Connector",
    ]

    static func resources(of template: Template) -> [GeneratedResource] {
        var expansion = Expansion(template: template)
        for resource in template.resources {
            guard let type = resource.type else { continue }
            switch type {
            case "AWS::Serverless::Function": expansion.function(resource)
            case "AWS::Serverless::StateMachine": expansion.stateMachine(resource)
            case "AWS::Serverless::Api": expansion.restApi(resource)
            case "AWS::Serverless::HttpApi": expansion.httpApi(resource)
            case "AWS::Serverless::WebSocketApi": expansion.webSocketApi(resource)
            case "AWS::Serverless::GraphQLApi": expansion.graphQLApi(resource)
            case "AWS::Serverless::SimpleTable": expansion.add(resource.name, "AWS::DynamoDB::Table", from: resource.name)
            case "AWS::Serverless::Application": expansion.add(resource.name, "AWS::CloudFormation::Stack", from: resource.name)
            case "AWS::Serverless::CapacityProvider": expansion.capacityProvider(resource)
            case "AWS::Serverless::LayerVersion":
                expansion.add(resource.name, "AWS::Lambda::LayerVersion", from: resource.name, hashed: true)
            default: break
            }
        }
        expansion.implicitApis()
        // Connectors name what they join, generated resources included, so they come last.
        for connector in ServerlessConnector.all(in: template) { expansion.connector(connector) }
        return expansion.found
    }
}

/// One template's expansion in progress.
private struct Expansion {
    let template: Template
    var found: [GeneratedResource] = []
    var seen: Set<String> = []
    /// The type of each generated id without a hash, for connectors to read.
    var typeByName: [String: String] = [:]
    var implicitRestApi = false
    var implicitHttpApi = false

    init(template: Template) { self.template = template }

    /// `key` tells apart hashed ids that share their visible part (two
    /// custom domains are two `ApiGatewayDomainName…`).
    mutating func add(_ name: String, _ type: String, from origin: String?, hashed: Bool = false, key: String? = nil) {
        guard seen.insert(key.map { name + "\u{0}" + $0 } ?? name).inserted else { return }
        if !hashed { typeByName[name] = type }
        found.append(GeneratedResource(name: name, type: type, origin: origin, hashed: hashed))
    }

    /// A property's text as SAM reads it: a string, or a parameter's default.
    func text(_ node: Node?) -> String? { template.stringValue(of: node) }

    func property(_ name: String, of resource: Resource) -> Node? { template.property(name, of: resource)?.entry.value }

    /// True when a value may be left out at deploy time: missing, or an
    /// `Fn::If` with a branch that gives `AWS::NoValue`. SAM then still
    /// generates what the value would replace.
    func mayBeAbsent(_ node: Node?) -> Bool {
        guard let node else { return true }
        guard let call = node.intrinsic else { return false }
        if call.name == .ref { return call.argument.string == "AWS::NoValue" }
        guard call.name == .if, let branches = call.argument.sequence, branches.count == 3 else { return false }
        return mayBeAbsent(branches[1]) || mayBeAbsent(branches[2])
    }

    mutating func function(_ resource: Resource) {
        let name = resource.name
        add(name, "AWS::Lambda::Function", from: name)
        if mayBeAbsent(property("Role", of: resource)) { add(name + "Role", "AWS::IAM::Role", from: name) }
        if let alias = text(property("AutoPublishAlias", of: resource)) {
            add(name + "Version", "AWS::Lambda::Version", from: name, hashed: true)
            // SAM spells `_` and `-` in alias names as U and D in the id.
            add(name + "Alias" + alias.replacing("_", with: "U").replacing("-", with: "D"), "AWS::Lambda::Alias", from: name)
            if let preference = property("DeploymentPreference", of: resource), preference.mapping != nil,
               preference["Enabled"]?.scalar?.boolValue != false {
                add("ServerlessDeploymentApplication", "AWS::CodeDeploy::Application", from: nil)
                add(name + "DeploymentGroup", "AWS::CodeDeploy::DeploymentGroup", from: name)
                if preference["Role"] == nil { add("CodeDeployServiceRole", "AWS::IAM::Role", from: nil) }
            }
        }
        if let url = property("FunctionUrlConfig", of: resource), url.mapping != nil {
            add(name + "Url", "AWS::Lambda::Url", from: name)
            if url["AuthType"]?.string == "NONE" {
                add(name + "UrlPublicPermissions", "AWS::Lambda::Permission", from: name)
                add(name + "URLInvokeAllowPublicAccess", "AWS::Lambda::Permission", from: name)
            }
        }
        if let config = property("EventInvokeConfig", of: resource), config.mapping != nil {
            add(name + "EventInvokeConfig", "AWS::Lambda::EventInvokeConfig", from: name)
            for (outcome, key) in [("OnSuccess", "OnSuccess"), ("OnFailure", "OnFailure")] {
                guard let destination = config["DestinationConfig"]?[key], mayBeAbsent(destination["Destination"]) else { continue }
                switch text(destination["Type"]) {
                case "SQS": add(name + "EventInvokeConfig" + outcome + "Queue", "AWS::SQS::Queue", from: name)
                case "SNS": add(name + "EventInvokeConfig" + outcome + "Topic", "AWS::SNS::Topic", from: name)
                default: break
                }
            }
        }
        let catchAll = Set(events(of: resource).compactMap { _, body -> String? in
            guard text(body["Type"]) == "HttpApi", Self.isCatchAll(body["Properties"]) else { return nil }
            return body["Properties"]?["ApiId"]?.outline ?? ""
        })
        for (event, body) in events(of: resource) {
            let id = name + event
            let properties = body["Properties"]
            switch text(body["Type"]) {
            case "Api":
                if properties?["RestApiId"] == nil { implicitRestApi = true }
                let stage = stage(ofRestApi: properties?["RestApiId"])
                if Self.isAlphanumeric(stage) {
                    add(id + "Permission" + stage, "AWS::Lambda::Permission", from: name)
                } else {
                    add(id + "Permission", "AWS::Lambda::Permission", from: name, hashed: true)
                }
            case "HttpApi":
                if properties?["ApiId"] == nil { implicitHttpApi = true }
                // A catch-all ($default) event's permission covers the function's other routes on that API.
                let api = properties?["ApiId"]?.outline ?? ""
                if Self.isCatchAll(properties) || !catchAll.contains(api) {
                    add(id + "Permission", "AWS::Lambda::Permission", from: name)
                }
            case "Cognito":
                add(name + "CognitoPermission", "AWS::Lambda::Permission", from: name)
            case "S3", "AlexaSkill":
                add(id + "Permission", "AWS::Lambda::Permission", from: name)
            case "SNS":
                add(id, "AWS::SNS::Subscription", from: name)
                if let queue = properties?["SqsSubscription"], queue.scalar?.boolValue != false {
                    if queue.scalar?.boolValue == true { add(id + "Queue", "AWS::SQS::Queue", from: name) }
                    add(text(queue["QueuePolicyLogicalId"]) ?? id + "QueuePolicy", "AWS::SQS::QueuePolicy", from: name)
                    add(id + "EventSourceMapping", "AWS::Lambda::EventSourceMapping", from: name)
                } else {
                    add(id + "Permission", "AWS::Lambda::Permission", from: name)
                }
            case "SQS", "Kinesis", "DynamoDB", "MQ", "MSK", "SelfManagedKafka", "DocumentDB":
                add(id, "AWS::Lambda::EventSourceMapping", from: name)
            case "Schedule", "CloudWatchEvent", "EventBridgeRule":
                add(id, "AWS::Events::Rule", from: name)
                add(id + "Permission", "AWS::Lambda::Permission", from: name)
                deadLetterQueue(properties, id: id, from: name)
            case "ScheduleV2":
                add(id, "AWS::Scheduler::Schedule", from: name)
                if properties?["RoleArn"] == nil { add(id + "Role", "AWS::IAM::Role", from: name) }
            case "CloudWatchLogs":
                add(id, "AWS::Logs::SubscriptionFilter", from: name)
                add(id + "Permission", "AWS::Lambda::Permission", from: name)
            case "IoTRule":
                add(id, "AWS::IoT::TopicRule", from: name)
                add(id + "Permission", "AWS::Lambda::Permission", from: name)
            default:
                break
            }
        }
    }

    mutating func stateMachine(_ resource: Resource) {
        let name = resource.name
        add(name, "AWS::StepFunctions::StateMachine", from: name)
        if mayBeAbsent(property("Role", of: resource)) { add(name + "Role", "AWS::IAM::Role", from: name) }
        if let alias = text(property("AutoPublishAlias", of: resource)) {
            add(name + "Version", "AWS::StepFunctions::StateMachineVersion", from: name)
            add(name + "Alias" + alias, "AWS::StepFunctions::StateMachineAlias", from: name)
        }
        for (event, body) in events(of: resource) {
            let id = name + event
            let properties = body["Properties"]
            switch text(body["Type"]) {
            case "Api":
                if properties?["RestApiId"] == nil { implicitRestApi = true }
                add(id + "Role", "AWS::IAM::Role", from: name)
            case "Schedule", "CloudWatchEvent", "EventBridgeRule":
                add(id, "AWS::Events::Rule", from: name)
                if properties?["RoleArn"] == nil { add(id + "Role", "AWS::IAM::Role", from: name) }
                deadLetterQueue(properties, id: id, from: name)
            case "ScheduleV2":
                add(id, "AWS::Scheduler::Schedule", from: name)
                if properties?["RoleArn"] == nil { add(id + "Role", "AWS::IAM::Role", from: name) }
            default:
                break
            }
        }
    }

    /// A rule's dead-letter queue, when SAM is to create it (given its
    /// type, not its ARN), and the policy that lets the rule send to it.
    mutating func deadLetterQueue(_ properties: Node?, id: String, from name: String) {
        guard let dead = properties?["DeadLetterConfig"], dead["Type"] != nil else { return }
        add(text(dead["QueueLogicalId"]) ?? id + "Queue", "AWS::SQS::Queue", from: name)
        add(id + "QueuePolicy", "AWS::SQS::QueuePolicy", from: name)
    }

    mutating func restApi(_ resource: Resource) {
        let name = resource.name
        add(name, "AWS::ApiGateway::RestApi", from: name)
        add(name + "Deployment", "AWS::ApiGateway::Deployment", from: name, hashed: true)
        stage(of: resource, type: "AWS::ApiGateway::Stage")
        let auth = property("Auth", of: resource)
        authorizerPermissions(auth, of: name)
        switch text(auth?["UsagePlan"]?["CreateUsagePlan"]) {
        case "PER_API":
            for (part, type) in Self.usagePlanParts { add(name + part, type, from: name) }
        case "SHARED":
            for (part, type) in Self.usagePlanParts { add("Serverless" + part, type, from: nil) }
        default:
            break
        }
        restApiDomain(domain(of: resource), of: name)
    }

    /// A REST API's custom domain: the domain name, a mapping per base path,
    /// and for a private one the access association it is given.
    mutating func restApiDomain(_ domain: MergedMap, of name: String) {
        guard domain["DomainName"] != nil else { return }
        let isPrivate = text(domain["EndpointConfiguration"]) == "PRIVATE"
        add(isPrivate ? "ApiGatewayDomainNameV2" : "ApiGatewayDomainName",
            isPrivate ? "AWS::ApiGateway::DomainNameV2" : "AWS::ApiGateway::DomainName",
            from: nil, hashed: true, key: Self.valueKey(domain["DomainName"]))
        if isPrivate, domain["AccessAssociation"] != nil {
            add("DomainNameAccessAssociation", "AWS::ApiGateway::DomainNameAccessAssociation", from: nil, hashed: true,
                key: Self.valueKey(domain["DomainName"]))
        }
        self.domain(domain, of: name, mapping: "BasePathMapping",
                    type: isPrivate ? "AWS::ApiGateway::BasePathMappingV2" : "AWS::ApiGateway::BasePathMapping")
    }

    /// A SAM API's `Domain` as the transform reads it: the resource's keys,
    /// and the keys of `Globals` it does not set (SAM merges maps).
    func domain(of resource: Resource) -> MergedMap {
        MergedMap(own: resource.properties?["Domain"], global: template.globalValue("Domain", for: resource))
    }

    /// A REST API's Lambda authorizers get a permission to be invoked unless it is turned off.
    mutating func authorizerPermissions(_ auth: Node?, of name: String) {
        for authorizer in auth?["Authorizers"]?.mapping ?? [] {
            guard let id = authorizer.name, authorizer.value["FunctionArn"] != nil,
                  authorizer.value["DisableFunctionDefaultPermissions"]?.scalar?.boolValue != true else { continue }
            add(name + id + "AuthorizerPermission", "AWS::Lambda::Permission", from: name)
        }
    }

    static let usagePlanParts = [("UsagePlan", "AWS::ApiGateway::UsagePlan"), ("ApiKey", "AWS::ApiGateway::ApiKey"),
                                 ("UsagePlanKey", "AWS::ApiGateway::UsagePlanKey")]

    mutating func httpApi(_ resource: Resource) {
        let name = resource.name
        add(name, "AWS::ApiGatewayV2::Api", from: name)
        if property("StageName", of: resource) != nil {
            stage(of: resource, type: "AWS::ApiGatewayV2::Stage")
        } else {
            add(name + "ApiGatewayDefaultStage", "AWS::ApiGatewayV2::Stage", from: name)
        }
        // An HTTP API's Lambda authorizers get a permission only when asked.
        for authorizer in property("Auth", of: resource)?["Authorizers"]?.mapping ?? [] {
            guard let id = authorizer.name, authorizer.value["FunctionArn"] != nil,
                  authorizer.value["EnableFunctionDefaultPermissions"]?.scalar?.boolValue == true else { continue }
            add(name + id + "AuthorizerPermission", "AWS::Lambda::Permission", from: name)
        }
        apiV2Domain(domain(of: resource), of: name)
    }

    /// An HTTP or WebSocket API's custom domain and its mappings.
    mutating func apiV2Domain(_ domain: MergedMap, of name: String) {
        guard domain["DomainName"] != nil else { return }
        add("ApiGatewayDomainNameV2", "AWS::ApiGatewayV2::DomainName", from: nil, hashed: true, key: Self.valueKey(domain["DomainName"]))
        self.domain(domain, of: name, mapping: "ApiMapping", type: "AWS::ApiGatewayV2::ApiMapping")
    }

    /// A WebSocket API: a route, integration and permission per route key
    /// (`$connect` is `Connect`, `sendMessage` is `Sendmessage`), a
    /// `$connect` Lambda authorizer with its permission, one stage
    /// (`default` unless named), and a custom domain as an HTTP API's.
    mutating func webSocketApi(_ resource: Resource) {
        let name = resource.name
        add(name, "AWS::ApiGatewayV2::Api", from: name)
        let routes = property("Routes", of: resource)?.mapping ?? []
        for route in routes {
            guard let key = route.name, let part = Self.routePart(key) else { continue }
            add(name + part + "Route", "AWS::ApiGatewayV2::Route", from: name)
            add(name + part + "Integration", "AWS::ApiGatewayV2::Integration", from: name)
            add(name + part + "Permission", "AWS::Lambda::Permission", from: name)
        }
        apiV2Domain(domain(of: resource), of: name)
        switch property("StageName", of: resource) {
        case nil: add(name + "DefaultStage", "AWS::ApiGatewayV2::Stage", from: name)
        case let stage?:
            let text = stage.string
            add(name + (text == "default" ? "Default" : text ?? "") + "Stage", "AWS::ApiGatewayV2::Stage", from: name)
        }
        let auth = property("Auth", of: resource)
        if text(auth?["AuthType"]) == "CUSTOM", auth?["AuthArn"] != nil, routes.contains(where: { $0.name == "$connect" }) {
            add(name + "ConnectAuthorizer", "AWS::ApiGatewayV2::Authorizer", from: name)
            if auth?["InvokeRole"] == nil { add(name + "AuthorizerPermission", "AWS::Lambda::Permission", from: name) }
        }
    }

    /// The part of a WebSocket route's ids its key gives, as SAM capitalises
    /// it; nil for a key SAM rejects.
    static func routePart(_ key: String) -> String? {
        let word = ["$connect", "$disconnect", "$default"].contains(key) ? String(key.dropFirst()) : key
        guard isAlphanumeric(word) else { return nil }
        return word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }

    /// An API's stage, named after its StageName as written: a name with
    /// other characters than letters and digits gets a hash instead, and a
    /// computed one none at all.
    mutating func stage(of resource: Resource, type: String) {
        let stage = property("StageName", of: resource)?.string ?? ""
        if stage == "$default" {
            add(resource.name + "ApiGatewayDefaultStage", type, from: resource.name)
        } else if stage.isEmpty || Self.isAlphanumeric(stage) {
            add(resource.name + stage + "Stage", type, from: resource.name)
        } else {
            add(resource.name + "Stage", type, from: resource.name, hashed: true)
        }
    }

    /// A custom domain's mappings, one per base path, and its Route 53
    /// records: one group per hosted zone, shared by every domain in it,
    /// unless the domain asks for a group of its own.
    mutating func domain(_ domain: MergedMap, of api: String, mapping: String, type: String) {
        let paths = domain.items("BasePath").compactMap(\.string)
        for path in paths.isEmpty ? [""] : paths {
            add(api + String(path.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }) + mapping,
                type, from: api)
        }
        if let route53 = domain["Route53"], route53.mapping != nil {
            let zone = Self.valueKey(route53["HostedZoneId"] ?? route53["HostedZoneName"])
            let separate = route53["SeparateRecordSetGroup"]?.scalar?.boolValue == true
            add("RecordSetGroup", "AWS::Route53::RecordSetGroup", from: nil, hashed: true,
                key: separate ? zone + "\u{0}" + Self.valueKey(domain["DomainName"]) : zone)
        }
    }

    mutating func capacityProvider(_ resource: Resource) {
        add(resource.name, "AWS::Lambda::CapacityProvider", from: resource.name)
        if property("OperatorRole", of: resource) == nil {
            add(resource.name + "OperatorRole", "AWS::IAM::Role", from: resource.name)
        }
    }

    /// A value as text that ignores where and how it is written, as SAM
    /// hashes a value into an id: the same domain in two APIs is one
    /// domain name resource.
    static func valueKey(_ node: Node?) -> String {
        guard let node else { return "" }
        if let call = node.intrinsic { return "\(call.name)(" + valueKey(call.argument) + ")" }
        switch node.content {
        case .scalar(let scalar): return "=" + scalar.value
        case .sequence(let items): return "[" + items.map(valueKey).joined(separator: ",") + "]"
        case .mapping(let entries): return "{" + entries.map { valueKey($0.key) + ":" + valueKey($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// An HttpApi event with no path, or `$default`, takes every route.
    static func isCatchAll(_ properties: Node?) -> Bool {
        guard let path = properties?["Path"] else { return true }
        return path.string == "$default" || path.string == "/$default"
    }

    static func isAlphanumeric(_ text: String) -> Bool { !text.isEmpty && text.utf8.allSatisfy(\.isASCIIAlphanumeric) }

    mutating func graphQLApi(_ resource: Resource) {
        let name = resource.name
        let properties = resource.properties
        add(name, "AWS::AppSync::GraphQLApi", from: name)
        if properties?["SchemaInline"] != nil || properties?["SchemaUri"] != nil {
            add(name + "Schema", "AWS::AppSync::GraphQLSchema", from: name)
        }
        let logging = properties?["Logging"]
        if logging?.scalar?.boolValue != false, logging?["CloudWatchLogsRoleArn"] == nil {
            add(name + "CloudWatchRole", "AWS::IAM::Role", from: name)
        }
        for (kind, label, connector) in [("DynamoDb", "DynamoDBDataSource", "ToTableConnectorPolicy"),
                                         ("Lambda", "LambdaDataSource", "ToLambdaConnectorPolicy")] {
            for source in properties?["DataSources"]?[kind]?.mapping ?? [] {
                guard let id = source.name else { continue }
                add(name + id + label, "AWS::AppSync::DataSource", from: name)
                if source.value["ServiceRoleArn"] == nil {
                    add(name + id + label + "Role", "AWS::IAM::Role", from: name)
                    add(name + id + label + connector, "AWS::IAM::ManagedPolicy", from: name)
                }
            }
        }
        for function in properties?["Functions"]?.mapping ?? [] {
            guard let id = function.name, function.value["Id"] == nil else { continue }
            add(name + id, "AWS::AppSync::FunctionConfiguration", from: name)
        }
        for type in properties?["Resolvers"]?.mapping ?? [] {
            for field in type.value.mapping ?? [] {
                guard let typeName = type.name, let fieldName = field.name else { continue }
                add(name + typeName + fieldName, "AWS::AppSync::Resolver", from: name)
            }
        }
        for key in properties?["ApiKeys"]?.mapping ?? [] {
            if let id = key.name { add(name + id, "AWS::AppSync::ApiKey", from: name) }
        }
        if properties?["Cache"] != nil { add(name + "ApiCache", "AWS::AppSync::ApiCache", from: name) }
        if properties?["DomainName"] != nil {
            add(name + "DomainName", "AWS::AppSync::DomainName", from: name)
            add(name + "DomainNameApiAssociation", "AWS::AppSync::DomainNameApiAssociation", from: name)
        }
    }

    /// What a connector becomes: per destination, a managed policy on a
    /// role, a queue or topic policy, or a Lambda permission per access
    /// category granted, as the connector profile of its source and
    /// destination types says. Several destinations number their ids.
    mutating func connector(_ connector: ServerlessConnector) {
        let name = connector.name
        for (index, destination) in connector.destinations.enumerated() {
            guard let profile = profile(of: connector, to: destination) else { continue }
            let suffix = connector.numbered ? "Destination\(index)" : ""
            switch profile.kind {
            case .rolePolicy: add(name + "Policy" + suffix, "AWS::IAM::ManagedPolicy", from: name)
            case .queuePolicy: add(name + "QueuePolicy" + suffix, "AWS::SQS::QueuePolicy", from: name)
            case .topicPolicy: add(name + "TopicPolicy" + suffix, "AWS::SNS::TopicPolicy", from: name)
            case .lambdaPermission:
                for category in profile.categories where connector.permissions.contains(category) {
                    add(name + category + "LambdaPermission" + suffix, "AWS::Lambda::Permission", from: name)
                }
            }
        }
    }

    /// The profile a connector uses toward one destination.
    func profile(of connector: ServerlessConnector, to destination: ServerlessConnector.End?) -> ConnectorProfile? {
        guard let source = connector.type(of: connector.source, in: template, typeOf: { typeByName[$0] }),
              let target = connector.type(of: destination, in: template, typeOf: { typeByName[$0] }) else { return nil }
        return ConnectorProfile.between(source, target)
    }

    /// The APIs SAM adds for Api and HttpApi events that name none.
    mutating func implicitApis() {
        if implicitRestApi, !template.hasResource("ServerlessRestApi") {
            add("ServerlessRestApi", "AWS::ApiGateway::RestApi", from: nil)
            add("ServerlessRestApiDeployment", "AWS::ApiGateway::Deployment", from: nil, hashed: true)
            add("ServerlessRestApiProdStage", "AWS::ApiGateway::Stage", from: nil)
            let globals = template.globals(for: "AWS::Serverless::Api")
            authorizerPermissions(globals?["Auth"], of: "ServerlessRestApi")
            restApiDomain(MergedMap(own: nil, global: globals?["Domain"]), of: "ServerlessRestApi")
        }
        if implicitHttpApi, !template.hasResource("ServerlessHttpApi") {
            add("ServerlessHttpApi", "AWS::ApiGatewayV2::Api", from: nil)
            add("ServerlessHttpApiApiGatewayDefaultStage", "AWS::ApiGatewayV2::Stage", from: nil)
            apiV2Domain(MergedMap(own: nil, global: template.globals(for: "AWS::Serverless::HttpApi")?["Domain"]),
                        of: "ServerlessHttpApi")
        }
    }

    func events(of resource: Resource) -> [(String, Node)] {
        (resource.properties?["Events"]?.mapping ?? []).compactMap { entry in entry.name.map { ($0, entry.value) } }
    }

    /// The stage an Api event's permission is named after: the SAM API's
    /// StageName as written, `Stage` when that is computed, `Prod` for the
    /// implicit API, `AllStages` for an API SAM cannot follow.
    func stage(ofRestApi node: Node?) -> String {
        guard let node else { return "Prod" }
        var target = node.string
        if let call = node.intrinsic, call.name == .ref { target = call.argument.string }
        guard let target, let api = template.resource(named: target) else { return "AllStages" }
        guard let stage = api.properties?["StageName"] else { return "AllStages" }
        return stage.string ?? "Stage"
    }
}


/// A map SAM merges from a resource's value and the Globals one: the
/// resource's keys win, and two lists under one key are joined, Globals'
/// first.
struct MergedMap {
    var own: Node?
    var global: Node?

    subscript(key: String) -> Node? {
        own?[key] ?? global?[key]
    }

    /// The items under `key`: both lists when both are lists, else the value that wins.
    func items(_ key: String) -> [Node] {
        if let mine = own?[key]?.sequence, let theirs = global?[key]?.sequence { return theirs + mine }
        return self[key]?.items ?? []
    }
}
