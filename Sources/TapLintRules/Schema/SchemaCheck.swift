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
            /// A required property, or one of a group of which one is
            /// required (`names`); `when` names the condition under which
            /// an `Fn::If` leaves it out, where it is there otherwise.
            case missingRequired(names: [String], when: String? = nil)
            /// A literal of the wrong type where the schema is certain.
            case wrongType(expected: String, found: String)
            /// A literal address block (CIDR) that is not one; `problem` says why.
            case invalidNetwork(value: String, problem: String)
            /// A literal outside the schema's constraints (allowed values, a
            /// range, a length, a pattern, item counts); `problem` says how.
            /// `parameter` names the parameter and the value (its default or
            /// an allowed value) when that is where the value comes from.
            case invalidValue(problem: String, fix: String?, computed: Bool = false, parameter: ParameterValue? = nil)
        }

        /// A parameter and one of its values (its default, an allowed value).
        public struct ParameterValue: Sendable, Equatable {
            public var name: String
            public var value: String
        }

        public var kind: Kind
        /// The resource's logical id, or `Globals.Function` for a value
        /// written in SAM's Globals.
        public var resource: String
        public var range: SourceRange
        public var path: [PathElement]
        /// For a value in Globals, the resources that take it from there.
        public var inheritedBy: [String] = []

        var inGlobals: Bool { path.first == .key("Globals") }
        /// The logical id a finding names; none for a value in Globals.
        public var resourceName: String? { inGlobals ? nil : resource }
        /// How a message names where the value is written.
        public var subject: String { resource + inheritance }
        /// How a message names a place inside it (`Fn.Runtime`,
        /// `Globals.Function.Runtime (inherited by A, B)`).
        public func naming(_ place: String) -> String { resource + "." + place + inheritance }
        private var inheritance: String {
            inheritedBy.isEmpty ? "" : " (inherited by \(inheritedBy.joined(separator: ", ")))"
        }
        /// The path below the resource's `Properties`, or below its Globals section.
        public var propertyPath: [PathElement] { Array(path.dropFirst(inGlobals ? 2 : 3)) }
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
    /// False for a template a macro or preprocessor rewrites before
    /// CloudFormation validates it: what it reads is not what CloudFormation will see.
    private var active = false
    private var allowedAttributes: [String] = []

    /// The resource whose properties the walk is in, and its type.
    private var resource = ""
    /// Held in a box: the check reads it at every node, and binding a
    /// struct of this many references would retain each of them.
    private var type: TypeBox?

    final class TypeBox: Sendable {
        let value: ResourceType
        init(_ value: ResourceType) { self.value = value }
    }
    /// What the properties themselves are expected to be.
    private var root: Expect?
    /// For each node the walk is inside, what its children should be.
    private var frames: [Children] = []
    /// Where a check that walks on its own (a union's branches, tests) is.
    private var path: [PathElement] = []

    /// What a node of the properties should be; `key` is what a problem of
    /// its own points at (the key that holds it).
    enum Expect {
        case object(ObjectShape, key: SourceRange)
        case shape(Shape, key: SourceRange)

        var key: SourceRange {
            switch self {
            case .object(_, let key), .shape(_, let key): key
            }
        }

        func at(_ key: SourceRange) -> Expect {
            switch self {
            case .object(let object, _): .object(object, key: key)
            case .shape(let shape, _): .shape(shape, key: key)
            }
        }
    }

    /// What a node's children should be, found for each child as the walk
    /// reaches it (`expectation`): by the property's name, as a list's
    /// items, as a map's values, or as an `Fn::If`'s branches.
    enum Children {
        case none
        case properties(ObjectShape)
        case items(Shape)
        case values(Shape)
        case branches(Expect)
    }

    /// What the child at `path` (reached by its last step) should be;
    /// `key` points at it (its property key, or the item itself). A
    /// property the object does not have is reported here, so that each
    /// name is looked up once.
    private mutating func expectation(of child: Node, under children: Children, key: SourceRange,
                                      path: [PathElement]) -> Expect? {
        // The children first, the step only where it matters: a tuple of
        // the two copied both at every node.
        switch children {
        case .properties(let object):
            guard case .key(let name)? = path.last, !Node.isNoValue(child) else { return nil }
            if let shape = object.properties[name] { return .shape(shape, key: key) }
            if !object.isOpen {
                problems.append(Problem(kind: .unknownProperty(name: name, candidates: object.properties.keys.sorted()),
                                        resource: resource, range: key, path: path))
            }
            return nil
        case .items(let shape):
            guard case .index? = path.last else { return nil }
            return .shape(shape, key: child.range)
        case .values(let shape):
            guard case .key? = path.last else { return nil }
            return .shape(shape, key: key)
        case .branches(let expect):
            guard case .index(let i)? = path.last, i == 1 || i == 2 else { return nil }
            return expect.at(child.mapping == nil ? expect.key : child.range)
        case .none: return nil
        }
    }

    /// SAM's own resource attributes, for templates SAM transforms.
    static let serverlessAttributes = ["IgnoreGlobals", "Connectors"]

    /// Ready to follow the reference walk through the resources'
    /// properties (`walking`): the walk is the one that reads them.
    private init(template: Template, given: ParameterValues?) {
        guard !template.isRewrittenBeforeDeploy || template.isServerlessOnly else {
            types = [:]
            return
        }
        var types: [String: ResourceType] = [:]
        for resource in template.resources {
            if let name = resource.type, types[name] == nil, let type = Catalog.type(named: name) { types[name] = type }
        }
        self.types = types
        sources = ComputedValues(template: template, types: types, given: given)
        active = true
        allowedAttributes = Self.resourceAttributes + (template.isServerlessOnly ? Self.serverlessAttributes : [])
    }

    /// The problems of one value against one shape of a type, as if it
    /// stood at a resource's `Properties`: for tests that walk the catalog.
    static func problems(of node: Node, shape: Shape, in type: ResourceType) -> [Problem] {
        var check = SchemaCheck(types: [type.name: type])
        (check.resource, check.type) = ("R", TypeBox(type))
        check.path = [.key("Resources"), .key("R"), .key("Properties")]
        check.check(node, .shape(shape, key: node.range))
        return check.problems
    }

    private init(types: [String: ResourceType]) {
        self.types = types
    }

    /// Checks one value and everything below it, walking on its own.
    private mutating func check(_ node: Node, _ expect: Expect) {
        let call = node.intrinsic
        let children = local(node, call: call, expect, path: path)
        if case .none = children { return }
        if let branches = Self.branches(of: call) {
            for (i, branch) in branches {
                path += [.key("Fn::If"), .index(i)]
                if let child = expectation(of: branch, under: children, key: expect.key, path: path) { check(branch, child) }
                path.removeLast(2)
            }
            return
        }
        switch node.content {
        case .scalar: break
        case .sequence(let items):
            for (i, item) in items.enumerated() {
                path.append(.index(i))
                if let child = expectation(of: item, under: children, key: item.range, path: path) { check(item, child) }
                path.removeLast()
            }
        case .mapping(let entries):
            for entry in entries {
                path.append(.key(entry.name ?? "?"))
                if let child = expectation(of: entry.value, under: children, key: entry.key.range, path: path) {
                    check(entry.value, child)
                }
                path.removeLast()
            }
        }
    }

    /// The checks of one node against what it should be, and what each of
    /// its children should be.
    private mutating func local(_ node: Node, call: Intrinsic?, _ expect: Expect, path: [PathElement]) -> Children {
        switch expect {
        case .object(let object, let key): local(node, call: call, object: object, key: key, path: path)
        case .shape(let shape, let key): local(node, call: call, shape: shape, key: key, path: path)
        }
    }

    /// A mapping against an object shape. `key` is where a missing
    /// required property is reported: the key that holds the object.
    private mutating func local(_ node: Node, call: Intrinsic?, object: ObjectShape, key: SourceRange, path: [PathElement]) -> Children {
        if Self.branches(of: call) != nil { return .branches(.object(object, key: key)) }
        guard node.tag == nil, call == nil else { return .none }
        guard let entries = node.mapping else {
            if let found = Self.literalKind(node, call: call) {
                problems.append(Problem(kind: .wrongType(expected: "an object", found: found), resource: resource,
                                        range: node.range, path: path))
            }
            return .none
        }
        // Each required name is looked for among the entries: objects are
        // small, and most are tag items ({Key, Value}) by the thousand, where
        // collecting the names (a list, a set) cost more than the check. A
        // property the object does not have is reported as its value is
        // reached (`expectation`).
        guard !object.required.isEmpty || !object.requiredOneOf.isEmpty else { return .properties(object) }
        for name in object.required {
            let (present, condition) = Self.presence(of: name, in: entries)
            if !present || condition != nil {
                problems.append(Problem(kind: .missingRequired(names: [name], when: condition), resource: resource, range: key,
                                        path: path))
            }
        }
        for group in object.requiredOneOf where !group.contains(where: { Self.presence(of: $0, in: entries).present }) {
            problems.append(Problem(kind: .missingRequired(names: group), resource: resource,
                                    range: key, path: path))
        }
        return .properties(object)
    }

    /// Whether an entry gives the property `name` a value, and when one is
    /// given only under a condition (an `Fn::If` whose other branch is
    /// `AWS::NoValue`), that condition: the last such entry's.
    private static func presence(of name: String, in entries: [Entry]) -> (present: Bool, condition: String?) {
        var (present, condition) = (false, String?.none)
        for entry in entries where entry.name == name && !Node.isNoValue(entry.value) {
            present = true
            if let found = noValueCondition(entry.value) { condition = found }
        }
        return (present, condition)
    }

    private mutating func local(_ node: Node, call: Intrinsic?, shape: Shape, key: SourceRange, path: [PathElement]) -> Children {
        if Self.branches(of: call) != nil { return .branches(.shape(shape, key: key)) }
        guard let box = self.type else { return .none }
        // A function computes the value: judged by what it can give.
        if let call {
            for (kind, range) in sources.problems(of: call, shape: shape, in: box.value, at: node.range) {
                problems.append(Problem(kind: kind, resource: resource, range: range, path: path))
            }
            return .none
        }
        // A tag (a preprocessor's directive) computes the value.
        if node.tag != nil || node.scalar?.isNull == true { return .none }
        func wrong(_ expected: String) {
            guard let found = Self.literalKind(node, call: call) else { return }
            // A list or mapping is pointed at by its key, a scalar by itself.
            let range = node.scalar == nil ? key : node.range
            problems.append(Problem(kind: .wrongType(expected: expected, found: found), resource: resource,
                                    range: range, path: path))
        }
        switch shape {
        case .anything:
            return .none
        case .string:
            if node.scalar == nil { wrong("a string") }
        case .network(let version):
            guard let scalar = node.scalar else { wrong("a string"); return .none }
            // A dynamic reference ({{resolve:ssm:…}}) is filled in at deploy time.
            if !scalar.value.containsBytes("{{resolve:"), let problem = AddressBlock.problem(scalar.value, version: version) {
                problems.append(Problem(kind: .invalidNetwork(value: scalar.value, problem: problem), resource: resource,
                                        range: node.range, path: path))
            }
        case .integer, .number:
            guard let scalar = node.scalar else { wrong(shape == .integer ? "an integer" : "a number"); return .none }
            if !Self.isNumber(scalar.value, integer: shape == .integer) { wrong(shape == .integer ? "an integer" : "a number") }
        case .boolean:
            guard let scalar = node.scalar else { wrong("a boolean"); return .none }
            if scalar.boolValue == nil, !["true", "false"].contains(scalar.value.lowercased()) { wrong("a boolean") }
        case .list(let item):
            guard node.sequence != nil else { wrong("a list"); return .none }
            return .items(item)
        case .map(let value):
            guard node.mapping != nil else { wrong("a mapping"); return .none }
            return .values(value)
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
            if node.scalar != nil, Self.packageable.contains(box.value.name + "." + (path.last?.description ?? "")) { return .none }
            guard let object = box.value.definitions[name] else { return .none }
            return local(node, call: call, object: object, key: key, path: path)
        case .union(let name):
            guard let branches = box.value.unions[name], !branches.isEmpty else { return .none }
            // A union is decided on the whole value, each branch tried in turn.
            self.path = path
            check(node, union: branches, key: key)
        case .constrained(let number, let inner):
            let children = local(node, call: call, shape: inner, key: key, path: path)
            guard let constraint = box.value.constraints[number] else { return children }
            let range = node.scalar == nil ? key : node.range
            for (problem, fix) in ValueCheck.problems(of: node, under: constraint) {
                problems.append(Problem(kind: .invalidValue(problem: problem, fix: fix), resource: resource,
                                        range: range, path: path))
            }
            return children
        }
        return .none
    }

    /// A value valid when one branch accepts it, as JSON Schema reads
    /// oneOf/anyOf. When none does, the problems of the branch that came
    /// closest (fewest problems; the first of equals) are reported, once;
    /// a property no branch has names the closest of every branch's.
    private mutating func check(_ node: Node, union branches: [Shape], key: SourceRange) {
        guard let type = self.type?.value else { return }
        let start = problems.count
        var closest: [Problem]?
        for branch in branches {
            check(node, .shape(branch, key: key))
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
              Node.isNoValue(items[1]) || Node.isNoValue(items[2]) else { return nil }
        return items[0].string
    }

    /// The two branches of an `Fn::If` call, with their argument index.
    static func branches(of call: Intrinsic?) -> [(Int, Node)]? {
        guard let call, call.name == .if, let items = call.argument.sequence, items.count == 3 else { return nil }
        return [(1, items[1]), (2, items[2])]
    }

    /// What a literal is, in words; nil for a value whose type is not
    /// certain. `call` is the function the node calls.
    static func literalKind(_ node: Node, call: Intrinsic?) -> String? {
        if call != nil || node.tag != nil { return nil }
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

/// SchemaCheck follows the reference walk through each resource's
/// properties: the walk hands it every node, and it keeps, for each node it
/// is inside, what that node's children should be.
extension SchemaCheck: PropertyVisitor {
    /// The reference walk of `template` (`ReferenceIndex`, with `needles`)
    /// and the check of its resources' properties, in that one walk; or
    /// `part` of them, when the walk is shared among `parts` threads.
    static func walking(_ template: Template, strings needles: [StaticString], part: Int = 0,
                        of parts: Int = 1, given: ParameterValues? = nil) -> (ReferenceIndex, SchemaCheck) {
        var check = SchemaCheck(template: template, given: given)
        let references = ReferenceIndex(template, strings: needles, visitor: &check, part: part, of: parts)
        if part == parts - 1 { check.checkGlobals(of: template) }
        return (references, check)
    }

    /// SAM's Globals, which the reference walk does not enter: each
    /// section (`Globals.Function`) checked against its SAM type's shape,
    /// the properties SAM passes on as the resources it generates take
    /// them. A problem is kept only where some resource inherits the value
    /// (it does not set the property itself, nor ignore Globals), and names
    /// those resources.
    mutating func checkGlobals(of template: Template) {
        guard active, template.isServerlessOnly, template.transforms.contains("AWS::Serverless-2016-10-31"),
              let sections = template.root["Globals"]?.mapping else { return }
        let before = problems.count
        for section in sections {
            guard let kind = section.name, section.value.mapping != nil,
                  let type = Catalog.type(named: "AWS::Serverless::" + kind) else { continue }
            (resource, self.type) = ("Globals." + kind, TypeBox(type))
            path = [.key("Globals"), .key(kind)]
            check(section.value, .object(type.properties, key: section.key.range))
        }
        var kept = Array(problems[..<before])
        for var problem in problems[before...] {
            guard problem.path.count > 2, case .key(let kind) = problem.path[1], case .key(let property) = problem.path[2] else { continue }
            problem.inheritedBy = template.resources.compactMap { resource in
                guard resource.type == "AWS::Serverless::" + kind, resource.properties?[property] == nil,
                      template.globalValue(property, for: resource) != nil else { return nil }
                return resource.name
            }
            if !problem.inheritedBy.isEmpty { kept.append(problem) }
        }
        problems = kept
    }

    /// Adds what the check found on the next part of the same walk.
    mutating func append(_ next: SchemaCheck) {
        problems += next.problems
    }

    /// A resource's attributes checked; true when its properties are to be
    /// checked as the walk reaches them.
    public mutating func resource(_ resource: Resource) -> Bool {
        root = nil
        guard active else { return false }
        let base: [PathElement] = [.key("Resources"), .key(resource.name)]
        for entry in resource.body.mapping ?? [] {
            guard let name = entry.name, !allowedAttributes.contains(name) else { continue }
            problems.append(Problem(kind: .unknownProperty(name: name, candidates: Self.resourceAttributes), resource: resource.name,
                                    range: entry.key.range, path: base + [.key(name)]))
        }
        guard let name = resource.type, let type = types[name], !resource.isCustom else { return false }
        (self.resource, self.type) = (resource.name, TypeBox(type))
        guard let properties = resource.properties, properties.scalar?.isNull != true || properties.tag != nil,
              let propertiesKey = resource.body.entry("Properties")?.key else {
            let at = resource.body.entry("Properties")?.key ?? resource.declaration.key
            for name in type.properties.required {
                problems.append(Problem(kind: .missingRequired(names: [name]), resource: resource.name, range: at.range, path: base))
            }
            return false
        }
        root = .object(type.properties, key: propertiesKey.range)
        return true
    }

    public mutating func visit(_ node: Node, call: Intrinsic?, key: SourceRange, path: [PathElement]) -> Bool {
        guard let expect = frames.isEmpty ? root : expectation(of: node, under: frames[frames.count - 1], key: key, path: path) else {
            return false
        }
        let children = local(node, call: call, expect, path: path)
        if case .none = children { return false }
        frames.append(children)
        return true
    }

    public mutating func leave() {
        frames.removeLast()
    }
}
