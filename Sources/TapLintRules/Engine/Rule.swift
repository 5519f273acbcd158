import TapLintCore

/// A rule that reads a parsed template. Rules are small value types with no
/// state: the same instance checks many files at once.
public protocol TemplateRule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ context: LintContext) -> [Violation]
}

/// What a rule found, before the engine adds the rule's metadata, the file
/// and any severity the user configured.
public struct Violation: Sendable {
    public var range: SourceRange
    public var path: [PathElement]
    public var message: String
    /// Defaults to the resource the path runs through.
    public var resource: String?
    /// Overrides the rule's general fix when this finding has a sharper one.
    public var fix: String?
    /// Overrides the rule's default severity for this finding (a method
    /// without authorization that writes is worse than one that reads); a
    /// severity the user configured still wins.
    public var severity: Severity?

    public init(at range: SourceRange, path: [PathElement], message: String,
                resource: String? = nil, fix: String? = nil, severity: Severity? = nil) {
        self.range = range
        self.path = path
        self.message = message
        self.resource = resource
        self.fix = fix
        self.severity = severity
    }
}

/// Everything a rule may read, computed once per file and shared by all rules.
public struct LintContext: Sendable {
    public let template: Template
    public let references: ReferenceIndex
    public let graph: DependencyGraph
    /// Properties checked against the catalog, once for all schema rules.
    public let schema: SchemaCheck
    /// Every policy document, read once for all IAM rules.
    let policies: [PolicyDocument]
    /// The strings the resources' properties build that hold an ARN or an
    /// AWS domain, and the ARNs in them, read once for all ARN rules.
    let strings: [BuiltString]
    let arns: [ARN]
    /// The resources the template names itself, which hand-built ARNs are
    /// checked against, found once for the ARN rules that need them.
    let named: NamedResources
    /// Every taggable resource's tags, read once for all tagging rules.
    let tags: [ResourceTags]
    /// The template body's size in bytes, for CloudFormation's size limit.
    public let sourceSize: Int
    public let options: LintOptions

    public init(template: Template, sourceSize: Int = 0, options: LintOptions = LintOptions()) {
        self.template = template
        references = ReferenceIndex(template)
        graph = DependencyGraph(template: template, references: references)
        schema = SchemaCheck(template: template)
        policies = PolicyDocument.all(in: template)
        strings = TemplateStrings.all(in: template, containing: ["arn:", "amazonaws.com"])
        arns = ARN.all(in: strings)
        named = NamedResources(template)
        tags = ResourceTags.all(in: template, schema: schema)
        self.sourceSize = sourceSize
        self.options = options
    }
}
