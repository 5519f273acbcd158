import TapLintCore

/// A rule that reads the templates of a run together.
public protocol RepositoryRule: Sendable {
    static var description: RuleDescription { get }
    /// The id of a rule whose finding at the same place this one replaces
    /// (a general warning made specific by the other templates).
    static var supersedes: String? { get }
    init()
    func check(_ stacks: Stacks) -> [PlacedViolation]
}

extension RepositoryRule {
    public static var supersedes: String? { nil }
}

/// A violation in one member's file (or, with `violation.file`, another).
public struct PlacedViolation: Sendable {
    public var member: Int
    public var violation: Violation

    public init(member: Int, _ violation: Violation) {
        self.member = member
        self.violation = violation
    }
}
