import TapLintCore

/// A resource type CloudFormation does not offer in a region the stack is
/// deployed to.
public struct TypeNotInRegion: TemplateRule {
    public static let description = RuleDescription(
        id: "DEP007", name: "type-not-in-region", category: .deployability, severity: .error,
        summary: "A resource's type is not offered in a region the deployment goes to (--region).",
        rationale: """
        AWS services reach regions at different times, and some never reach the \
        China, GovCloud or isolated partitions: CloudFormation fails a stack there that \
        declares a type the region does not offer. The rule runs only for the regions \
        given with --region, against the per-region resource schemas cfn-lint carries. \
        A resource whose Condition cannot hold in that region (`!Equals [!Ref \
        AWS::Region, us-east-1]`) is left alone. (cfn-lint reports the same as E3006 \
        with --regions.)
        """,
        fix: "deploy to a region that offers the type, or give the resource a Condition that leaves it out there",
        triggering: [],
        nonTriggering: [],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-template-resource-type-ref.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let regions = context.options.regions
        guard !regions.isEmpty else { return [] }
        return context.template.resources.compactMap { resource in
            guard let type = resource.type, let typeNode = resource.declaration["Type"] else { return nil }
            let missing = regions.filter { region in
                guard !region.offers(type) else { return false }
                guard let condition = resource.condition?.string else { return true }
                // Only where the resource exists in that region (the
                // region alone, when no condition reads AWS::Region).
                var answer = context.conditions.solve(.all([.condition(condition, true), .parameter("AWS::Region", equals: region.name)]))
                if answer == .unknown { answer = context.conditions.solve(.condition(condition, true)) }
                if case .when = answer { return true }
                return false
            }
            guard !missing.isEmpty else { return nil }
            let names = missing.map(\.name).joined(separator: ", ")
            return Violation(at: typeNode.range, path: [.key("Resources"), .key(resource.name), .key("Type")],
                             message: "\(type) is not offered in \(names): the deploy there fails")
        }
    }
}
