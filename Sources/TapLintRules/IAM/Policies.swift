import TapLintCore

/// A value in a policy (an action, a resource, a principal) and where it is.
struct PolicyValue {
    /// The text, `${…}` for parts filled in at deploy time; nil when computed.
    var text: String?
    var range: SourceRange
    /// The field that holds it (`…Statement[0].Action`), one array shared by
    /// all the field's values: a large template has thousands of values,
    /// and a whole path apiece was a tenth of a lint's memory.
    var field: [PathElement]
    /// From the field to the value: `[1]` for a list's second item, more
    /// through `Fn::If`; empty for the field's single value.
    var within: [PathElement] = []
    /// The value as written, for what the text cannot say (the resource a
    /// `GetAtt` names).
    var node: Node? = nil

    /// From the template's root to the value.
    var path: [PathElement] { within.isEmpty ? field : field + within }
}

/// One statement, with every field read the way IAM reads it: a single
/// value or a list, through `Fn::If` (both branches count), `Fn::Sub`,
/// `Fn::Join` and parameter defaults.
///
/// A class, not a struct: a dozen IAM rules pass every statement around,
/// and a copy then costs one reference count instead of one per field.
final class PolicyStatement: Sendable {
    let effects: [String?]
    let actions: [PolicyValue]
    /// Nil when the statement has no such field.
    let notActions: [PolicyValue]?
    let resources: [PolicyValue]
    let notResources: [PolicyValue]?
    /// Principal type (`AWS`, `Service`, `Federated`, or `*` for a bare `*`) → values.
    let principals: [(type: String, value: PolicyValue)]
    let notPrincipal: PolicyValue?
    /// Condition keys used, lowercased (`aws:sourcearn`).
    let conditionKeys: Set<String>
    let range: SourceRange
    let path: [PathElement]
    let allows: Bool

    init(effects: [String?], actions: [PolicyValue], notActions: [PolicyValue]?, resources: [PolicyValue],
         notResources: [PolicyValue]?, principals: [(type: String, value: PolicyValue)], notPrincipal: PolicyValue?,
         conditionKeys: Set<String>, range: SourceRange, path: [PathElement]) {
        self.effects = effects
        self.actions = actions
        self.notActions = notActions
        self.resources = resources
        self.notResources = notResources
        self.principals = principals
        self.notPrincipal = notPrincipal
        self.conditionKeys = conditionKeys
        self.range = range
        self.path = path
        allows = effects.contains { $0 == "Allow" }
    }
}

/// A policy document of the template, and what kind of policy it is.
///
/// A read-only class: a dozen IAM rules go through every document, and a
/// copy of the struct retained each of its fields.
final class PolicyDocument: Sendable {
    enum Kind {
        /// Grants to the role, user or group it is attached to.
        case identity
        /// Says who may assume a role.
        case trust
        /// Attached to a resource: says who may use it.
        case resource
    }

    let kind: Kind
    let resource: String
    let resourceType: String
    let statements: [PolicyStatement]
    /// The SAM policy template the document was expanded from: its actions
    /// and the shape of its resources are AWS's, which the author picks
    /// whole and cannot edit, so rules about those leave it alone.
    let template: String?
    /// The parameter values the author gave that template, and where.
    let arguments: (node: Node, path: [PathElement])?

    init(kind: Kind, resource: String, resourceType: String, statements: [PolicyStatement], template: String? = nil,
         arguments: (node: Node, path: [PathElement])? = nil) {
        (self.kind, self.resource, self.resourceType, self.statements) = (kind, resource, resourceType, statements)
        (self.template, self.arguments) = (template, arguments)
    }

    /// Every policy document of the template.
    static func all(in template: Template) -> [PolicyDocument] {
        var documents: [PolicyDocument] = []
        for resource in template.resources {
            guard let type = resource.type, let properties = resource.properties else { continue }
            let base: [PathElement] = [.key("Resources"), .key(resource.name), .key("Properties")]
            func add(_ node: Node?, _ path: [PathElement], _ kind: Kind, anchor: Node) {
                guard let node else { return }
                let statements = Reader(template: template).statements(in: node, path: path, anchor: anchor.range)
                documents.append(PolicyDocument(kind: kind, resource: resource.name, resourceType: type, statements: statements))
            }
            for (property, kind) in locations[type] ?? [] {
                if let entry = properties.entry(property) { add(entry.value, base + [.key(property)], kind, anchor: entry.key) }
            }
            guard let policies = properties["Policies"] else { continue }
            let path = base + [.key("Policies")]
            if ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"].contains(type) {
                // Inline policies: Policies: [{PolicyName, PolicyDocument}].
                for (i, item) in policies.items.enumerated() {
                    if let entry = item.entry("PolicyDocument") {
                        add(entry.value, path.appending(.index(i), .key("PolicyDocument")), .identity, anchor: entry.key)
                    }
                }
            } else if ["AWS::Serverless::Function", "AWS::Serverless::StateMachine"].contains(type) {
                // SAM's Policies: each entry a managed policy (IAM008 reads
                // those), a statements document, or a policy template, which
                // the transform expands.
                for (item, path, _) in Self.serverlessEntries(policies, path: path) {
                    if item.entry("Statement") != nil {
                        add(item, path, .identity, anchor: item)
                    } else if let entries = item.mapping, entries.count == 1, let name = entries[0].name,
                              let policy = PolicyTemplate.named(name) {
                        let document = policy.document(with: Self.parameterValues(entries[0].value))
                        guard let root = YAMLParser.parse(Array(document.utf8)).root else { continue }
                        let statements = Reader(template: template).statements(in: root, path: path.appending(.key(name)),
                                                                             anchor: entries[0].key.range, remap: true)
                        documents.append(PolicyDocument(kind: .identity, resource: resource.name, resourceType: type,
                                                        statements: statements, template: name,
                                                        arguments: (entries[0].value, path.appending(.key(name)))))
                    }
                }
            }
        }
        return documents + ConnectorPolicies.all(in: template)
    }

    /// The entries of SAM's `Policies` (one item or a list of them), each
    /// `Fn::If` branch an entry of its own and `AWS::NoValue` left out, with
    /// where each is and how messages name it (`Policies[1]`).
    static func serverlessEntries(_ policies: Node, path: [PathElement]) -> [(item: Node, path: [PathElement], place: String)] {
        var entries: [(item: Node, path: [PathElement], place: String)] = []
        func add(_ item: Node, _ path: [PathElement], _ place: String) {
            if let call = item.intrinsic, call.name == .if, let branches = call.argument.sequence, branches.count == 3 {
                for i in 1...2 { add(branches[i], path.appending(.key("Fn::If"), .index(i)), place) }
            } else if !Node.isNoValue(item) {
                entries.append((item, path, place))
            }
        }
        if let items = policies.sequence {
            for (i, item) in items.enumerated() { add(item, path.appending(.index(i)), "Policies[\(i)]") }
        } else {
            add(policies, path, "Policies")
        }
        return entries
    }

    /// A policy template's parameter values as JSON: a plain string as
    /// itself, a `Ref` as the same `Ref` (a parameter's default then counts);
    /// anything else is left out, known only at deploy time.
    static func parameterValues(_ node: Node) -> [String: String] {
        var values: [String: String] = [:]
        for entry in node.mapping ?? [] {
            guard let name = entry.name else { continue }
            if let text = entry.value.string, entry.value.tag == nil {
                values[name] = jsonString(text)
            } else if let call = entry.value.intrinsic, call.name == .ref, let target = call.argument.string {
                values[name] = "{\"Ref\":\(jsonString(target))}"
            }
        }
        return values
    }

    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Where each resource type keeps its policy documents, besides `Policies`.
    static let locations: [String: [(String, Kind)]] = [
        "AWS::IAM::Role": [("AssumeRolePolicyDocument", .trust)],
        "AWS::IAM::Policy": [("PolicyDocument", .identity)],
        "AWS::IAM::ManagedPolicy": [("PolicyDocument", .identity)],
        "AWS::IoT::Policy": [("PolicyDocument", .identity)],
        "AWS::S3::BucketPolicy": [("PolicyDocument", .resource)],
        "AWS::SQS::QueuePolicy": [("PolicyDocument", .resource)],
        "AWS::SNS::TopicPolicy": [("PolicyDocument", .resource)],
        "AWS::KMS::Key": [("KeyPolicy", .resource)],
        "AWS::SecretsManager::ResourcePolicy": [("ResourcePolicy", .resource)],
        "AWS::Logs::ResourcePolicy": [("PolicyDocument", .resource)],
        "AWS::ECR::Repository": [("RepositoryPolicyText", .resource)],
    ]

    /// Reads statements out of a document node.
    struct Reader {
        let template: Template

        /// `anchor` is where findings point when the document is a JSON
        /// string, whose inner positions are not the file's.
        func statements(in node: Node, path: [PathElement], anchor: SourceRange) -> [PolicyStatement] {
            if let call = node.intrinsic, call.name == .if, let items = call.argument.sequence, items.count == 3 {
                return (1...2).flatMap { statements(in: items[$0], path: path.appending(.key("Fn::If"), .index($0)), anchor: anchor) }
            }
            if node.mapping == nil, let text = TemplateStrings.build(node) {
                // A JSON document in a string: parse it, and point at the string.
                guard let root = YAMLParser.parse(Array(text.utf8)).root else { return [] }
                return statements(in: root, path: path, anchor: anchor, remap: true)
            }
            return statements(in: node, path: path, anchor: anchor, remap: false)
        }

        /// `remap` points every finding at `anchor`, for a document whose
        /// positions are not the file's.
        func statements(in document: Node, path: [PathElement], anchor: SourceRange, remap: Bool) -> [PolicyStatement] {
            guard let entry = document.entry("Statement") else { return [] }
            var found: [PolicyStatement] = []
            func collect(_ node: Node, _ path: [PathElement]) {
                if let call = node.intrinsic, call.name == .if, let items = call.argument.sequence, items.count == 3 {
                    for i in 1...2 { collect(items[i], path.appending(.key("Fn::If"), .index(i))) }
                } else if let items = node.sequence {
                    for (i, item) in items.enumerated() { collect(item, path.appending(.index(i))) }
                } else if node.mapping != nil {
                    found.append(statement(node, path: path, anchor: anchor, remap: remap))
                }
            }
            collect(entry.value, path.appending(.key("Statement")))
            return found
        }

        private func statement(_ node: Node, path: [PathElement], anchor: SourceRange, remap: Bool) -> PolicyStatement {
            func field(_ name: String) -> [PolicyValue]? {
                guard let entry = node.entry(name) else { return nil }
                return values(entry.value, path: path.appending(.key(name)), anchor: remap ? anchor : nil)
            }
            var principals: [(String, PolicyValue)] = []
            if let entry = node.entry("Principal") {
                let at = path.appending(.key("Principal"))
                if let entries = entry.value.mapping {
                    for principal in entries {
                        for value in values(principal.value, path: at.appending(.key(principal.name ?? "?")), anchor: remap ? anchor : nil) {
                            principals.append((principal.name ?? "?", value))
                        }
                    }
                } else {
                    principals = values(entry.value, path: at, anchor: remap ? anchor : nil).map { ("*", $0) }
                }
            }
            var keys = Set<String>()
            for condition in node["Condition"]?.mapping ?? [] {
                for key in condition.value.mapping ?? [] { if let name = key.name { keys.insert(name.lowercased()) } }
            }
            let notPrincipal = node.entry("NotPrincipal").map {
                PolicyValue(text: nil, range: remap ? anchor : $0.key.range, field: path.appending(.key("NotPrincipal")))
            }
            return PolicyStatement(effects: PossibleValue.of(node["Effect"], in: template).map(\.text),
                                   actions: field("Action") ?? [], notActions: field("NotAction"),
                                   resources: field("Resource") ?? [], notResources: field("NotResource"),
                                   principals: principals, notPrincipal: notPrincipal, conditionKeys: keys,
                                   range: remap ? anchor : node.range, path: path)
        }

        /// A field's values: one per list item and per `Fn::If` branch.
        func values(_ node: Node, path: [PathElement], anchor: SourceRange?) -> [PolicyValue] {
            var found: [PolicyValue] = []
            collect(node, field: path, within: [], anchor: anchor, into: &found)
            return found
        }

        /// `[.index(i)]` for a list's first items, made once and shared: most
        /// values are items of a field's list, and each had an array of its own.
        private static let itemSteps: [[PathElement]] = (0..<64).map { [.index($0)] }

        /// The values of `node`, which lies `within` from the field.
        private func collect(_ node: Node, field: [PathElement], within: [PathElement], anchor: SourceRange?,
                             into found: inout [PolicyValue]) {
            if let call = node.intrinsic, call.name == .if, let items = call.argument.sequence, items.count == 3 {
                for i in 1...2 { collect(items[i], field: field, within: within.appending(.key("Fn::If"), .index(i)), anchor: anchor, into: &found) }
                return
            }
            if Node.isNoValue(node) { return }
            // A list of values, not the list a function takes (`!Join`).
            if node.intrinsic == nil, let items = node.sequence {
                for (i, item) in items.enumerated() {
                    let step = within.isEmpty && i < Self.itemSteps.count ? Self.itemSteps[i] : within.appending(.index(i))
                    collect(item, field: field, within: step, anchor: anchor, into: &found)
                }
                return
            }
            let range = anchor ?? node.valueRange
            if let text = TemplateStrings.build(node) {
                return found.append(PolicyValue(text: text, range: range, field: field, within: within, node: node))
            }
            for value in PossibleValue.of(node, in: template) {
                found.append(PolicyValue(text: value.text, range: range, field: field, within: within, node: node))
            }
        }
    }
}

extension PolicyValue {
    /// True for `*` (any action, resource or principal).
    var isStar: Bool { text == "*" }
}
