import TapLintCore

/// Parameters, conditions and mappings that nothing in the template uses.
/// Three rules with one shape; each reports one section.
enum UnusedDeclaration {
    static func check(_ declarations: [Declaration], section: String, isUsed: (String) -> Bool,
                      what: String) -> [Violation] {
        declarations.compactMap { declaration in
            guard !isUsed(declaration.name) else { return nil }
            return Violation(at: declaration.key.range, path: [.key(section), .key(declaration.name)],
                             message: "\(what) '\(declaration.name)' is declared but never used")
        }
    }

    /// Up to this many declarations, each use is compared with them, by
    /// length first; more go through a set of the uses. Most templates
    /// declare a few parameters and use their resources thousands of
    /// times: hashing every use cost more than the comparisons.
    static let comparedDirectly = 8

    /// Whether some name in `uses` names the declaration called `name`,
    /// as a function made once for all the declarations.
    static func isUsed(among declarations: [Declaration], by uses: some Sequence<String>) -> (String) -> Bool {
        guard declarations.count <= comparedDirectly else { return Set(uses).contains }
        var used = Set<String>()
        for use in uses {
            let length = use.utf8.count
            if let hit = declarations.first(where: { $0.name.utf8.count == length && $0.name == use }) { used.insert(hit.name) }
        }
        return used.contains
    }

    /// Macros other than SAM may use anything, in ways only they know.
    static func skips(_ template: Template) -> Bool {
        template.isRewrittenBeforeDeploy && !template.isServerlessOnly
    }
}

public struct UnusedParameter: TemplateRule {
    public static let description = RuleDescription(
        id: "BP004", name: "unused-parameter", category: .bestPractice, severity: .warning,
        summary: "A parameter is declared but no Ref or Fn::Sub uses it.",
        rationale: """
        Every parameter is a question the person deploying must answer. One that \
        nothing reads makes them answer for nothing, and often means a reference was \
        lost in an edit (the value the author meant to use is not used). Templates with a \
        transform are not judged: SAM and macros may read parameters the template does not \
        show reading.
        """,
        fix: "use the parameter, or remove it",
        triggering: [
            """
            Parameters:
              ↓Stage:
                Type: String
            Resources:
              Queue:
                Type: AWS::SQS::Queue
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Stage:
                Type: String
              Prefix:
                Type: String
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub "${Prefix}-${Stage}"
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        // Any transform, SAM's included, may consume parameters in ways the
        // template does not show (SAM's AutoPublishAlias, a macro's inputs).
        guard !context.template.isRewrittenBeforeDeploy else { return [] }
        let parameters = context.template.parameters
        let reads = context.references.references.lazy.filter { $0.kind != .getAtt && $0.attribute == nil }.map(\.target)
        return UnusedDeclaration.check(parameters, section: "Parameters",
                                       isUsed: UnusedDeclaration.isUsed(among: parameters, by: reads), what: "parameter")
    }
}

public struct UnusedCondition: TemplateRule {
    public static let description = RuleDescription(
        id: "BP005", name: "unused-condition", category: .bestPractice, severity: .warning,
        summary: "A condition is declared but no resource, output, Fn::If or other condition uses it.",
        rationale: """
        A condition nobody reads is dead logic: the reader has to work out what it \
        would do, only to find it does nothing. It often means a resource lost its \
        `Condition:` in an edit and is now always created.
        """,
        fix: "use the condition, or remove it",
        triggering: [
            """
            Parameters:
              Stage:
                Type: String
            Conditions:
              ↓IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Stage:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              IsProdEast: !And [!Condition IsProd, !Equals [!Ref "AWS::Region", us-east-1]]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Condition: IsProdEast
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        guard !UnusedDeclaration.skips(context.template) else { return [] }
        let conditions = context.template.conditions
        return UnusedDeclaration.check(conditions, section: "Conditions",
                                       isUsed: UnusedDeclaration.isUsed(among: conditions, by: context.references.conditionUses.lazy.map(\.name)),
                                       what: "condition")
    }
}

public struct UnusedMapping: TemplateRule {
    public static let description = RuleDescription(
        id: "BP006", name: "unused-mapping", category: .bestPractice, severity: .warning,
        summary: "A mapping is declared but no Fn::FindInMap reads it.",
        rationale: """
        Mappings that nothing reads (AMI tables for regions no longer used, settings \
        for a retired environment) grow stale and mislead whoever maintains the \
        template next.
        """,
        fix: "read the mapping with Fn::FindInMap, or remove it",
        triggering: [
            """
            Mappings:
              ↓RegionAmi:
                us-east-1: {Ami: ami-12345678}
            Resources:
              Queue:
                Type: AWS::SQS::Queue
            """,
        ],
        nonTriggering: [
            """
            Mappings:
              Sizes:
                prod: {Delay: 0}
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  DelaySeconds: !FindInMap [Sizes, prod, Delay]
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/mappings-section-structure.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        guard !UnusedDeclaration.skips(context.template), !context.references.readsComputedMapping else { return [] }
        return UnusedDeclaration.check(context.template.mappings, section: "Mappings",
                                       isUsed: context.references.mappingUses.contains, what: "mapping")
    }
}
