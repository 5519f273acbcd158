import TapLintCore

/// A deployment's parameter values that CloudFormation refuses before it
/// creates anything: a value for a parameter the template does not declare,
/// none for one without a Default, or one its Type or constraints reject.
public struct ParameterValueInvalid: TemplateRule {
    public static let description = RuleDescription(
        id: "DEP006", name: "parameter-value-invalid", category: .deployability, severity: .error,
        summary: "A deployment's parameter values (--parameters, --parameter-file) do not fit the template's parameters.",
        rationale: """
        CloudFormation checks the values a stack is given against the template's \
        Parameters before it creates anything, and rejects the stack when a value names \
        a parameter the template does not declare, when a parameter without a Default \
        gets no value, or when a value breaks the parameter's Type (Number, List<Number>, \
        the shape of an AWS-specific id such as AWS::EC2::VPC::Id), its AllowedValues, \
        AllowedPattern, MinLength/MaxLength or MinValue/MaxValue. The rule runs only when \
        the values are given; a finding points at the value in the parameter file (or, for \
        --parameters, at the parameter's declaration). A NoEcho parameter's value is \
        never printed. (cfn-lint reports an undeclared name or a value outside AllowedValues as E2900 with --parameters or --parameter-files.)
        """,
        fix: "give the value the template asks for, or change the parameter's declaration",
        triggering: [],
        nonTriggering: [],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html",
                     "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-supplied-parameter-types.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        guard let given = context.options.parameterValues else { return [] }
        let template = context.template
        let declared = Dictionary(template.parameters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [Violation] = []
        for value in given.values {
            guard let parameter = declared[value.name] else {
                let place = template.root.entry("Parameters")?.key.range ?? template.root.range
                found.append(violation(value, in: given, else: place, path: [.key("Parameters")],
                                       "\(given.source) gives a value for \(value.name), which the template does not declare: CloudFormation rejects the stack"))
                continue
            }
            guard let problem = Self.problem(of: value.value, parameter) else { continue }
            found.append(violation(value, in: given, else: parameter.key.range, path: [.key("Parameters"), .key(parameter.name)],
                                   "parameter \(parameter.name)'s value in \(given.source): \(problem)"))
        }
        for parameter in template.parameters where parameter["Default"] == nil && given[parameter.name] == nil {
            found.append(Violation(at: parameter.key.range, path: [.key("Parameters"), .key(parameter.name)],
                                   message: "parameter \(parameter.name) has no Default and \(given.source) gives it no value: CloudFormation rejects the stack"))
        }
        return found
    }

    /// A finding on a value: in the parameter file when it came from one.
    /// `place` and `path` are in the template, for a value given on the command line.
    private func violation(_ value: ParameterValues.Given, in given: ParameterValues, else place: SourceRange,
                           path: [PathElement], _ message: String) -> Violation {
        guard let range = value.range else { return Violation(at: place, path: path, message: message) }
        return Violation(at: range, path: [], message: message, file: given.source)
    }

    /// What the parameter's Type or constraints reject in the value, if
    /// anything; a NoEcho parameter's value is not shown.
    static func problem(of value: String, _ parameter: Declaration) -> String? {
        let kind = parameter["Type"]?.string ?? "String"
        let items = ComputedValues.isListParameter(kind)
            ? value.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces } : [value]
        let itemKind = kind.hasPrefix("List<") ? String(kind.dropFirst(5).dropLast()) : kind
        var problem = items.lazy.compactMap { shapeProblem(of: $0, kind: itemKind) }.first
        if problem == nil {
            // A list may be allowed whole (AllowedValues may name `a,b`), else item by item.
            problem = ParameterDefaultMismatch.problem(of: value, parameter, isNumber: kind == "Number")
            if problem != nil, items.count > 1 {
                problem = items.lazy.compactMap { ParameterDefaultMismatch.problem(of: $0, parameter, isNumber: false) }.first
            }
        }
        guard let problem else { return nil }
        return ParameterValues.isNoEcho(parameter.body) ? "the NoEcho value breaks a constraint (\(masked(problem, value)))" : problem
    }

    /// The problem with every value it quotes hidden.
    private static func masked(_ problem: String, _ value: String) -> String {
        var text = problem
        for item in [value] + value.split(separator: ",").map(String.init) where !item.isEmpty {
            text = text.replacing("'\(item)'", with: "the value").replacing(item, with: "the value")
        }
        return text
    }

    /// The id prefixes of the AWS-specific parameter types CloudFormation
    /// checks the shape of.
    private static let idPrefixes: [String: String] = [
        "AWS::EC2::VPC::Id": "vpc", "AWS::EC2::Subnet::Id": "subnet", "AWS::EC2::SecurityGroup::Id": "sg",
        "AWS::EC2::Image::Id": "ami", "AWS::EC2::Instance::Id": "i", "AWS::EC2::Volume::Id": "vol",
    ]

    /// What a value's Type rejects: not a number for Number, not an id of
    /// the kind an AWS-specific type names.
    private static func shapeProblem(of value: String, kind: String) -> String? {
        if kind == "Number" {
            let number = value.trimmingSpaces
            let digits = number.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 45 || $0 == 43 || $0 == 101 || $0 == 69 }
            return digits && Double(number) != nil ? nil : "'\(value)' is not a number, as Type \(kind) requires"
        }
        guard let prefix = idPrefixes[kind] else { return nil }
        let rest = value.hasPrefix(prefix + "-") ? value.dropFirst(prefix.count + 1) : ""
        let hex = !rest.isEmpty && rest.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
        return hex ? nil : "'\(value)' is not a \(kind) (\(prefix)- and hexadecimal digits)"
    }
}
