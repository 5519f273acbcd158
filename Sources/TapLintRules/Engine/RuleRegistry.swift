import TapLintCore

/// Every rule taplint has. Adding a rule means adding it here; the test
/// suite then runs its examples and checks its doc.
public enum RuleRegistry {
    /// Rules that read the template. The threads that share one large
    /// template take them in this order, so the costliest (by callgrind, on
    /// `scripts/gen-template 500`) come first: a long rule taken last would
    /// leave the other threads idle while it runs.
    public static let templateRules: [any TemplateRule] = [
        InvalidTagKey(),
        MalformedFunction(),
        ARNNameMismatch(),
        PreferGetAtt(),
        UnknownAction(),
        InvalidResource(),
        RedundantDependsOn(),
        UndefinedReference(),
        UnguardedConditionalReference(),
        ServiceWildcard(),
        UnknownResourceType(),
        UnknownAttribute(),
        WildcardAction(),
        AllowWithNot(),
        PublicPrincipal(),
        NotPrincipalAllow(),
        PassRoleOnAny(),
        PrivilegeEscalation(),
        AdminPolicyAttached(),
        ResourceStar(),
        ConfusedDeputy(),
        HardCodedPartition(),
        HardCodedRegion(),
        HardCodedAccount(),
        HardCodedURLSuffix(),
        MalformedARN(),
        NoncurrentVersionLifecycle(),
        ConstantCondition(),
        CodeInSameStackBucket(),
        FixedNameReplacement(),
        MethodWithoutAuthorization(),
        BucketPublicAccessBlock(),
        MissingRequiredTag(),
        UnverifiableTag(),
        BucketVersioning(),
        ObjectLockWithoutVersioning(),
        TablePointInTimeRecovery(),
        UnusedParameter(),
        UnusedCondition(),
        UnusedMapping(),
        CircularDependency(),
        UndefinedCondition(),
        UnknownProperty(),
        MissingRequiredProperty(),
        WrongValueType(),
        TemplateLimits(),
        InvalidAddressBlock(),
        MalformedResource(),
        InvalidLogicalID(),
        ServerlessWithoutTransform(),
        InvalidServerlessPolicy(),
        InvalidServerlessFunction(),
        InvalidScheduleExpression(),
        RetiredService(),
        DeprecatedRuntime(),
        HandlerNotInCode(),
        ParameterValueInvalid(),
        TypeNotInRegion(),
        MissingMappingKey(),
        InvalidValue(),
        ParameterDefaultMismatch(),
        ExtendedConstraint(),
        LiteralSubVariable(),
    ]

    /// Rules that compare two versions of a template (`diff`, `check --base`).
    public static let changeRules: [any ChangeRule] = [
        ResourceReplaced(), DataResourceDeleted(), ExportRemoved(), RetentionDropped(),
    ]

    /// Rules that read the templates of a run together (`RepositoryCheck`).
    public static let repositoryRules: [any RepositoryRule] = [
        ImportNotExported(), UnknownNestedOutput(), NestedStackParameter(), DuplicateExport(), ImportLoop(), ExportStillImported(), NestedStackLoop(),
    ]

    /// True when `name` (an id or name) is a rule of `repositoryRules`.
    static func isRepositoryRule(_ name: String) -> Bool {
        repositoryRules.contains { type(of: $0).description.id == name.uppercased() || type(of: $0).description.name == name }
    }

    /// Rules the reader itself reports, before there is a template.
    static let sourceRules: [any SourceRule.Type] = [
        YAMLSyntax.self, DuplicateKey.self, UnknownTag.self, InputTooComplex.self,
        NotATemplate.self, NonStringKey.self, UnreadableFile.self,
        UnusedSuppression.self, SuppressionWithoutReason.self, UnknownSuppressedRule.self,
    ]

    /// Every rule's description, sorted by id.
    public static let all: [RuleDescription] =
        (sourceRules.map { $0.description } + templateRules.map { type(of: $0).description }
            + changeRules.map { type(of: $0).description } + repositoryRules.map { type(of: $0).description })
            .sorted { $0.id < $1.id }

    /// The rule an id or name refers to.
    public static func rule(named name: String) -> RuleDescription? {
        all.first { $0.id == name.uppercased() || $0.name == name }
    }
}
