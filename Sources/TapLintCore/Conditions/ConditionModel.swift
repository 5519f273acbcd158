/// The template's conditions as boolean formulas over parameter values,
/// decided exactly by trying every assignment of the values that matter.
///
/// A parameter's values are its `AllowedValues`; without them, every value
/// the conditions compare it with, its `Default`, and one more that is none
/// of those ("another value"). Pseudo parameters are read the same way.
/// That is enough to decide every condition: a formula of `Fn::Equals`
/// only tells apart the values it names. What cannot be read (a mapping
/// lookup, a function of a parameter) makes an atom undecided, and an
/// answer that depends on it is `unknown`, never a guess.
///
/// The cost is bounded: a question involving more than `maxAssignments`
/// combinations of values is answered `unknown` (templates rarely test more
/// than a handful of parameters together).
public struct ConditionModel: Sendable {
    /// A condition, or a combination of them, to ask about.
    public indirect enum Guard: Sendable, Hashable {
        /// The named condition is `value`.
        case condition(String, Bool)
        /// The parameter has this value.
        case parameter(String, equals: String)
        case all([Guard])
        case any([Guard])

        /// The `Fn::If` branches around a reference as guards; nil when one
        /// of them tests something other than a named condition.
        public static func taken(_ branches: [Branch]) -> [Guard]? {
            let named = branches.compactMap { branch in branch.condition.map { Guard.condition($0, branch.taken) } }
            return named.count == branches.count ? named : nil
        }
    }

    /// What a question's answer is.
    public enum Answer: Sendable, Equatable {
        /// No assignment of parameter values makes it true.
        case never
        /// This assignment makes it true (only the parameters that matter).
        case when([Setting])
        /// It depends on something taplint cannot read, or on too many values.
        case unknown
    }

    /// One parameter's value in an assignment; nil for a value other than
    /// every one the template names.
    public struct Setting: Sendable, Equatable, CustomStringConvertible {
        public var parameter: String
        public var value: String?
        /// The values the template names for it, which `nil` is none of.
        public var named: [String] = []

        public var description: String {
            guard let value else {
                return "\(parameter) other than " + named.map(Self.quoted).joined(separator: ", ")
            }
            return "\(parameter)=\(Self.quoted(value))"
        }

        private static func quoted(_ text: String) -> String {
            text.isEmpty || text.contains(" ") || text.contains(",") ? "'\(text)'" : text
        }
    }

    static let maxAssignments = 4096

    private let formulas: [String: Formula]
    private let domains: [String: [String?]]

    /// `deployed` gives the values a deployment fixes (its parameter
    /// values, `AWS::Region` as the regions it deploys to): those are the
    /// only ones tried, so an answer is about that deployment.
    public init(_ template: Template, deployed: [String: [String]] = [:]) {
        var formulas: [String: Formula] = [:]
        var compared: [String: Set<String>] = [:]
        for condition in template.conditions where formulas[condition.name] == nil {
            formulas[condition.name] = Formula(condition.body, template: template, compared: &compared)
        }
        var domains: [String: [String?]] = [:]
        for (variable, values) in compared {
            if let parameter = template.parameter(named: variable),
               let allowed = parameter["AllowedValues"]?.sequence {
                domains[variable] = allowed.compactMap { $0.scalar?.value }
                continue
            }
            var candidates = values
            if let parameter = template.parameter(named: variable),
               let value = parameter["Default"]?.scalar?.value {
                candidates.insert(value)
            }
            domains[variable] = candidates.sorted().map(Optional.some) + [nil]
        }
        for (variable, values) in deployed where domains[variable] != nil && !values.isEmpty {
            domains[variable] = values.map(Optional.some)
        }
        self.formulas = formulas
        self.domains = domains
    }

    /// An assignment under which `question` holds, `never`, or `unknown`.
    public func solve(_ question: Guard) -> Answer {
        var variables = Set<String>()
        var visiting = Set<String>()
        guard collect(question, into: &variables, visiting: &visiting) else { return .unknown }
        let ordered = variables.sorted()
        var count = 1
        for variable in ordered {
            count *= max(domains[variable]?.count ?? 1, 1)
            if count > Self.maxAssignments { return .unknown }
        }
        var undecided = false
        var assignment: [String: String?] = [:]
        for index in 0..<count {
            var rest = index
            for variable in ordered {
                let domain = domains[variable] ?? [nil]
                assignment[variable] = domain[rest % domain.count]
                rest /= domain.count
            }
            switch evaluate(question, assignment) {
            case true?:
                return .when(ordered.map { variable in
                    Setting(parameter: variable, value: assignment[variable] ?? nil,
                            named: (domains[variable] ?? []).compactMap { $0 })
                })
            case nil: undecided = true
            case false?: continue
            }
        }
        return undecided ? .unknown : .never
    }

    /// True when the condition exists (reading it is meaningful).
    public func knows(_ condition: String) -> Bool { formulas[condition] != nil }

    // MARK: Evaluation

    private func collect(_ question: Guard, into variables: inout Set<String>, visiting: inout Set<String>) -> Bool {
        switch question {
        case .condition(let name, _):
            guard let formula = formulas[name] else { return false }
            return collect(formula, into: &variables, visiting: &visiting, name: name)
        case .parameter(let name, _):
            // A parameter no condition reads could have any value here: nothing decides it.
            guard domains[name] != nil else { return false }
            variables.insert(name)
            return true
        case .all(let parts), .any(let parts):
            return parts.allSatisfy { collect($0, into: &variables, visiting: &visiting) }
        }
    }

    private func collect(_ formula: Formula, into variables: inout Set<String>, visiting: inout Set<String>, name: String?) -> Bool {
        if let name {
            // A condition that refers to itself, however indirectly, is never decided.
            guard visiting.insert(name).inserted else { return false }
        }
        defer { if let name { visiting.remove(name) } }
        switch formula {
        case .constant, .unknown: return true
        case .equals(let a, let b):
            for term in [a, b] { if case .variable(let variable) = term { variables.insert(variable) } }
            return true
        case .and(let parts), .or(let parts): return parts.allSatisfy { collect($0, into: &variables, visiting: &visiting, name: nil) }
        case .not(let part): return collect(part, into: &variables, visiting: &visiting, name: nil)
        case .condition(let other):
            guard let referred = formulas[other] else { return true }  // undefined: REF002's, undecided here
            return collect(referred, into: &variables, visiting: &visiting, name: other)
        }
    }

    private func evaluate(_ question: Guard, _ assignment: [String: String?]) -> Bool? {
        switch question {
        case .condition(let name, let value):
            return formulas[name].flatMap { evaluate($0, assignment) }.map { $0 == value }
        case .parameter(let name, let value):
            // A value the conditions do not name is the domain's "another value" (nil).
            let named = domains[name]?.contains(value) == true
            guard let given = assignment[name] else { return nil }
            return named ? given == value : given == nil
        case .all(let parts): return Self.all(parts.lazy.map { evaluate($0, assignment) })
        case .any(let parts): return Self.any(parts.lazy.map { evaluate($0, assignment) })
        }
    }

    /// Three-valued `and`: false if any part is, unknown if any part is.
    private static func all<S: Sequence<Bool?>>(_ values: S) -> Bool? {
        var result: Bool? = true
        for value in values {
            if value == false { return false }
            if value == nil { result = nil }
        }
        return result
    }

    /// Three-valued `or`: true if any part is, unknown if any part is.
    private static func any<S: Sequence<Bool?>>(_ values: S) -> Bool? {
        var result: Bool? = false
        for value in values {
            if value == true { return true }
            if value == nil { result = nil }
        }
        return result
    }

    private func evaluate(_ formula: Formula, _ assignment: [String: String?]) -> Bool? {
        switch formula {
        case .constant(let value): return value
        case .unknown: return nil
        case .equals(let a, let b):
            guard let left = value(a, assignment), let right = value(b, assignment) else { return nil }
            switch (left, right) {
            case (let x?, let y?): return x == y
            case (nil, nil): return nil  // two unnamed values may or may not be equal
            default: return false
            }
        case .and(let parts): return Self.all(parts.lazy.map { evaluate($0, assignment) })
        case .or(let parts): return Self.any(parts.lazy.map { evaluate($0, assignment) })
        case .not(let part): return evaluate(part, assignment).map { !$0 }
        case .condition(let name): return formulas[name].flatMap { evaluate($0, assignment) }
        }
    }

    /// A term's value: `.some(text)`, `.some(nil)` for "another value", or
    /// nil when it cannot be read.
    private func value(_ term: Term, _ assignment: [String: String?]) -> String?? {
        switch term {
        case .literal(let text): return .some(text)
        case .variable(let name): return assignment[name] ?? .none
        case .opaque: return nil
        }
    }
}

/// A condition's body, read once.
indirect enum Formula: Sendable {
    case constant(Bool)
    case equals(Term, Term)
    case and([Formula])
    case or([Formula])
    case not(Formula)
    case condition(String)
    case unknown

    /// Reads a condition body; `compared` collects, for each parameter or
    /// pseudo parameter, the literal values it is compared with.
    init(_ node: Node, template: Template, compared: inout [String: Set<String>]) {
        if let flag = node.scalar?.boolValue, node.intrinsic == nil {
            self = .constant(flag)
            return
        }
        guard let call = node.conditionCall ?? node.intrinsic else {
            self = .unknown
            return
        }
        let items = call.argument.sequence ?? []
        switch call.name {
        case .equals:
            guard items.count == 2 else { self = .unknown; return }
            let a = Term(items[0], template: template), b = Term(items[1], template: template)
            for (side, other) in [(a, b), (b, a)] {
                guard case .variable(let name) = side else { continue }
                if case .literal(let text) = other {
                    compared[name, default: []].insert(text)
                } else {
                    compared[name, default: []].formUnion([])  // a variable compared with another still needs a domain
                }
            }
            self = .equals(a, b)
        case .and: self = .and(items.map { Formula($0, template: template, compared: &compared) })
        case .or: self = .or(items.map { Formula($0, template: template, compared: &compared) })
        case .not:
            guard items.count == 1 else { self = .unknown; return }
            self = .not(Formula(items[0], template: template, compared: &compared))
        case .condition:
            self = call.argument.string.map(Formula.condition) ?? .unknown
        default:
            self = .unknown
        }
    }
}

/// One side of an `Fn::Equals`.
enum Term: Sendable, Equatable {
    case literal(String)
    /// A parameter or pseudo parameter, by name.
    case variable(String)
    /// Anything else: a mapping lookup, a function of parameters.
    case opaque

    init(_ node: Node, template: Template) {
        if let scalar = node.scalar, node.intrinsic == nil {
            self = .literal(scalar.value)
        } else if let call = node.intrinsic, call.name == .ref, let name = call.argument.string,
                  template.hasParameter(name) || PseudoParameters.all.contains(name) {
            self = .variable(name)
        } else {
            self = .opaque
        }
    }
}
