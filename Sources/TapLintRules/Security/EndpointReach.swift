import TapLintCore

/// What anyone who calls an open endpoint can make AWS do: the actions the
/// function behind it may take through its role, or the action of a direct
/// service integration. SEC001 grades an open method by it: a writing
/// method that reaches writes on data is an error, a reading one a warning,
/// and one that reaches only reads and logs is information.
struct EndpointReach {
    /// One action the endpoint reaches, and what it acts on where the
    /// policy names a resource of the template.
    struct Action {
        var name: String
        var level: AccessLevel
        var target: String?

        /// Writes and permission changes, but not the logs and traces every
        /// function writes.
        var changesData: Bool {
            guard level == .write || level == .permissionsManagement else { return false }
            let service = name.prefix { $0 != ":" }.lowercased()
            return !["logs", "xray"].contains(service) && name.lowercased() != "cloudwatch:putmetricdata"
        }

        var described: String { target.map { "\(name) on \($0)" } ?? name }
    }

    enum Outcome {
        /// The actions reached, every one of them.
        case actions([Action])
        /// Taplint cannot see what the endpoint reaches, and why.
        case unseen(String)
    }

    let template: Template
    let policies: [PolicyDocument]

    /// What invoking the function lets a caller do: everything its role may.
    func function(_ name: String) -> Outcome {
        guard let function = template.resource(named: name) else { return .unseen("\(name) is not in this template") }
        let role = template.property("Role", of: function)?.entry.value
        if function.type == "AWS::Serverless::Function", role == nil || Node.isNoValue(role!) {
            return serverlessRole(of: function)
        }
        guard let role, let roleName = Self.resourceNamed(by: role, in: template),
              template.resource(named: roleName)?.type == "AWS::IAM::Role" else {
            return .unseen("\(name)'s role is not one this template defines")
        }
        return roleActions(roleName)
    }

    /// The action of a direct service integration (`arn:aws:apigateway:…:dynamodb:action/PutItem`).
    static func integrationAction(_ uri: String) -> Outcome? {
        // `${AWS::Region}` and the like hold colons of their own.
        let plain = SubTemplate(uri).parts.map { part in
            if case .literal(let text) = part { return text }
            return "X"
        }.joined()
        let parts = plain.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[2] == "apigateway", parts[5].hasPrefix("action/") else { return nil }
        let name = "\(parts[4]):\(parts[5].dropFirst("action/".count))"
        guard let action = ActionCatalog.matching(name)?.first else {
            return .unseen("its integration calls \(name), an action taplint does not know")
        }
        return .actions([Action(name: name, level: action.level, target: nil)])
    }

    /// The role SAM creates for a function: the basic execution policy,
    /// and the function's `Policies` and the connectors from it.
    private func serverlessRole(of function: Resource) -> Outcome {
        var actions: [Action] = []
        for document in policies where document.resource == function.name && document.kind == .identity {
            actions += allowed(in: document)
        }
        if let entries = template.property("Policies", of: function)?.entry.value {
            for (item, _, _) in PolicyDocument.serverlessEntries(entries, path: []) {
                guard item.mapping == nil else { continue }
                if let unseen = managedPolicy(item) { return unseen }
            }
        }
        return .actions(actions)
    }

    /// A managed policy by name or ARN: nil when its name says it only
    /// reads (`…ReadOnlyAccess`) or is one of Lambda's execution policies,
    /// else what taplint cannot see.
    private func managedPolicy(_ node: Node) -> Outcome? {
        guard let text = TemplateStrings.build(node) else { return .unseen("its role has a managed policy computed at deploy time") }
        let name = String(text.split(separator: "/").last ?? Substring(text))
        if name.hasSuffix("ReadOnlyAccess") || Self.executionPolicies.contains(name) { return nil }
        return .unseen("its role has the managed policy \(name), whose actions taplint does not read")
    }

    /// AWS's managed policies for running a function: logs, traces, and
    /// the network interfaces of a VPC.
    static let executionPolicies: Set<String> = [
        "AWSLambdaBasicExecutionRole", "AWSLambdaVPCAccessExecutionRole", "AWSXRayDaemonWriteAccess",
        "AWSXrayWriteOnlyAccess", "CloudWatchLambdaInsightsExecutionRolePolicy", "AWSLambdaExecute",
    ]

    /// What a role of the template may do: its inline policies, the
    /// policies that name it in `Roles`, and its managed policies.
    private func roleActions(_ role: String) -> Outcome {
        var actions: [Action] = []
        var attached: Set<String> = [role]
        for resource in template.resources where resource.type == "AWS::IAM::Policy" || resource.type == "AWS::IAM::ManagedPolicy" {
            let roles = resource.properties?["Roles"]?.items ?? []
            if roles.contains(where: { Self.resourceNamed(by: $0, in: template) == role }) { attached.insert(resource.name) }
        }
        for item in template.resource(named: role)?.properties?["ManagedPolicyArns"]?.items ?? [] {
            if let name = Self.resourceNamed(by: item, in: template) {
                attached.insert(name)
            } else if let unseen = managedPolicy(item) {
                return unseen
            }
        }
        for document in policies where document.kind == .identity && attached.contains(document.resource) {
            actions += allowed(in: document)
        }
        return .actions(actions)
    }

    /// The actions a document allows, with the resource each acts on.
    private func allowed(in document: PolicyDocument) -> [Action] {
        document.statements.filter(\.allows).flatMap { statement -> [Action] in
            let target = statement.resources.lazy.compactMap { value in
                value.node.flatMap { Self.resourceNamed(by: $0, in: template) } ?? Self.resourceNamed(in: value.text, template: template)
            }.first
            return statement.actions.flatMap { value -> [Action] in
                guard let text = value.text else { return [] }
                if text == "*" { return [Action(name: "*", level: .write, target: target)] }
                return (ActionCatalog.matching(text) ?? []).map { action in
                    Action(name: text.contains("*") ? "\(text.prefix { $0 != ":" }):\(action.name)" : text, level: action.level,
                           target: target)
                }
            }
        }
    }

    /// The resource a `Ref`, `GetAtt` or `Fn::Sub` of one names.
    static func resourceNamed(by node: Node, in template: Template) -> String? {
        guard let call = node.intrinsic else { return nil }
        switch call.name {
        case .ref: return call.argument.string.flatMap { template.hasResource($0) ? $0 : nil }
        case .getAtt: return GetAttTarget(call.argument).flatMap { template.hasResource($0.resource) ? $0.resource : nil }
        case .sub: return resourceNamed(in: SubCall(call.argument)?.text.literalText, template: template)
        default: return nil
        }
    }

    /// The first template resource a `${Name}` or `${Name.Attribute}` in the text names.
    static func resourceNamed(in text: String?, template: Template) -> String? {
        guard let text else { return nil }
        for variable in SubTemplate(text).variables {
            let name = String(variable.name.prefix { $0 != "." })
            if template.hasResource(name) { return name }
        }
        return nil
    }
}

extension EndpointReach {
    /// HTTP verbs that change what they reach, by convention.
    static let writingVerbs: Set<String> = ["POST", "PUT", "PATCH", "DELETE", "ANY"]

    /// The severity of an open endpoint taking `verb` requests on `route`,
    /// and the words that say what anyone can do through it.
    static func grade(verb: String, route: String, _ outcome: Outcome) -> (severity: Severity, reach: String) {
        switch outcome {
        case .unseen(let why):
            return (.warning, "anyone can call it, and what it reaches cannot be seen here (\(why))")
        case .actions(let actions):
            let data = actions.filter(\.changesData)
            if let first = data.first {
                let more = Set(data.map(\.name)).count - 1
                let reach = "anyone can reach \(first.described)" + (more > 0 ? " (and \(more) more writing actions)" : "")
                    + " through \(verb) \(route)"
                return (writingVerbs.contains(verb) ? .error : .warning, reach)
            }
            let read = actions.first { !["logs", "xray"].contains($0.name.prefix { $0 != ":" }.lowercased()) }
            return (.info, "anyone can call it, but it reaches only reads and logs"
                        + (read.map { " (such as \($0.described))" } ?? ""))
        }
    }
}
