import TapLintCore

/// A required tag whose value cannot be known before deploying.
public struct UnverifiableTag: TemplateRule {
    public static let description = RuleDescription(
        id: "TAG004", name: "unverifiable-tag", category: .tagging, severity: .warning,
        summary: "A required tag's value (or the whole tag list) is computed, so it cannot be checked.",
        rationale: """
        When a required tag must have a given value and its value comes from an import, \
        a parameter without a default, or another computed function, or when the whole \
        tag list is computed while some tag is required (configured, or learned from the \
        template as TAG001 says), taplint cannot tell whether the resource will comply. This \
        is reported as a warning, not as a missing tag, so that the reviewer can decide.
        """,
        fix: "give the value as a literal or a parameter with a default, or suppress with the reason",
        triggering: [
            """
            Resources:
              Orders:
                Type: AWS::SQS::Queue
                Properties:
                  Tags:
                    - Key: Environment
                      Value: prod
              Events:
                Type: AWS::SNS::Topic
                Properties:
                  Tags:
                    - Key: Environment
                      Value: prod
              Alarms:
                Type: AWS::SNS::Topic
                Properties:
                  Tags:
                    - Key: Environment
                      Value: prod
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  ↓Tags: !Split [",", !ImportValue shared-tags]
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Environment:
                Type: String
                Default: Production
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  Tags:
                    - Key: Environment
                      Value: !Ref Environment
            """,
            // A computed tag list where no tag is required: nothing to check.
            """
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  Tags: !Split [",", !ImportValue shared-tags]
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let required = context.tagPolicy.required
        guard !required.isEmpty else { return [] }
        // Only a required value can be unverifiable; a learned policy requires none.
        let values = context.tagPolicy.requiresValues
        return context.tags.flatMap { tags -> [Violation] in
            let resource = tags.resource.name
            var violations: [Violation] = []
            for outcome in tags.outcomes {
                if outcome.unknown, outcome.tags.isEmpty {
                    violations.append(Violation(at: tags.anchor.range, path: tags.path,
                                                message: "\(resource)'s tags are computed; taplint cannot check them", resource: resource))
                    continue
                }
                for tag in outcome.tags where values {
                    guard let rule = required.first(where: { $0.key == tag.key }), rule.value != nil,
                          tag.values(in: context.template).contains(where: { $0.text == nil && !$0.absent }) else { continue }
                    violations.append(Violation(at: tag.node.range, path: tags.path,
                                                message: "\(resource)'s tag \(tag.key) is computed; taplint cannot tell whether it is '\(rule.value ?? "")'",
                                                resource: resource))
                }
            }
            return violations
        }
    }
}
