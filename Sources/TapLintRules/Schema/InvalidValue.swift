import TapLintCore

/// A literal value outside what the resource schema allows.
public struct InvalidValue: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH010", name: "invalid-value", category: .schema, severity: .error,
        summary: "A literal value breaks its property's constraints: not an allowed value, out of range, too long or short, not matching the pattern, or a list of the wrong size or with repeats.",
        rationale: """
        The resource schemas say more than a property's type: the values an enum \
        allows (`Runtime`, `BillingMode`), a range (`Timeout` up to 900), a length, a \
        pattern (`LogGroupName` has no spaces), how many items a list takes and whether \
        they may repeat. CloudFormation, or the service behind it, rejects a value \
        outside them when the stack is deployed, after everything before the resource \
        was created. Literals are judged, and so is a `Ref` to a parameter (by its \
        default and every allowed value) and an `Fn::FindInMap` (by every row it may \
        read), as a warning, since the deployer may choose another value; other values \
        computed at deploy time are not judged. \
        A pattern Swift's regular expressions cannot read (lookbehind) is not judged \
        rather than guessed. cfn-lint reports the same as E3030, E3034, E3033, E3031, \
        E3032 and E3037.
        """,
        fix: "use a value the property allows",
        triggering: [
            """
            Resources:
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: ↓python3.99
                  Handler: index.handler
                  Role: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app"
                  Code: {ZipFile: "def handler(e, c): pass"}
                  Timeout: ↓1200
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: ↓"my logs"
                  RetentionInDays: ↓10
            """,
            // A parameter is judged by its default and every allowed value, a
            // mapping lookup by every row it may read.
            """
            Parameters:
              Runtime:
                Type: String
                Default: python3.12
                AllowedValues: [python3.12, python3.99]
              Env:
                Type: String
            Mappings:
              Sizes:
                prod: {Timeout: 1200}
                dev: {Timeout: 30}
            Resources:
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: ↓!Ref Runtime
                  Handler: index.handler
                  Role: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app"
                  Code: {ZipFile: "def handler(e, c): pass"}
                  Timeout: ↓!FindInMap [Sizes, !Ref Env, Timeout]
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Name:
                Type: String
            Resources:
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Role: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app"
                  Code: {ZipFile: "def handler(e, c): pass"}
                  Timeout: 900
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: !Sub "/app/${Name}"
                  RetentionInDays: 14
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.schema.problems.compactMap { problem in
            guard case .invalidValue(let text, let fix, let computed, let parameter) = problem.kind else { return nil }
            if let parameter, Self.neverReaches(parameter, problem.path, in: context) { return nil }
            // A value that comes from a parameter or mapping fails only when
            // that value is the one deployed: a warning.
            return Violation(at: problem.range, path: problem.path,
                             message: "\(problem.naming(problem.propertyPath.dotted)): \(text)",
                             resource: problem.resourceName, fix: fix, severity: computed ? .warning : nil)
        }
    }

    /// True when the parameter's value cannot reach the place: the place
    /// is inside `Fn::If` branches whose conditions that value makes
    /// impossible (`!If [HasThroughput, !Ref Throughput, !Ref AWS::NoValue]`
    /// where HasThroughput is `Throughput != 0` never sees the default 0).
    static func neverReaches(_ parameter: SchemaCheck.Problem.ParameterValue, _ path: [PathElement],
                             in context: LintContext) -> Bool {
        let guards = branches(on: path, in: context.template.root)
        guard !guards.isEmpty else { return false }
        let question = ConditionModel.Guard.all(guards + [.parameter(parameter.name, equals: parameter.value)])
        return context.conditions.solve(question) == .never
    }

    /// The `Fn::If` branches a path goes through, as the conditions they take.
    static func branches(on path: [PathElement], in root: Node) -> [ConditionModel.Guard] {
        var node: Node? = root
        var guards: [ConditionModel.Guard] = []
        var i = 0
        while i < path.count, let current = node {
            if path[i] == .key("Fn::If"), i + 1 < path.count, case .index(let branch) = path[i + 1],
               let call = current.intrinsic, call.name == .if, let items = call.argument.sequence, items.count == 3,
               (1...2).contains(branch), let condition = items[0].string {
                guards.append(.condition(condition, branch == 1))
                node = items[branch]
                i += 2
                continue
            }
            switch path[i] {
            case .key(let key): node = current[key] ?? current.intrinsic.flatMap { $0.name.rawValue == key ? $0.argument : nil }
            case .index(let index): node = current.sequence.flatMap { index < $0.count ? $0[index] : nil }
            }
            i += 1
        }
        return guards
    }
}
