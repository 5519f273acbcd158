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
    /// The edits that fix it, offered only when the fix is certain here.
    public var edits: [TextEdit]
    /// The file the finding points into when it is not the template
    /// checked: the old version, for what the new one no longer has.
    public var file: String?
    /// Other places the finding is about, for the editor.
    public var related: [Finding.Related]

    public init(at range: SourceRange, path: [PathElement], message: String,
                resource: String? = nil, fix: String? = nil, severity: Severity? = nil, edits: [TextEdit] = [],
                file: String? = nil, related: [Finding.Related] = []) {
        self.range = range
        self.path = path
        self.message = message
        self.resource = resource
        self.fix = fix
        self.severity = severity
        self.edits = edits
        self.file = file
        self.related = related
    }
}

/// Everything a rule may read, computed once per file and shared by all rules.
public struct LintContext: Sendable {
    public let template: Template
    public let references: ReferenceIndex
    public let graph: DependencyGraph
    /// The conditions as formulas over parameter values, for the rules that
    /// ask which resources exist together.
    public let conditions: ConditionModel
    /// Properties checked against the catalog, once for all schema rules.
    public let schema: SchemaCheck
    /// Every policy document, read once for all IAM rules.
    let policies: [PolicyDocument]
    /// Their allowing statements, which most IAM rules judge.
    let allowing: [(document: PolicyDocument, statement: PolicyStatement)]
    /// The strings the resources' properties build that hold an ARN or an
    /// AWS domain, found on the reference walk, and the ARNs in them, read
    /// once for all ARN rules.
    let strings: [BuiltString]
    /// Plain text holding `${X}` that no Fn::Sub replaces, found in the same walk.
    let literalVariables: [BuiltString]
    let arns: [ARN]
    /// The resources the template names itself, which hand-built ARNs are
    /// checked against, found once for the ARN rules that need them.
    let named: NamedResources
    /// Every taggable resource's tags, read once for all tagging rules.
    let tags: [ResourceTags]
    /// The tags they must carry: configured, or learned from them.
    let tagPolicy: TagPolicy
    /// The template body's size in bytes, for CloudFormation's size limit.
    public let sourceSize: Int
    /// The template's path as given (`-` for standard input): files it
    /// names, such as code folders, are relative to its folder.
    public let file: String
    /// Where the author silenced rules: not for rules to read, but found
    /// here with the rest, so that a large template's comments are scanned
    /// while other threads work.
    let suppressions: Suppressions
    public let options: LintOptions

    /// Threads this template's rules run on: `options.threads` for a large
    /// template, one for a small one.
    public let threads: Int

    /// `source` is the template's text, for its size and its suppression comments.
    public init(template: Template, source: [UInt8] = [], file: String = "-", options: LintOptions = LintOptions()) {
        self.template = template
        threads = options.threads(forSize: source.count)
        // Pieces with no input in common, costliest first, shared out among
        // the threads. The one walk (references, the strings that hold an
        // ARN or an AWS domain, and the properties checked against the
        // catalog) comes in a part for each thread, its share of the resources.
        let walks = threads
        let pieces = Parallel.map(walks + 4, threads: threads) { piece -> Piece in
            if piece < walks {
                let (references, schema) = SchemaCheck.walking(template, strings: ["arn:", "amazonaws.com"], part: piece, of: walks,
                                                                   given: options.parameterValues)
                return .walked(references, schema, ARN.all(in: references.strings.strings))
            }
            switch piece - walks {
            case 0:
                let policies = PolicyDocument.all(in: template)
                return .policies(policies, PolicyChecks.allowing(in: policies))
            case 1:
                return .named(NamedResources(template))
            case 2:
                return .conditions(ConditionModel(template, deployed: options.deployed))
            default:
                return .suppressions(Suppressions(template: template, source: source))
            }
        }
        guard case .policies(let policies, let allowing) = pieces[walks], case .named(let named) = pieces[walks + 1],
              case .conditions(let conditions) = pieces[walks + 2], case .suppressions(let suppressions) = pieces[walks + 3] else {
            preconditionFailure("context pieces out of order")
        }
        let (references, schema, arns) = Self.joined(pieces[..<walks])
        // What the walk's facts give, each on a thread of its own.
        let derived = Parallel.map(2, threads: threads) { piece -> Derived in
            piece == 0 ? .tags(ResourceTags.all(in: template, schema: schema))
                : .graph(DependencyGraph(template: template, references: references))
        }
        guard case .tags(let tags) = derived[0], case .graph(let graph) = derived[1] else {
            preconditionFailure("derived pieces out of order")
        }
        (self.schema, self.tags, self.references, self.graph, self.conditions) = (schema, tags, references, graph, conditions)
        (self.strings, self.literalVariables) = (references.strings.strings, references.strings.literals)
        (self.arns, self.policies, self.allowing, self.named) = (arns, policies, allowing, named)
        self.suppressions = suppressions
        tagPolicy = TagPolicy(configured: options.requiredTags, tags: tags)
        sourceSize = source.count
        self.file = file
        self.options = options
    }
}

extension LintContext {
    /// The walk's parts put together, in order, into what one walk finds.
    private static func joined(_ parts: ArraySlice<Piece>) -> (ReferenceIndex, SchemaCheck, [ARN]) {
        guard case .walked(var references, var schema, var arns) = parts.first else { preconditionFailure("context pieces out of order") }
        for part in parts.dropFirst() {
            guard case .walked(let moreReferences, let moreSchema, let moreARNs) = part else { preconditionFailure("context pieces out of order") }
            references.append(moreReferences)
            schema.append(moreSchema)
            arns += moreARNs
        }
        return (references, schema, arns)
    }
}

/// One piece of a `LintContext`, as a thread computes it.
private enum Piece: Sendable {
    case walked(ReferenceIndex, SchemaCheck, [ARN])
    case policies([PolicyDocument], [(document: PolicyDocument, statement: PolicyStatement)])
    case named(NamedResources)
    case conditions(ConditionModel)
    case suppressions(Suppressions)
}

/// What is computed from the walk's facts, as a thread computes it.
private enum Derived: Sendable {
    case tags([ResourceTags])
    case graph(DependencyGraph)
}
