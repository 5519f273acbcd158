import TapLintCore

/// An `Fn::FindInMap` whose keys a deployment makes known (its region, its
/// parameter values) and that its mapping does not have.
public struct MissingMappingKey: TemplateRule {
    public static let description = RuleDescription(
        id: "REF007", name: "missing-mapping-key", category: .reference, severity: .error,
        summary: "For a deployment's region or parameter values, Fn::FindInMap reads a key its mapping does not have.",
        rationale: """
        `!FindInMap [RegionMap, !Ref AWS::Region, AMI]` works only in the regions \
        RegionMap lists; deployed anywhere else, CloudFormation fails the stack. The \
        same holds for a key taken from a parameter. The rule runs for a deployment \
        (--region, --parameters, --parameter-file, --deployment-file): each key that comes \
        from the region or a given value is looked up, with the literal keys beside it. \
        A lookup with a default value (AWS::LanguageExtensions), one in an Fn::If branch \
        or a resource this deployment leaves out, and keys that come from anything else are \
        not judged. (cfn-lint reports the same as E1011 with --regions or --parameters.)
        """,
        fix: "add the key to the mapping, or deploy with a value the mapping has",
        triggering: [],
        nonTriggering: [],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-findinmap.html"]
    )

    public init() {}

    /// A key as this deployment gives it, and where it came from (nil for a literal).
    private typealias Key = (value: String, origin: String?)

    public func check(_ context: LintContext) -> [Violation] {
        let options = context.options
        guard options.parameterValues != nil || !options.regions.isEmpty,
              let mappings = context.template.root["Mappings"] else { return [] }
        return context.references.mappingLookups.compactMap { lookup -> Violation? in
            guard lookup.items.count == 3, let name = lookup.items[0].string, let table = mappings[name], table.mapping != nil,
                  let tops = keys(lookup.items[1], options), let seconds = keys(lookup.items[2], options),
                  (tops + seconds).contains(where: { $0.origin != nil }) else { return nil }
            for top in tops where exists(lookup, in: context, keys: [top]) {
                guard let row = table[top.value] else {
                    return violation(lookup, "\(name) has no key \(describe(top))", deployment: [top])
                }
                for second in seconds where row.mapping != nil && row[second.value] == nil && exists(lookup, in: context, keys: [top, second]) {
                    return violation(lookup, "\(name).\(top.value) has no key \(describe(second))", deployment: [top, second])
                }
            }
            return nil
        }
    }

    /// The values a key takes in this deployment; nil when it is not known.
    private func keys(_ node: Node, _ options: LintOptions) -> [Key]? {
        if let text = node.string, node.intrinsic == nil { return [(text, nil)] }
        guard let call = node.intrinsic, call.name == .ref, let target = call.argument.string else { return nil }
        switch target {
        case "AWS::Region": return options.regions.isEmpty ? nil : options.regions.map { ($0.name, "AWS::Region") }
        case "AWS::Partition": return options.regions.isEmpty ? nil : Set(options.regions.map(\.partition)).sorted().map { ($0, "AWS::Partition") }
        default:
            guard let given = options.parameterValues?[target] else { return nil }
            return [(given.value, "\(target) in \(options.parameterValues?.source ?? "")")]
        }
    }

    /// False when this deployment leaves the lookup out: its resource or
    /// output has a condition, or it sits in an Fn::If branch, that cannot
    /// hold (in the region a key comes from).
    private func exists(_ lookup: MappingLookup, in context: LintContext, keys: [Key]) -> Bool {
        let template = context.template
        let owned: Node? = switch lookup.owner {
        case .resource(let index): template.resources[index].condition
        case .output(let index): template.outputs[index]["Condition"]
        default: nil
        }
        var guards = (owned?.string).map { [ConditionModel.Guard.condition($0, true)] } ?? []
        if !lookup.branches.isEmpty {
            guard let taken = ConditionModel.Guard.taken(lookup.branches) else { return false }
            guards += taken
        }
        guard !guards.isEmpty else { return true }
        let regional = keys.filter { $0.origin == "AWS::Region" }.map { ConditionModel.Guard.parameter("AWS::Region", equals: $0.value) }
        let answer = context.conditions.solve(.all(guards + regional))
        // Unknown with the region: no condition reads it; ask without.
        return (answer == .unknown && !regional.isEmpty ? context.conditions.solve(.all(guards)) : answer) != .never
    }

    private func describe(_ key: Key) -> String {
        key.origin.map { "\(key.value) (\($0))" } ?? key.value
    }

    private func violation(_ lookup: MappingLookup, _ problem: String, deployment keys: [Key]) -> Violation {
        let regional = keys.first { $0.origin == "AWS::Region" }
        let consequence = regional.map { "the deploy to \($0.value) fails" } ?? "the deploy fails"
        return Violation(at: lookup.range, path: lookup.path, message: "Fn::FindInMap: \(problem): \(consequence)")
    }
}
