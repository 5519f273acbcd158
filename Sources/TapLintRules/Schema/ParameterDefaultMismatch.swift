import TapLintCore

/// A parameter whose default its own constraints reject.
public struct ParameterDefaultMismatch: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH011", name: "parameter-default-mismatch", category: .schema, severity: .error,
        summary: "A parameter's Default is not one of its AllowedValues, does not match its AllowedPattern, or is outside its MinLength/MaxLength or MinValue/MaxValue.",
        rationale: """
        CloudFormation checks a parameter's value against the parameter's own \
        constraints, the default included: a default that breaks them makes every \
        deploy that relies on it fail before anything is created. An `AllowedPattern` \
        must match the whole value. For list parameters every item of the default is \
        checked. (cfn-lint reports the same as E2015.)
        """,
        fix: "change the Default, or the constraint it breaks",
        triggering: [
            """
            Parameters:
              Environment:
                Type: String
                Default: ↓production
                AllowedValues: [dev, prod]
              Name:
                Type: String
                Default: ↓"my app"
                AllowedPattern: "[a-z-]+"
              Size:
                Type: Number
                Default: ↓0
                MinValue: 1
                MaxValue: 10
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Sub "${Environment}-${Name}-${Size}"
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Environment:
                Type: String
                Default: prod
                AllowedValues: [dev, prod]
              Zones:
                Type: CommaDelimitedList
                Default: "a,b"
                AllowedValues: [a, b, c]
              Name:
                Type: String
                Default: my-app
                AllowedPattern: "[a-z-]+"
                MaxLength: 20
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Sub "${Environment}-${Name}-${Zones}"
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.template.parameters.compactMap { parameter in
            guard let defaultNode = parameter["Default"], let text = defaultNode.scalar?.value, defaultNode.intrinsic == nil else { return nil }
            let kind = parameter["Type"]?.string ?? "String"
            var problem = Self.problem(of: text, parameter, isNumber: kind == "Number")
            // A list's default may be allowed whole (AllowedValues may name
            // `three,four`); if not, it is judged item by item.
            if problem != nil, ComputedValues.isListParameter(kind) {
                problem = text.split(separator: ",", omittingEmptySubsequences: false).lazy
                    .compactMap { Self.problem(of: String($0).trimmingSpaces, parameter, isNumber: false) }.first
            }
            guard let problem else { return nil }
            return Violation(at: defaultNode.range, path: [.key("Parameters"), .key(parameter.name), .key("Default")],
                             message: "parameter \(parameter.name)'s Default \(problem)")
        }
    }

    /// What is wrong with one value of the default, if anything.
    static func problem(of value: String, _ parameter: Declaration, isNumber: Bool) -> String? {
        if let allowed = parameter["AllowedValues"]?.sequence?.compactMap({ $0.scalar?.value }), !allowed.isEmpty,
           !ValueCheck.isAllowed(value, allowed) {
            return "'\(value)' is not one of its AllowedValues (\(allowed.joined(separator: ", ")))"
        }
        if let pattern = parameter["AllowedPattern"]?.string, !SchemaPattern.matches("^(?:" + pattern + ")$", value) {
            return "'\(value)' does not match its AllowedPattern \(pattern)"
        }
        let length = value.scalarCount
        if let minimum = number(parameter["MinLength"]), Double(length) < minimum {
            return "'\(value)' is shorter than its MinLength \(Int(minimum))"
        }
        if let maximum = number(parameter["MaxLength"]), Double(length) > maximum {
            return "'\(value)' is longer than its MaxLength \(Int(maximum))"
        }
        if isNumber, let amount = Double(value) {
            if let minimum = number(parameter["MinValue"]), amount < minimum { return "\(value) is below its MinValue \(parameter["MinValue"]?.scalar?.value ?? "")" }
            if let maximum = number(parameter["MaxValue"]), amount > maximum { return "\(value) is above its MaxValue \(parameter["MaxValue"]?.scalar?.value ?? "")" }
        }
        return nil
    }

    private static func number(_ node: Node?) -> Double? {
        node?.scalar.flatMap { Double($0.value.trimmingSpaces) }
    }
}
