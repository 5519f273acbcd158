import TapLintCore

/// Every rule taplint has. Adding a rule means adding it here; the test
/// suite then runs its examples and checks its doc.
public enum RuleRegistry {
    /// Rules that read the template, in id order.
    public static let templateRules: [any TemplateRule] = [
        WildcardAction(),
        AllowWithNot(),
        PublicPrincipal(),
        NotPrincipalAllow(),
        ServiceWildcard(),
        PassRoleOnAny(),
        PrivilegeEscalation(),
        AdminPolicyAttached(),
        ResourceStar(),
        ConfusedDeputy(),
        UnknownAction(),
        HardCodedPartition(),
        HardCodedRegion(),
        HardCodedAccount(),
        HardCodedURLSuffix(),
        MalformedARN(),
        ARNNameMismatch(),
        PreferGetAtt(),
        RedundantDependsOn(),
        NoncurrentVersionLifecycle(),
        CodeInSameStackBucket(),
        FixedNameReplacement(),
        MethodWithoutAuthorization(),
        BucketPublicAccessBlock(),
        MissingRequiredTag(),
        InvalidTagKey(),
        UnverifiableTag(),
        BucketVersioning(),
        ObjectLockWithoutVersioning(),
        TablePointInTimeRecovery(),
        UnusedParameter(),
        UnusedCondition(),
        UnusedMapping(),
        CircularDependency(),
        UndefinedReference(),
        UndefinedCondition(),
        UnknownAttribute(),
        MalformedFunction(),
        UnknownResourceType(),
        UnknownProperty(),
        MissingRequiredProperty(),
        WrongValueType(),
        TemplateLimits(),
        InvalidAddressBlock(),
    ]

    /// Rules the reader itself reports, before there is a template.
    static let sourceRules: [any SourceRule.Type] = [
        YAMLSyntax.self, DuplicateKey.self, UnknownTag.self, InputTooComplex.self,
        NotATemplate.self, NonStringKey.self, UnreadableFile.self,
        UnusedSuppression.self, SuppressionWithoutReason.self,
    ]

    /// Every rule's description, sorted by id.
    public static let all: [RuleDescription] =
        (sourceRules.map { $0.description } + templateRules.map { type(of: $0).description })
            .sorted { $0.id < $1.id }

    /// The rule an id or name refers to.
    public static func rule(named name: String) -> RuleDescription? {
        all.first { $0.id == name.uppercased() || $0.name == name }
    }
}
