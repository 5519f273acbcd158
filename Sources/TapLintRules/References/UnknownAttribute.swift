import TapLintCore

/// `Fn::GetAtt` (or `${Name.Attribute}`) of an attribute the type does not have.
public struct UnknownAttribute: TemplateRule {
    public static let description = RuleDescription(
        id: "REF003", name: "unknown-attribute", category: .reference, severity: .error,
        summary: "Fn::GetAtt, or a ${Resource.Attribute} in Fn::Sub, reads an attribute the resource type does not have.",
        rationale: """
        Each resource type returns a fixed set of attributes (`Arn`, `Endpoint.Address`, \
        …), listed in its schema; CloudFormation rejects a template that asks for any \
        other. Typos (`Ar`), attributes of a similar type (`QueueArn` on a topic) and \
        properties that are not returned as attributes are the usual causes. Custom \
        resources and nested stacks (`Outputs.*`) return what they choose and are not \
        judged. SAM resources are judged as what SAM makes of them: a function as an \
        `AWS::Lambda::Function`, its generated `FunctionRole` as an `AWS::IAM::Role`.
        """,
        fix: "use an attribute the resource type returns",
        triggering: [
            """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  DisplayName: !GetAtt ↓Queue.Ar
                  TopicName: !Sub "↓${Queue.QueueArn}-topic"
            """,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Function:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  InlineCode: "def handler(event, context): pass"
            Outputs:
              Role:
                Value: !GetAtt ↓FunctionRole.RoleArn
              Function:
                Value: !GetAtt ↓Function.FunctionArn
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Database:
                Type: AWS::RDS::DBInstance
                Properties:
                  DBInstanceClass: db.t3.micro
                  Engine: postgres
              Stack:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: https://example.com/t.yaml
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  DisplayName: !GetAtt [Queue, Arn]
                  TopicName: !Sub "${Database.Endpoint.Address}-${Stack.Outputs.Name}"
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getatt.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        func judge(_ reference: Reference) -> Violation? {
            guard reference.kind == .getAtt || reference.kind == .sub, let attribute = reference.attribute,
                  let (typeName, generated) = Self.type(of: reference.target, in: context.template),
                  !(generated && Self.samReferences.contains(String(attribute.prefix { $0 != "." }))),
                  let type = context.schema.types[typeName] ?? (generated ? Catalog.type(named: typeName) : nil),
                  !type.hasAttribute(attribute) else { return nil }
            let known = type.attributes.filter { !$0.contains("*") }
            let message = "\(reference.target) (\(typeName)) has no attribute '\(attribute)'"
            if Suggestion.closest(to: attribute, in: known) == nil, !known.isEmpty {
                let listed = Suggestion.ranked(known, like: attribute).prefix(8).joined(separator: ", ")
                    + (known.count > 8 ? ", …" : "")
                return Violation(at: reference.range, path: reference.path, message: message + "; it has \(listed)")
            }
            return Violation(at: reference.range, path: reference.path, message: message,
                             misspelt: attribute, candidates: known)
        }
        return context.references.references.violations(judge)
    }

    /// The type whose attributes a GetAtt reads: the resource's, or for a
    /// name SAM generates (a function's role, a SAM function itself once it
    /// is an AWS::Lambda::Function), the generated resource's.
    /// What SAM itself resolves on its resources (`MyFunction.Alias`,
    /// `MyApi.Stage`), before CloudFormation reads any attribute.
    static let samReferences: Set<String> = ["Alias", "Version", "Stage", "Deployment", "DomainName",
                                             "DestinationTopic", "DestinationQueue"]

    static func type(of name: String, in template: Template) -> (name: String, generated: Bool)? {
        if let resource = template.resource(named: name) {
            guard !resource.isCustom, let type = resource.type else { return nil }
            if type.hasPrefix("AWS::Serverless::"), let generated = template.generatedResource(named: name) {
                return (generated.type, true)
            }
            return (type, false)
        }
        return template.generatedResource(named: name).map { ($0.type, true) }
    }
}
