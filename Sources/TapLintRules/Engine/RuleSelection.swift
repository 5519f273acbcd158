import TapLintCore

/// Which rules run and at what severity, from `--select`, `--ignore` and
/// configuration. Each entry names a rule by id or name, or a category.
public struct RuleSelection: Sendable {
    public var select: [String]
    public var ignore: [String]
    public var severities: [String: Severity]

    public init(select: [String] = [], ignore: [String] = [], severities: [String: Severity] = [:]) {
        self.select = select
        self.ignore = ignore
        self.severities = severities
    }

    public func isEnabled(_ rule: RuleDescription) -> Bool {
        if !select.isEmpty, !select.contains(where: { Self.matches($0, rule) }) { return false }
        return !ignore.contains { Self.matches($0, rule) }
    }

    /// The configured severity, by id or name; else the finding's own, else the rule's.
    public func severity(of rule: RuleDescription, finding: Severity? = nil) -> Severity {
        severities.first { Self.matches($0.key, rule) && Category(rawValue: $0.key) == nil }?.value ?? finding ?? rule.severity
    }

    /// The first entry that names no rule and no category, if any.
    public func unknownEntry() -> String? {
        (select + ignore + severities.keys.sorted()).first { entry in
            !RuleRegistry.all.contains { Self.matches(entry, $0) }
        }
    }

    static func matches(_ entry: String, _ rule: RuleDescription) -> Bool {
        entry.uppercased() == rule.id || entry == rule.name || entry == rule.category.rawValue
    }
}
