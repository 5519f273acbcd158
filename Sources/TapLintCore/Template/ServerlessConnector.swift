/// A SAM connector: an `AWS::Serverless::Connector`, or an entry of
/// `Connectors` on a resource (its source that resource), read once for
/// what SAM generates from it and for the policies it grants.
public struct ServerlessConnector: Sendable {
    /// One end of a connector: a resource of the template (`Id`) or one
    /// described by its type and values (`Type`, `Arn`, `RoleName`…).
    public enum End: Sendable {
        case id(String)
        case described(type: String, values: Node)
    }

    /// The id SAM gives it: the resource's, or for an embedded connector
    /// the resource's name and the connector's.
    public var name: String
    public var source: End?
    public var destinations: [End?]
    /// True when `Destination` is a list: SAM then numbers what it generates.
    public var numbered: Bool
    public var permissions: Set<String>
    /// Where it is written (the connector's `Properties`), for findings.
    public var path: [PathElement]
    public var anchor: Node

    /// Every connector of a SAM template, standalone ones and embedded ones, in template order.
    public static func all(in template: Template) -> [ServerlessConnector] {
        var found: [ServerlessConnector] = []
        for resource in template.resources {
            let base: [PathElement] = [.key("Resources"), .key(resource.name)]
            if resource.type == "AWS::Serverless::Connector", let properties = resource.properties {
                found.append(ServerlessConnector(name: resource.name, source: end(properties["Source"]),
                                                 properties: properties, path: base + [.key("Properties")]))
            }
            for embedded in resource.body["Connectors"]?.mapping ?? [] {
                guard let id = embedded.name, let properties = embedded.value["Properties"] else { continue }
                found.append(ServerlessConnector(name: resource.name + id, source: .id(resource.name), properties: properties,
                                                 path: base + [.key("Connectors"), .key(id), .key("Properties")]))
            }
        }
        return found
    }

    init(name: String, source: End?, properties: Node, path: [PathElement]) {
        self.name = name
        self.source = source
        let destination = properties["Destination"]
        numbered = destination?.sequence != nil
        destinations = (destination?.sequence ?? destination.map { [$0] } ?? []).map(Self.end)
        permissions = Set((properties["Permissions"]?.items ?? []).compactMap(\.string))
        self.path = path
        anchor = properties
    }

    static func end(_ node: Node?) -> End? {
        guard let node else { return nil }
        if let id = node["Id"] { return id.string.map(End.id) }
        guard let type = node["Type"]?.string else { return nil }
        return .described(type: connectorTypes[type] ?? type, values: node)
    }

    /// The SAM types a connector's `Type` may name, as aws-sam-translator
    /// reads them.
    static let connectorTypes = ["AWS::Serverless::Function": "AWS::Lambda::Function",
                                 "AWS::Serverless::StateMachine": "AWS::StepFunctions::StateMachine",
                                 "AWS::Serverless::Api": "AWS::ApiGateway::RestApi",
                                 "AWS::Serverless::HttpApi": "AWS::ApiGatewayV2::Api",
                                 "AWS::Serverless::SimpleTable": "AWS::DynamoDB::Table"]

    /// The CloudFormation type of an end: a template resource as SAM
    /// expands it (`typeOf` gives a generated id's type), or the type written.
    public func type(of end: End?, in template: Template, typeOf generated: (String) -> String?) -> String? {
        switch end {
        case .id(let id)?: return generated(id) ?? template.resource(named: id)?.type
        case .described(let type, _)?: return type
        case nil: return nil
        }
    }
}
