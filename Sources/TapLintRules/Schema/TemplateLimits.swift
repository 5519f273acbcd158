import TapLintCore

/// CloudFormation's quotas on one template.
public struct TemplateLimits: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH005", name: "template-limits", category: .schema, severity: .error,
        summary: "The template exceeds, or comes within 10% of, a CloudFormation quota.",
        rationale: """
        A template may hold at most 500 resources, 200 parameters, 200 outputs and 200 \
        mappings, and its body may be at most 1 MB (uploaded through S3). Past a quota the \
        deploy is refused outright; close to one, the next feature will not fit. Split \
        large templates into nested stacks before that happens. Over a quota is an error; \
        within 10% of it, a warning.
        """,
        fix: "move resources into nested stacks, or merge and remove what is not needed",
        triggering: [
            "↓Parameters:\n" + (1...185).map { "  P\($0): {Type: String}\n" }.joined()
                + "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub \""
                + (1...185).map { "${P\($0)}" }.joined() + "\"\n",
        ],
        nonTriggering: [
            """
            Parameters:
              Stage: {Type: String}
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Ref Stage
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html"]
    )

    /// Each quota, with the section it counts (nil for the body's size).
    static let quotas: [(what: String, section: String?, limit: Int)] = [
        ("resources", "Resources", 500), ("parameters", "Parameters", 200),
        ("outputs", "Outputs", 200), ("mappings", "Mappings", 200), ("bytes", nil, 1_048_576),
    ]

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        return Self.quotas.compactMap { quota in
            let count = quota.section.map { Self.count(of: $0, in: template) } ?? context.sourceSize
            guard count * 10 > quota.limit * 9 else { return nil }
            let over = count > quota.limit
            let node = quota.section.flatMap { template.root.entry($0)?.key }
            let range = node?.range ?? SourceRange(start: template.root.range.end, end: template.root.range.end)
            let message = over
                ? "the template has \(count) \(quota.what); CloudFormation allows at most \(quota.limit)"
                : "the template has \(count) \(quota.what), within 10% of CloudFormation's limit of \(quota.limit)"
            return Violation(at: range, path: quota.section.map { [.key($0)] } ?? [], message: message)
        }
    }

    /// How many declarations a section of `quotas` has; a switch, not a
    /// table built for each file.
    private static func count(of section: String, in template: Template) -> Int {
        switch section {
        case "Resources": template.resources.count
        case "Parameters": template.parameters.count
        case "Outputs": template.outputs.count
        case "Mappings": template.mappings.count
        default: 0
        }
    }
}
