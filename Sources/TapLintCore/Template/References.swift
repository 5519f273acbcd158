/// A place where the template names a resource, parameter or pseudo
/// parameter: through `Ref`, `Fn::GetAtt`, a `Fn::Sub` variable or `DependsOn`.
///
/// A class, read-only: a dozen rules and the dependency graph go through
/// every reference, and each copy of a struct retained its strings, path
/// and branches.
public final class Reference: Sendable {
    public enum Kind: String, Sendable {
        case ref = "Ref"
        case getAtt = "GetAtt"
        case sub = "Sub"
        case dependsOn = "DependsOn"
    }

    /// Which top-level entry holds the reference.
    public enum Owner: Sendable, Equatable {
        case resource(Int)
        case output(Int)
        case condition(Int)
        /// The Rules section, or SAM's Globals.
        case other
    }

    public let kind: Kind
    public let target: String
    /// The attribute of `Fn::GetAtt` or `${Name.Attr}`.
    public let attribute: String?
    public let range: SourceRange
    /// From the template's root to the node that holds the reference.
    public let path: [PathElement]
    public let owner: Owner
    /// The `Fn::If` branches the reference is inside, outermost first: it is
    /// made only when each is taken.
    public let branches: [Branch]
    /// True inside an `Fn::If` branch: it holds only when that branch is taken.
    public var conditional: Bool { !branches.isEmpty }

    public init(kind: Kind, target: String, attribute: String? = nil, range: SourceRange, path: [PathElement],
                owner: Owner, branches: [Branch] = []) {
        self.kind = kind
        self.target = target
        self.attribute = attribute
        self.range = range
        self.path = path
        self.owner = owner
        self.branches = branches
    }
}

/// One `Fn::If` branch around a reference: the condition it tests (nil
/// when that is not a plain name) and whether the branch is its true one.
public struct Branch: Sendable, Equatable {
    public var condition: String?
    public var taken: Bool
}

/// A check that follows the reference walk through each resource's
/// `Properties` (SchemaCheck), so that the walk is the template's one.
public protocol PropertyVisitor {
    /// A resource, before its entries are walked; true to be handed its properties.
    mutating func resource(_ resource: Resource) -> Bool
    /// A node of the properties at `path`, before the nodes below it, with
    /// the function it calls; `key` is what holds it (its property key, or
    /// the list item itself). True to be handed the nodes below it too,
    /// and `leave` after them.
    mutating func visit(_ node: Node, call: Intrinsic?, key: SourceRange, path: [PathElement]) -> Bool
    /// The node last visited with true, after the nodes below it.
    mutating func leave()
}

/// No check follows the walk.
public struct NoPropertyVisitor: PropertyVisitor {
    /// Storage of its own, unread: a value of no size passed `inout` to
    /// generic code has no address of its own, and ThreadSanitizer then
    /// reports two threads walking two templates as a race on one shared
    /// address (swiftlang/swift#35579 leaves out only accesses the compiler
    /// sees are to an empty type).
    private let storage: UInt8 = 0

    public init() {}
    public func resource(_ resource: Resource) -> Bool { false }
    public func visit(_ node: Node, call: Intrinsic?, key: SourceRange, path: [PathElement]) -> Bool { false }
    public func leave() {}
}

/// A place where the template names a condition.
public struct ConditionUse: Sendable {
    public var name: String
    public var range: SourceRange
    public var path: [PathElement]
}

/// An `Fn::FindInMap` that names its mapping, kept so that its keys can be
/// looked up once a deployment's values make them known.
public struct MappingLookup: Sendable {
    /// The call's items: the mapping's name, the top-level key, the
    /// second-level key, and maybe a default.
    public var items: [Node]
    public var range: SourceRange
    public var path: [PathElement]
    public var owner: Reference.Owner
    public var branches: [Branch]
}

/// An `Fn::ImportValue`: the export name it reads (text or a built
/// string), kept for matching with the exports of other templates.
public struct ImportUse: Sendable {
    public var name: Node
    public var range: SourceRange
    public var path: [PathElement]
    public var owner: Reference.Owner
}

/// Every reference and condition use in a template, found in one walk,
/// which also finds the calls CloudFormation rejects by shape, (with
/// needles) the resources' strings that hold one, and hands each
/// resource's properties to a visitor (SchemaCheck): the template's one walk.
public struct ReferenceIndex: Sendable {
    public private(set) var references: [Reference] = []
    public private(set) var conditionUses: [ConditionUse] = []
    /// Mapping names that `Fn::FindInMap` reads.
    public private(set) var mappingUses: Set<String> = []
    /// True when some `Fn::FindInMap` computes its mapping's name, so any
    /// mapping may be the one it reads.
    public private(set) var readsComputedMapping = false
    /// The `Fn::FindInMap` calls that name their mapping.
    public private(set) var mappingLookups: [MappingLookup] = []
    /// The `Fn::ImportValue` calls, in template order.
    public private(set) var imports: [ImportUse] = []
    /// Calls whose argument has a shape CloudFormation rejects, found on
    /// the same walk (REF004 reads them), in every section but Metadata.
    public private(set) var malformedCalls: [MalformedCall] = []
    /// Above zero inside a malformed call: one finding per broken call.
    private var insideMalformed = 0
    /// The path to the node being walked: one stack, copied only when a
    /// reference is recorded, so the walk does not allocate per node.
    private var path: [PathElement] = []
    /// The `Fn::If` branches around the node being walked.
    private var branches: [Branch] = []
    /// The resources' strings that hold a needle, read on the same walk.
    public var strings: TemplateStrings.Found { collector.found }
    /// Always there, idle without needles (`collects`): an optional one was
    /// copied out and back each time the walk asked it something, at every node.
    private var collector: TemplateStrings.Collector
    private var collects: Bool { !collector.needles.isEmpty }
    /// Inside a resource's properties: what a string found there points at
    /// (the property key or list item that holds it); nil elsewhere.
    private var stringKey: SourceRange?
    /// Above zero below a node whose strings are settled (a string built,
    /// inline code): nothing there is read for strings.
    private var settled = 0

    /// True while the walk hands a resource's properties to its visitor.
    private var visiting = false

    /// With `needles`, the walk also collects the resources' strings that
    /// hold one (`strings`).
    public init(_ template: Template, strings needles: [StaticString] = []) {
        var none = NoPropertyVisitor()
        self.init(template, strings: needles, visitor: &none)
    }

    /// The same walk, handing each resource's properties to `visitor`. A
    /// large template is walked in `parts`, each on a thread: this part
    /// walks its share of the resources, the last part the rest of the
    /// template too, and `append` joins them, in order, into what one walk
    /// finds.
    public init<V: PropertyVisitor>(_ template: Template, strings needles: [StaticString] = [], visitor v: inout V,
                                    part: Int = 0, of parts: Int = 1) {
        collector = TemplateStrings.Collector(needles: needles, template: template)
        let count = template.resources.count
        for i in count * part / parts ..< count * (part + 1) / parts {
            let resource = template.resources[i]
            let follows = v.resource(resource)
            guard let entries = resource.body.mapping else {
                within([.key("Resources"), .key(resource.name)]) { $0.checkShapes(resource.body) }
                continue
            }
            for entry in entries {
                let name = entry.name ?? "?"
                within([.key("Resources"), .key(resource.name), .key(name)]) {
                    switch name {
                    case "Type": $0.checkShapes(entry.value)
                    case "Condition": $0.checkShapes(entry.value); $0.useCondition(entry.value)
                    case "DependsOn": $0.checkShapes(entry.value); $0.dependsOn(entry.value, owner: .resource(i))
                    case "Properties":
                        if $0.collects { $0.collector.enter(resource, path: $0.path) }
                        if $0.collects || follows { $0.stringKey = entry.key.range }
                        $0.visiting = follows
                        $0.walk(entry.value, owner: .resource(i), &v)
                        ($0.stringKey, $0.visiting) = (nil, false)
                    default: $0.walk(entry.value, owner: .resource(i), &v)
                    }
                }
            }
        }
        guard part == parts - 1 else { return }
        for (i, output) in template.outputs.enumerated() {
            guard let entries = output.body.mapping else {
                within([.key("Outputs"), .key(output.name)]) { $0.checkShapes(output.body) }
                continue
            }
            for entry in entries {
                let name = entry.name ?? "?"
                within([.key("Outputs"), .key(output.name), .key(name)]) {
                    if name == "Condition" {
                        $0.checkShapes(entry.value)
                        $0.useCondition(entry.value)
                    } else {
                        // An output's value and export name are text CloudFormation shows: a plain `${…}` there stays literal.
                        let reads = $0.collects && (name == "Value" || name == "Export")
                        if reads { $0.collector.enter(output: output.name); $0.stringKey = entry.key.range }
                        $0.walk(entry.value, owner: .output(i), &v)
                        if reads { $0.stringKey = nil }
                    }
                }
            }
        }
        for (i, condition) in template.conditions.enumerated() {
            within([.key("Conditions"), .key(condition.name)]) {
                $0.walk(condition.body, owner: .condition(i), &v, conditionContext: true)
            }
        }
        for section in ["Rules", "Globals"] {
            guard let body = template.root[section] else { continue }
            within(.key(section)) { $0.walk(body, owner: .other, &v, conditionContext: true) }
        }
        // The rest of the template holds no references, but may hold calls;
        // so may a section whose entries are not a mapping of declarations.
        for entry in template.root.mapping ?? [] {
            let name = entry.name ?? "?"
            switch name {
            case "Resources", "Outputs", "Conditions": if entry.value.mapping != nil { continue }
            case "Rules", "Globals", "Metadata": continue
            default: break
            }
            within(.key(name)) { $0.checkShapes(entry.value) }
        }
        path = []
        branches = []
    }

    /// Adds what the next part of the same walk found.
    public mutating func append(_ next: ReferenceIndex) {
        references += next.references
        conditionUses += next.conditionUses
        mappingUses.formUnion(next.mappingUses)
        readsComputedMapping = readsComputedMapping || next.readsComputedMapping
        mappingLookups += next.mappingLookups
        imports += next.imports
        malformedCalls += next.malformedCalls
        collector.found.strings += next.strings.strings
        collector.found.literals += next.strings.literals
    }

    /// Runs `body` with `elements` pushed on the path.
    private mutating func within(_ elements: [PathElement], _ body: (inout ReferenceIndex) -> Void) {
        path.append(contentsOf: elements)
        body(&self)
        path.removeLast(elements.count)
    }

    private mutating func within(_ element: PathElement, _ body: (inout ReferenceIndex) -> Void) {
        path.append(element)
        body(&self)
        path.removeLast()
    }

    private mutating func useCondition(_ node: Node) {
        if let name = node.string {
            conditionUses.append(ConditionUse(name: name, range: node.valueRange, path: path.kept))
        }
    }

    private mutating func dependsOn(_ node: Node, owner: Reference.Owner) {
        let single = node.sequence == nil
        for (i, item) in node.items.enumerated() {
            guard let name = item.string else { continue }
            references.append(Reference(kind: .dependsOn, target: name, range: item.valueRange,
                                        path: single ? path.kept : path.appending(.index(i)), owner: owner))
        }
    }

    /// Looks for malformed calls only, where no reference can be.
    private mutating func checkShapes(_ node: Node) {
        guard insideMalformed == 0 else { return }
        FunctionShape.problems(in: node, path: &path, into: &malformedCalls)
    }

    private mutating func walk<V: PropertyVisitor>(_ node: Node, owner: Reference.Owner, _ v: inout V,
                                                   conditionContext: Bool = false) {
        // The node's call is decoded once, for everything the walk does
        // here. Bound, not kept as an optional: letting go of an
        // `Intrinsic?` went through its type's generic witness, some ninety
        // instructions at every node, calls or not.
        if let intrinsic = node.intrinsic {
            walk(node, call: intrinsic, owner: owner, &v, conditionContext: conditionContext)
        } else {
            walk(node, call: nil, owner: owner, &v, conditionContext: conditionContext)
        }
    }

    private mutating func walk<V: PropertyVisitor>(_ node: Node, call intrinsic: Intrinsic?, owner: Reference.Owner, _ v: inout V,
                                                   conditionContext: Bool) {
        // The visitor is handed what lies below a node only when it asks.
        let visits = visiting
        let follows = visits && v.visit(node, call: intrinsic, key: stringKey ?? node.range, path: path)
        if visits, !follows { visiting = false }
        defer {
            if follows { v.leave() }
            visiting = visits
        }
        // A string settled here (built, or holding no needle) is not read again below.
        var settles = false
        if settled == 0, collects, let key = stringKey { settles = collector.read(node, call: intrinsic, key: key, path: path) }
        if settles { settled += 1 }
        defer { if settles { settled -= 1 } }
        // A malformed call is reported once; the references in it still count.
        var malformed = false
        if insideMalformed == 0, let call = intrinsic, let problem = FunctionShape.problem(call) {
            malformedCalls.append(MalformedCall(message: problem.message, range: (problem.item ?? node).range, path: path))
            malformed = true
            insideMalformed += 1
        }
        walkContent(node, call: intrinsic, owner: owner, &v, conditionContext: conditionContext)
        if malformed { insideMalformed -= 1 }
    }

    private mutating func walkContent<V: PropertyVisitor>(_ node: Node, call: Intrinsic?, owner: Reference.Owner, _ v: inout V,
                                                          conditionContext: Bool) {
        if let call { return visit(call, owner: owner, &v, conditionContext: conditionContext) }
        // `{Condition: X}` calls a function only in a condition expression.
        if conditionContext, let call = node.conditionCall { return visit(call, owner: owner, &v, conditionContext: true) }
        switch node.content {
        case .scalar: break
        case .sequence(let items):
            let key = stringKey
            for (i, item) in items.enumerated() {
                // A string in a list points at itself.
                if key != nil { stringKey = item.range }
                within(.index(i)) { $0.walk(item, owner: owner, &v, conditionContext: conditionContext) }
            }
            stringKey = key
        case .mapping(let entries):
            let key = stringKey
            // By index: each entry copied is two nodes retained and released.
            for i in entries.indices {
                within(.key(entries[i].name ?? "?")) {
                    // A string in a mapping points at its key; inline code is not the template's.
                    let code = key != nil && $0.collects && $0.collector.skips($0.path)
                    if key != nil { $0.stringKey = entries[i].key.range }
                    if code { $0.settled += 1 }
                    $0.walk(entries[i].value, owner: owner, &v, conditionContext: conditionContext)
                    if code { $0.settled -= 1 }
                }
            }
            stringKey = key
        }
    }

    /// Walks a call, its name pushed on the path.
    private mutating func visit<V: PropertyVisitor>(_ call: Intrinsic, owner: Reference.Owner, _ v: inout V, conditionContext: Bool) {
        path.append(.key(call.name.rawValue))
        defer { path.removeLast() }
        let argument = call.argument
        // A copy of the path for the references found here, made once (a Sub names several).
        var kept: [PathElement]?
        func add(_ kind: Reference.Kind, _ target: String, _ attribute: String?, _ range: SourceRange) {
            if kept == nil { kept = path.kept }
            references.append(Reference(kind: kind, target: target, attribute: attribute, range: range,
                                        path: kept ?? path, owner: owner, branches: branches))
        }
        switch call.name {
        case .ref:
            if let target = argument.string { return add(.ref, target, nil, argument.valueRange) }
        case .getAtt:
            if let target = GetAttTarget(argument) {
                add(.getAtt, target.resource, target.attribute, (argument.sequence?.first ?? argument).valueRange)
                if let items = argument.sequence {
                    within(.index(1)) { $0.walk(items[1], owner: owner, &v) }
                }
                return
            }
        case .sub:
            if let sub = SubCall(argument) {
                let shadowed = Set(sub.variables.compactMap(\.name))
                let text = sub.string.exactValueRange
                for (name, offset) in sub.text.variables where !shadowed.contains(name) {
                    let range = sub.range(ofVariableAt: offset, length: name.scalarCount + 3, in: text)
                    if let (resource, attribute) = name.split(atFirst: UInt8(ascii: ".")), !name.containsBytes("::") {
                        add(.sub, resource, attribute, range)
                    } else {
                        add(.sub, name, nil, range)
                    }
                }
                for entry in sub.variables {
                    within([.index(1), .key(entry.name ?? "?")]) {
                        $0.walk(entry.value, owner: owner, &v)
                    }
                }
                return
            }
        case .if:
            if let items = argument.sequence, items.count == 3 {
                within(.index(0)) { $0.checkShapes(items[0]); $0.useCondition(items[0]) }
                branches.append(Branch(condition: items[0].string, taken: true))
                for i in 1...2 {
                    branches[branches.count - 1].taken = i == 1
                    within(.index(i)) { $0.walk(items[i], owner: owner, &v, conditionContext: conditionContext) }
                }
                branches.removeLast()
                return
            }
        case .condition:
            if let name = argument.string {
                return conditionUses.append(ConditionUse(name: name, range: argument.valueRange, path: path.kept))
            }
        case .findInMap:
            if let items = argument.sequence, let name = items.first?.string {
                mappingUses.insert(name)
                mappingLookups.append(MappingLookup(items: items, range: argument.range, path: path.kept, owner: owner, branches: branches))
            } else {
                readsComputedMapping = true
            }
        case .importValue:
            imports.append(ImportUse(name: argument, range: argument.valueRange, path: path.kept, owner: owner))
        default:
            break
        }
        walk(argument, owner: owner, &v, conditionContext: conditionContext)
    }
}
