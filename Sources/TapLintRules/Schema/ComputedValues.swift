import TapLintCore

/// What a `Ref`, `Fn::GetAtt` or `Fn::FindInMap` can give, so that a
/// property computed from the template's own declarations is judged like a
/// literal: a parameter by its default and every allowed value, a mapping
/// lookup by every row it can read, and each by its kind (one value or a
/// list). A parameter the deployment gives a value is judged by that value
/// alone, and definitely: it is what this stack receives.
struct ComputedValues {
    /// Parameters and resources are looked up in the template's own name
    /// indexes when a value asks: tables of them made for every template
    /// cost more than the few values that ask.
    private var template: Template?
    /// Type name → its catalog entry, for the template's types.
    private var types: [String: ResourceType] = [:]
    private var given: ParameterValues?
    private var mappings: Node?

    init() {}

    init(template: Template, types: [String: ResourceType], given: ParameterValues? = nil) {
        (self.template, self.types, self.given) = (template, types, given)
        mappings = template.root["Mappings"]
    }

    /// The problems of a computed value against the shape it must have.
    func problems(of call: Intrinsic, shape: Shape, in type: ResourceType, at range: SourceRange)
        -> [(SchemaCheck.Problem.Kind, SourceRange)] {
        var constraint: ValueConstraint?
        var inner = shape
        if case .constrained(let number, let wrapped) = shape {
            constraint = type.constraints[number]
            inner = wrapped
        }
        switch call.name {
        case .ref:
            guard let name = call.argument.string, let parameter = template?.parameter(named: name)?.body else { return [] }
            let kind = parameter["Type"]?.string ?? "String"
            let isList = Self.isListParameter(kind)
            if isList, Self.takesOneValue(inner) {
                return [(.wrongType(expected: Self.expected(inner), found: "the \(kind) parameter \(name)"), range)]
            }
            if !isList, case .list = inner, Self.isScalarParameter(kind) {
                return [(.wrongType(expected: "a list", found: "the \(kind) parameter \(name)"), range)]
            }
            guard let constraint, !isList else { return [] }
            if let value = given?[name] {
                let hidden = ParameterValues.isNoEcho(parameter)
                return ValueCheck.problems(of: value.value, under: constraint).map { problem, fix in
                    let text = hidden ? problem.replacing(value.value, with: "(a NoEcho value)") : problem
                    return (.invalidValue(problem: "the parameter \(name)'s value in \(given?.source ?? ""): \(text)", fix: fix,
                                          parameter: .init(name: name, value: value.value)), range)
                }
            }
            var found: [(SchemaCheck.Problem.Kind, SourceRange)] = []
            // Each value once: a default that is also an allowed value is one problem.
            var seen = Set<String>()
            let candidates = [("default", parameter["Default"])] + (parameter["AllowedValues"]?.sequence ?? []).map { ("allowed value", $0) }
            for (role, node) in candidates {
                // An empty default is the usual "not given", which conditions guard.
                guard let text = node?.scalar.flatMap({ $0.isNull ? nil : $0.value }), !(role == "default" && text.isEmpty),
                      seen.insert(text).inserted else { continue }
                for (problem, fix) in ValueCheck.problems(of: text, under: constraint) {
                    found.append((.invalidValue(problem: "the parameter \(name)'s \(role): \(problem)", fix: fix, computed: true,
                                                parameter: .init(name: name, value: text)), range))
                }
            }
            return found
        case .getAtt:
            // Cheapest questions first: most GetAtts are of no list attribute.
            guard Self.takesOneValue(inner), let target = GetAttTarget(call.argument), let attribute = target.attribute,
                  let type = template?.resource(named: target.resource)?.type, let resourceType = types[type],
                  !resourceType.listAttributes.isEmpty,
                  resourceType.listAttributes.contains(attribute) else { return [] }
            return [(.wrongType(expected: Self.expected(inner), found: "\(target.resource).\(attribute), a list"), range)]
        case .findInMap:
            guard let constraint, let items = call.argument.sequence, items.count >= 3, let map = items[0].string,
                  let second = items[2].string, let table = mappings?[map]?.mapping else { return [] }
            // A literal row is read; a computed one may be any row.
            let rows = items[1].string.map { row in table.filter { $0.name == row } } ?? table
            var found: [(SchemaCheck.Problem.Kind, SourceRange)] = []
            for row in rows {
                guard let text = row.value[second]?.scalar?.value, let rowName = row.name else { continue }
                for (problem, fix) in ValueCheck.problems(of: text, under: constraint) {
                    found.append((.invalidValue(problem: "Mappings \(map) \(rowName) \(second): \(problem)", fix: fix, computed: true), range))
                }
            }
            return found
        default:
            return []
        }
    }

    /// Parameter types whose value is a list.
    static func isListParameter(_ kind: String) -> Bool {
        kind.hasPrefix("List<") || kind == "CommaDelimitedList" || kind.hasPrefix("AWS::SSM::Parameter::Value<List<")
            || kind == "AWS::SSM::Parameter::Value<CommaDelimitedList>"
    }

    /// Parameter types that are certainly one value (a String, a Number, an
    /// AWS-specific id); SSM types name what they resolve to.
    static func isScalarParameter(_ kind: String) -> Bool {
        kind == "String" || kind == "Number" || (kind.hasPrefix("AWS::") && !kind.hasPrefix("AWS::SSM::"))
            || kind == "AWS::SSM::Parameter::Value<String>"
    }

    /// True for a shape that takes exactly one scalar.
    static func takesOneValue(_ shape: Shape) -> Bool {
        switch shape {
        case .string, .integer, .number, .boolean, .network: true
        case .constrained(_, let inner): takesOneValue(inner)
        default: false
        }
    }

    static func expected(_ shape: Shape) -> String {
        switch shape {
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean"
        case .constrained(_, let inner): expected(inner)
        default: "a string"
        }
    }
}
