import TapLintCore

/// The policies SAM's connectors grant to a role: a connector whose
/// profile is a role's managed policy gives its source's (or destination's)
/// role the statements of each access category it names, the profile's
/// placeholders (`%{Destination.Arn}`) written as the ends' values.
enum ConnectorPolicies {
    static func all(in template: Template) -> [PolicyDocument] {
        guard template.isServerlessOnly, !template.generated.isEmpty else { return [] }
        var documents: [PolicyDocument] = []
        for connector in ServerlessConnector.all(in: template) {
            for destination in connector.destinations {
                let typeOf = { (name: String) in template.generatedResource(named: name)?.type }
                guard let sourceType = connector.type(of: connector.source, in: template, typeOf: typeOf),
                      let destinationType = connector.type(of: destination, in: template, typeOf: typeOf),
                      let profile = ConnectorProfile.between(sourceType, destinationType), profile.kind == .rolePolicy,
                      case .id(let owner)? = profile.sourcePolicy ? connector.source : destination else { continue }
                let ownerType = profile.sourcePolicy ? sourceType : destinationType
                // Each granted category's list, its brackets dropped, joined into one list.
                let lists = profile.categories.filter(connector.permissions.contains).compactMap { profile.statements[$0] }
                    .map { $0.dropFirst().dropLast() }.filter { !$0.isEmpty }
                guard !lists.isEmpty else { continue }
                var text = "{\"Statement\":[" + lists.joined(separator: ",") + "]}"
                for (end, role) in [(connector.source, "Source"), (destination, "Destination")] {
                    text = substitute(end, role: role, type: role == "Source" ? sourceType : destinationType, in: text)
                }
                guard let root = YAMLParser.parse(Array(text.utf8)).root else { continue }
                let path = connector.path + [.key("Permissions")]
                let read = PolicyDocument.Reader(template: template).statements(in: root, path: path, anchor: connector.anchor.range,
                                                                                remap: true)
                documents.append(PolicyDocument(kind: .identity, resource: owner, resourceType: ownerType, statements: read,
                                                template: "connector"))
            }
        }
        return documents
    }

    /// The profile's `%{Source.Arn}` and the like as `Fn::Sub` variables of
    /// a template resource (its `Arn` attribute, or its `Ref` where that is
    /// the ARN), or as the text written for an end described by its values.
    static func substitute(_ end: ServerlessConnector.End?, role: String, type: String, in text: String) -> String {
        var text = text
        for field in ["Arn", "Name", "ResourceId", "Qualifier", "QueueUrl", "RoleName"] {
            let placeholder = "%{\(role).\(field)}"
            guard text.contains(placeholder) else { continue }
            let value: String
            switch end {
            case .id(let name)?:
                let byRef = field == "Arn" ? refIsArn.contains(type) : field != "Name"
                value = byRef ? "${\(name)}" : "${\(name).\(field)}"
            case .described(_, let values)?:
                value = values[field]?.string ?? "${\(role)\(field)}"
            case nil:
                value = "${\(role)\(field)}"
            }
            text = text.replacing(placeholder, with: value)
        }
        // A string that now holds `${…}` is a Sub of those variables.
        return wrapVariables(text)
    }

    /// Types whose `Ref` is their ARN, as the translator's connector
    /// profiles (`CfnResourceProperties`) read them.
    static let refIsArn: Set<String> = ["AWS::StepFunctions::StateMachine", "AWS::SNS::Topic", "AWS::AppSync::DataSource",
                                        "AWS::AppSync::GraphQLApi"]

    /// Every JSON string holding `${` becomes `{"Fn::Sub": "…"}`.
    private static func wrapVariables(_ json: String) -> String {
        var out = ""
        var rest = Substring(json)
        while let open = rest.firstIndex(of: "\"") {
            out += rest[..<open]
            var close = rest.index(after: open)
            while close < rest.endIndex, rest[close] != "\"" {
                if rest[close] == "\\" { close = rest.index(after: close) }
                close = rest.index(after: close)
            }
            guard close < rest.endIndex else { return out + rest[open...] }
            let literal = rest[open...close]
            out += literal.contains("${") ? "{\"Fn::Sub\":\(literal)}" : String(literal)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
