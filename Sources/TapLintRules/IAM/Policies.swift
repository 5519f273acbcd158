import TapLintCore

/// A value in a policy (an action, a resource, a principal) and where it is.
struct PolicyValue {
    /// The text, `${…}` for parts filled in at deploy time; nil when computed.
    var text: String?
    var range: SourceRange
    var path: [PathElement]
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
struct PolicyDocument {
    enum Kind {
        /// Grants to the role, user or group it is attached to.
        case identity
        /// Says who may assume a role.
        case trust
        /// Attached to a resource: says who may use it.
        case resource
    }

    var kind: Kind
    var resource: String
    var resourceType: String
    var statements: [PolicyStatement]

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
            // Inline policies: Policies: [{PolicyName, PolicyDocument}], or SAM's
            // Policies, which also takes bare statements documents.
            if ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::Serverless::Function",
                "AWS::Serverless::StateMachine"].contains(type), let policies = properties["Policies"] {
                for (i, item) in policies.items.enumerated() {
                    let path = base + [.key("Policies"), .index(i)]
                    if let entry = item.entry("PolicyDocument") {
                        add(entry.value, path + [.key("PolicyDocument")], .identity, anchor: entry.key)
                    } else if item.entry("Statement") != nil {
                        add(item, path, .identity, anchor: item)
                    }
                }
            }
        }
        return documents
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
                return (1...2).flatMap { statements(in: items[$0], path: path + [.key("Fn::If"), .index($0)], anchor: anchor) }
            }
            if node.mapping == nil, let text = TemplateStrings.build(node) {
                // A JSON document in a string: parse it, and point at the string.
                guard let root = YAMLParser.parse(Array(text.utf8)).root else { return [] }
                return statements(in: root, path: path, anchor: anchor, remap: true)
            }
            return statements(in: node, path: path, anchor: anchor, remap: false)
        }

        private func statements(in document: Node, path: [PathElement], anchor: SourceRange, remap: Bool) -> [PolicyStatement] {
            guard let entry = document.entry("Statement") else { return [] }
            var found: [PolicyStatement] = []
            func collect(_ node: Node, _ path: [PathElement]) {
                if let call = node.intrinsic, call.name == .if, let items = call.argument.sequence, items.count == 3 {
                    for i in 1...2 { collect(items[i], path + [.key("Fn::If"), .index(i)]) }
                } else if let items = node.sequence {
                    for (i, item) in items.enumerated() { collect(item, path + [.index(i)]) }
                } else if node.mapping != nil {
                    found.append(statement(node, path: path, anchor: anchor, remap: remap))
                }
            }
            collect(entry.value, path + [.key("Statement")])
            return found
        }

        private func statement(_ node: Node, path: [PathElement], anchor: SourceRange, remap: Bool) -> PolicyStatement {
            func field(_ name: String) -> [PolicyValue]? {
                guard let entry = node.entry(name) else { return nil }
                return values(entry.value, path: path + [.key(name)], anchor: remap ? anchor : nil)
            }
            var principals: [(String, PolicyValue)] = []
            if let entry = node.entry("Principal") {
                let at = path + [.key("Principal")]
                if let entries = entry.value.mapping {
                    for principal in entries {
                        for value in values(principal.value, path: at + [.key(principal.name ?? "?")], anchor: remap ? anchor : nil) {
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
                PolicyValue(text: nil, range: remap ? anchor : $0.key.range, path: path + [.key("NotPrincipal")])
            }
            return PolicyStatement(effects: PossibleValue.of(node["Effect"], in: template).map(\.text),
                                   actions: field("Action") ?? [], notActions: field("NotAction"),
                                   resources: field("Resource") ?? [], notResources: field("NotResource"),
                                   principals: principals, notPrincipal: notPrincipal, conditionKeys: keys,
                                   range: remap ? anchor : node.range, path: path)
        }

        /// A field's values: one per list item and per `Fn::If` branch.
        func values(_ node: Node, path: [PathElement], anchor: SourceRange?) -> [PolicyValue] {
            if let call = node.intrinsic, call.name == .if, let items = call.argument.sequence, items.count == 3 {
                return (1...2).flatMap { values(items[$0], path: path + [.key("Fn::If"), .index($0)], anchor: anchor) }
            }
            if SchemaCheck.isNoValue(node) { return [] }
            if let items = node.sequence {
                return items.enumerated().flatMap { values($1, path: path + [.index($0)], anchor: anchor) }
            }
            let range = anchor ?? node.valueRange
            if let text = TemplateStrings.build(node) { return [PolicyValue(text: text, range: range, path: path)] }
            return PossibleValue.of(node, in: template).map { PolicyValue(text: $0.text, range: range, path: path) }
        }
    }
}

extension PolicyValue {
    /// True for `*` (any action, resource or principal).
    var isStar: Bool { text == "*" }
}
