import TapLintCore

/// Every resource's properties checked against the catalog in one walk,
/// shared by the rules that report each kind of problem.
///
/// Values that are intrinsic functions are not judged by type: their value
/// is only known at deploy time. `Fn::If` is followed into both branches,
/// each checked against the same shape, and `!Ref AWS::NoValue` counts as
/// absent.
public struct SchemaCheck: Sendable {
    public struct Problem: Sendable {
        public enum Kind: Sendable, Equatable {
            /// A property (or resource attribute) the object does not have.
            case unknownProperty(name: String, candidates: [String])
            /// A property of one branch of a union set beside properties of
            /// another, where no branch takes them together.
            case exclusiveProperty(name: String, others: [String])
            case missingRequired(name: String)
            /// A literal of the wrong type where the schema is certain.
            case wrongType(expected: String, found: String)
            /// A literal address block (CIDR) that is not one; `problem` says why.
            case invalidNetwork(value: String, problem: String)
            /// A literal outside the schema's constraints (allowed values, a
            /// range, a length, a pattern, item counts); `problem` says how.
            case invalidValue(problem: String, fix: String?, computed: Bool = false)
        }

        public var kind: Kind
        public var resource: String
        public var range: SourceRange
        public var path: [PathElement]
    }

    /// The attributes every resource may have besides its properties.
    static let resourceAttributes = [
        "Type", "Properties", "DependsOn", "Condition", "Metadata", "DeletionPolicy", "UpdateReplacePolicy",
        "CreationPolicy", "UpdatePolicy", "Version", "Description",
    ]

    public private(set) var problems: [Problem] = []
    /// The catalog entry of each resource type the template uses.
    public let types: [String: ResourceType]
    /// What a `Ref`, `GetAtt` or `Fn::FindInMap` can give, for judging
    /// values that are computed from the template's own declarations.
    private var sources = ComputedValues()
    /// Where the check is, from the template's root: a stack each level
    /// pushes onto and pops, so only a problem copies it.
    private var path: [PathElement] = []

    /// SAM's own resource attributes, for templates SAM transforms.
    static let serverlessAttributes = ["IgnoreGlobals", "Connectors"]

    init(template: Template) {
        // A macro or preprocessor rewrites resources before CloudFormation
        // validates them: what it reads is not what CloudFormation will see.
        guard !template.isRewrittenBeforeDeploy || template.isServerlessOnly else {
            types = [:]
            return
        }
        var types: [String: ResourceType] = [:]
        for resource in template.resources {
            if let name = resource.type, types[name] == nil, let type = Catalog.type(named: name) { types[name] = type }
        }
        self.types = types
        sources = ComputedValues(template: template, types: types)
        // A macro or preprocessor may give resources attributes of its own
        // (`Count`, `Overrides`), which it removes before CloudFormation reads them.
        let checksAttributes = !template.isRewrittenBeforeDeploy || template.isServerlessOnly
        let allowed = Self.resourceAttributes + (template.isServerlessOnly ? Self.serverlessAttributes : [])
        for resource in template.resources {
            check(resource, type: resource.type.flatMap { types[$0] }, attributes: checksAttributes ? allowed : nil)
        }
    }

    /// The problems of one value against one shape of a type, as if it
    /// stood at a resource's `Properties`: for tests that walk the catalog.
    static func problems(of node: Node, shape: Shape, in type: ResourceType) -> [Problem] {
        var check = SchemaCheck(types: [type.name: type])
        check.path = [.key("Resources"), .key("R"), .key("Properties")]
        check.check(node, shape: shape, in: type, resource: "R", key: node)
        return check.problems
    }

    private init(types: [String: ResourceType]) {
        self.types = types
    }

    private mutating func check(_ resource: Resource, type: ResourceType?, attributes: [String]?) {
        let base: [PathElement] = [.key("Resources"), .key(resource.name)]
        for entry in resource.body.mapping ?? [] where attributes != nil {
            guard let name = entry.name, !(attributes ?? []).contains(name) else { continue }
            problems.append(Problem(kind: .unknownProperty(name: name, candidates: Self.resourceAttributes), resource: resource.name,
                                    range: entry.key.range, path: base + [.key(name)]))
        }
        guard let type, !resource.isCustom else { return }
        guard let properties = resource.properties, properties.scalar?.isNull != true || properties.tag != nil,
              let propertiesKey = resource.body.entry("Properties")?.key else {
            let at = resource.body.entry("Properties")?.key ?? resource.declaration.key
            for name in type.properties.required {
                problems.append(Problem(kind: .missingRequired(name: name), resource: resource.name,
                                        range: at.range, path: base))
            }
            return
        }
        path = base + [.key("Properties")]
        check(properties, object: type.properties, in: type, resource: resource.name, key: propertiesKey)
    }

    /// Checks a mapping against an object shape. `key` is where a missing
    /// required property is reported: the key that holds the object.
    private mutating func check(_ node: Node, object: ObjectShape, in type: ResourceType, resource: String, key: Node) {
        if let branches = Self.branches(of: node) {
            for (i, branch) in branches {
                path += [.key("Fn::If"), .index(i)]
                check(branch, object: object, in: type, resource: resource, key: branch.mapping == nil ? key : branch)
                path.removeLast(2)
            }
            return
        }
        guard node.tag == nil, node.intrinsic == nil else { return }
        guard let entries = node.mapping else {
            if let found = Self.literalKind(node) {
                problems.append(Problem(kind: .wrongType(expected: "an object", found: found), resource: resource,
                                        range: node.range, path: path))
            }
            return
        }
        // Names are kept only for an object that requires some, in a list:
        // objects are small, and most are tag items ({Key, Value}) by the
        // thousand, where building a set costs more than the check.
        let needsNames = !object.required.isEmpty || !object.requiredOneOf.isEmpty
        var present: [String] = []
        /// Present only when an Fn::If takes its other branch: name → condition.
        var conditional: [String: String] = [:]
        for entry in entries {
            guard let name = entry.name else { continue }
            if Self.isNoValue(entry.value) { continue }
            if needsNames {
                present.append(name)
                if let condition = Self.noValueCondition(entry.value) { conditional[name] = condition }
            }
            guard let shape = object.properties[name] else {
                if !object.isOpen {
                    problems.append(Problem(kind: .unknownProperty(name: name, candidates: object.properties.keys.sorted()),
                                            resource: resource,
                                            range: entry.key.range, path: path + [.key(name)]))
                }
                continue
            }
            path.append(.key(name))
            check(entry.value, shape: shape, in: type, resource: resource, key: entry.key)
            path.removeLast()
        }
        for name in object.required where !present.contains(name) || conditional[name] != nil {
            let name = conditional[name].map { "\(name)' (when the Fn::If on '\($0)' gives AWS::NoValue" } ?? name
            problems.append(Problem(kind: .missingRequired(name: name), resource: resource, range: key.range, path: path))
        }
        for group in object.requiredOneOf where !group.contains(where: present.contains) {
            problems.append(Problem(kind: .missingRequired(name: group.joined(separator: "', '")), resource: resource,
                                    range: key.range, path: path))
        }
    }

    private mutating func check(_ node: Node, shape: Shape, in type: ResourceType, resource: String, key: Node) {
        if let branches = Self.branches(of: node) {
            for (i, branch) in branches {
                path += [.key("Fn::If"), .index(i)]
                check(branch, shape: shape, in: type, resource: resource, key: branch.mapping == nil ? key : branch)
                path.removeLast(2)
            }
            return
        }
        // A function computes the value: judged by what it can give.
        if let call = node.intrinsic {
            for (kind, range) in sources.problems(of: call, shape: shape, in: type, at: node.range) {
                problems.append(Problem(kind: kind, resource: resource, range: range, path: path))
            }
            return
        }
        // A tag (a preprocessor's directive) computes the value.
        if node.tag != nil || node.scalar?.isNull == true { return }
        func wrong(_ expected: String) {
            guard let found = Self.literalKind(node) else { return }
            // A list or mapping is pointed at by its key, a scalar by itself.
            let range = node.scalar == nil ? key.range : node.range
            problems.append(Problem(kind: .wrongType(expected: expected, found: found), resource: resource,
                                    range: range, path: path))
        }
        switch shape {
        case .anything:
            return
        case .string:
            if node.scalar == nil { wrong("a string") }
        case .network(let version):
            guard let scalar = node.scalar else { return wrong("a string") }
            // A dynamic reference ({{resolve:ssm:…}}) is filled in at deploy time.
            if !scalar.value.containsBytes("{{resolve:"), let problem = AddressBlock.problem(scalar.value, version: version) {
                problems.append(Problem(kind: .invalidNetwork(value: scalar.value, problem: problem), resource: resource,
                                        range: node.range, path: path))
            }
        case .integer, .number:
            guard let scalar = node.scalar else { return wrong(shape == .integer ? "an integer" : "a number") }
            if !Self.isNumber(scalar.value, integer: shape == .integer) { wrong(shape == .integer ? "an integer" : "a number") }
        case .boolean:
            guard let scalar = node.scalar else { return wrong("a boolean") }
            if scalar.boolValue == nil, !["true", "false"].contains(scalar.value.lowercased()) { wrong("a boolean") }
        case .list(let item):
            guard let items = node.sequence else { return wrong("a list") }
            for (i, element) in items.enumerated() {
                path.append(.index(i))
                check(element, shape: item, in: type, resource: resource, key: element)
                path.removeLast()
            }
        case .map(let value):
            guard let entries = node.mapping else { return wrong("a mapping") }
            for entry in entries {
                path.append(.key(entry.name ?? "?"))
                check(entry.value, shape: value, in: type, resource: resource, key: entry.key)
                path.removeLast()
            }
        case .anyObject:
            if node.mapping == nil { wrong("an object") }
        case .oneOf(let kinds):
            // Only the kind of container is certain: scalars convert among themselves.
            let fits = node.mapping != nil ? kinds.contains("o") : node.sequence != nil ? kinds.contains("l")
                : kinds.contains(where: { "sinb".contains($0) })
            if !fits {
                let allowed = (kinds.contains("o") ? ["an object"] : []) + (kinds.contains("l") ? ["a list"] : [])
                    + (kinds.contains(where: { "sinb".contains($0) }) ? ["a scalar"] : [])
                wrong(allowed.joined(separator: " or "))
            }
        case .object(let name):
            if node.scalar != nil, Self.packageable.contains(type.name + "." + (path.last?.description ?? "")) { return }
            guard let object = type.definitions[name] else { return }
            check(node, object: object, in: type, resource: resource, key: key)
        case .union(let name):
            guard let branches = type.unions[name], !branches.isEmpty else { return }
            check(node, union: branches, in: type, resource: resource, key: key)
        case .constrained(let number, let inner):
            check(node, shape: inner, in: type, resource: resource, key: key)
            guard let constraint = type.constraints[number] else { return }
            let range = node.scalar == nil ? key.range : node.range
            for (problem, fix) in ValueCheck.problems(of: node, under: constraint) {
                problems.append(Problem(kind: .invalidValue(problem: problem, fix: fix), resource: resource,
                                        range: range, path: path))
            }
        }
    }

    /// A value valid when one branch accepts it, as JSON Schema reads
    /// oneOf/anyOf. When none does, the problems of the branch that came
    /// closest (fewest problems; the first of equals) are reported, once;
    /// a property no branch has names the closest of every branch's.
    private mutating func check(_ node: Node, union branches: [Shape], in type: ResourceType, resource: String, key: Node) {
        let start = problems.count
        var closest: [Problem]?
        for branch in branches {
            check(node, shape: branch, in: type, resource: resource, key: key)
            let found = Array(problems[start...])
            problems.removeSubrange(start...)
            // The branch is chosen by shape: a value out of bounds inside it
            // is that branch's problem, not a reason to try another.
            let shape = found.filter { if case .invalidValue = $0.kind { false } else { true } }
            if shape.isEmpty {
                problems += found
                return
            }
            if closest == nil || shape.count < closest?.count ?? 0 { closest = shape }
        }
        let candidates = Set(branches.flatMap { branch -> [String] in
            guard case .object(let name) = branch else { return [] }
            return type.definitions[name].map { Array($0.properties.keys) } ?? []
        }).sorted()
        let present = (node.mapping ?? []).compactMap(\.name)
        problems += (closest ?? []).map { problem in
            guard case .unknownProperty(let name, _) = problem.kind, problem.path.count == path.count + 1 else { return problem }
            var widened = problem
            if candidates.contains(name) {
                // Another branch has it: the value mixes two branches.
                let others = present.filter { $0 != name && candidates.contains($0) }
                widened.kind = .exclusiveProperty(name: name, others: others)
            } else {
                widened.kind = .unknownProperty(name: name, candidates: candidates)
            }
            return widened
        }
    }

    /// Properties that `aws cloudformation package` (and `sam package`)
    /// accept as a local path and rewrite into an object before deploying.
    static let packageable: Set<String> = [
        "AWS::Lambda::Function.Code", "AWS::Lambda::LayerVersion.Content",
        "AWS::ApiGateway::RestApi.BodyS3Location", "AWS::ElasticBeanstalk::ApplicationVersion.SourceBundle",
        "AWS::StepFunctions::StateMachine.DefinitionS3Location", "AWS::AppSync::GraphQLSchema.DefinitionS3Location",
        "AWS::Glue::Job.Command", "AWS::CodeCommit::Repository.Code", "AWS::ApiGatewayV2::Api.BodyS3Location",
    ]

    /// The condition under which an `Fn::If` value gives `AWS::NoValue`.
    static func noValueCondition(_ node: Node) -> String? {
        guard let call = node.intrinsic, call.name == .if, let items = call.argument.sequence, items.count == 3,
              isNoValue(items[1]) || isNoValue(items[2]) else { return nil }
        return items[0].string
    }

    /// The two branches of an `Fn::If`, with their argument index.
    static func branches(of node: Node) -> [(Int, Node)]? {
        guard let call = node.intrinsic, call.name == .if, let items = call.argument.sequence, items.count == 3 else { return nil }
        return [(1, items[1]), (2, items[2])]
    }

    static func isNoValue(_ node: Node) -> Bool { Node.isNoValue(node) }

    /// What a literal is, in words; nil for a value whose type is not certain.
    static func literalKind(_ node: Node) -> String? {
        if node.intrinsic != nil || node.tag != nil { return nil }
        // A one-key mapping named like a function (`Fn::GetStackOutput`, a
        // newer or a preprocessor's function) computes its value.
        if let entries = node.mapping, entries.count == 1, let key = entries[0].name, key.contains("::") { return nil }
        switch node.content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar): return scalar.isNull ? nil : "'\(scalar.value)'"
        }
    }

    static func isNumber(_ text: String, integer: Bool) -> Bool {
        let trimmed = text.trimmingSpaces
        if integer { return Int(trimmed) != nil }
        return Double(trimmed) != nil
    }
}
