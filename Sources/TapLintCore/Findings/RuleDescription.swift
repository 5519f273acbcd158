/// Everything a user can learn about a rule without reading its code: what
/// `taplint rules` lists, what `taplint explain` prints, and the examples
/// the test suite runs.
///
/// A class, read-only: every finding is made from its rule's description,
/// and a struct of a dozen strings was copied, and freed, each time.
public final class RuleDescription: Sendable {
    /// Family letters and three digits, e.g. `IAM001`; stable forever.
    public let id: String
    /// Kebab-case, e.g. `iam-wildcard-action`; accepted wherever an id is.
    public let name: String
    public let category: Category
    public let severity: Severity
    /// One line: what the rule finds.
    public let summary: String
    /// Why it matters, in a paragraph or two.
    public let rationale: String
    /// How to fix a finding, in one line; findings repeat it as `fix`.
    public let fix: String?
    /// Templates that must draw this rule, with `↓` before each place a
    /// finding must start. Made when asked: every run reads each rule's
    /// description to select the rules, but only the docs, `explain` and
    /// the tests read the examples, and one of them is built by code
    /// (SCH005's 185 parameters, about 0.6 M instructions).
    public var triggering: [String] { makeTriggering() }
    private let makeTriggering: @Sendable () -> [String]
    /// Templates that must not draw it.
    public let nonTriggering: [String]
    /// AWS documentation pages that back the rationale.
    public let references: [String]

    public init(id: String, name: String, category: Category, severity: Severity, summary: String,
                rationale: String, fix: String? = nil, triggering: @escaping @autoclosure @Sendable () -> [String], nonTriggering: [String],
                references: [String] = []) {
        self.id = id
        self.name = name
        self.category = category
        self.severity = severity
        self.summary = summary
        self.rationale = rationale
        self.fix = fix
        makeTriggering = triggering
        self.nonTriggering = nonTriggering
        self.references = references
    }

    /// The marker examples use for "a finding starts here".
    public static let marker: Character = "↓"
}
