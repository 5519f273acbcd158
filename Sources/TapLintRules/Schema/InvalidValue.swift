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
            guard case .invalidValue(let text, let fix, let computed) = problem.kind else { return nil }
            // A value that comes from a parameter or mapping fails only when
            // that value is the one deployed: a warning.
            return Violation(at: problem.range, path: problem.path,
                             message: "\(problem.naming(problem.propertyPath.dotted)): \(text)",
                             resource: problem.resourceName, fix: fix, severity: computed ? .warning : nil)
        }
    }
}
