/// One problem in one file, ready for any report format.
public struct Finding: Sendable, Hashable {
    public var rule: String
    public var name: String
    public var category: Category
    public var severity: Severity
    public var message: String
    public var file: String
    public var range: SourceRange
    public var path: [PathElement]
    public var resource: String?
    public var fix: String?
    /// The edits that fix it, when the fix is certain (`check --fix`).
    public var edits: [Edit]
    /// Other places of the same file the finding is about (each edge of a
    /// cycle, the resource a name disagrees with), for the editor.
    public var related: [Related]
    /// The named deployments (`.taplint.yml`'s `deployments:`, or the one
    /// the command line gives) the finding holds for; empty when the
    /// template is judged for every value it allows.
    public var deployments: [String] = []
    /// For a template that is a nested stack of others in the run: each
    /// chain of parents, nearest first (`app.yaml (Queues)`).
    public var nestedIn: [String] = []

    /// Another place a finding names, and what happens there.
    public struct Related: Sendable, Hashable {
        public var range: SourceRange
        public var message: String

        public init(range: SourceRange, message: String) {
            self.range = range
            self.message = message
        }
    }

    public init(rule: RuleDescription, severity: Severity? = nil, message: String, file: String,
                range: SourceRange, path: [PathElement], resource: String? = nil, fix: String? = nil, edits: [Edit] = [],
                related: [Related] = []) {
        self.rule = rule.id
        self.name = rule.name
        self.category = rule.category
        self.severity = severity ?? rule.severity
        self.message = message
        self.file = file
        self.range = range
        self.path = path
        self.resource = resource
        self.fix = fix ?? rule.fix
        self.edits = edits
        self.related = related
    }

    /// Report order: file, line, column, rule, message, then deployments, so
    /// that the same input always prints the same bytes.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.range.start != b.range.start { return a.range.start < b.range.start }
        if a.rule != b.rule { return a.rule < b.rule }
        if a.message != b.message { return a.message < b.message }
        return a.deployments.lexicographicallyPrecedes(b.deployments)
    }
}

extension Array where Element == Finding {
    /// The findings in report order (`Finding.reportOrder`). Their indices
    /// are sorted and each finding moved once: a finding is a large value,
    /// and sorting the findings themselves moved each a dozen times.
    public var inReportOrder: [Finding] {
        indices.sorted { Finding.reportOrder(self[$0], self[$1]) }.map { self[$0] }
    }
}
