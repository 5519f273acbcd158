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
        resources, SAM and nested stacks (`Outputs.*`) return what they choose and are \
        not judged.
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
        context.references.references.compactMap { reference in
            guard reference.kind == .getAtt || reference.kind == .sub, let attribute = reference.attribute,
                  let resource = context.template.resource(named: reference.target), !resource.isCustom,
                  let typeName = resource.type, let type = context.schema.types[typeName],
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
    }
}
