import TapLintCore

/// `taplint rules`: every rule, as a table or JSON.
public enum RuleListing {
    public static func text(_ rules: [RuleDescription]) -> String {
        let idWidth = rules.map(\.id.count).max() ?? 0
        let nameWidth = rules.map(\.name.count).max() ?? 0
        let categoryWidth = rules.map(\.category.rawValue.count).max() ?? 0
        return rules.map { rule in
            pad(rule.id, idWidth) + "  " + pad(rule.name, nameWidth) + "  " + pad(rule.category.rawValue, categoryWidth)
                + "  " + pad(rule.severity.rawValue, 7) + "  " + rule.summary + "\n"
        }.joined()
    }

    public static func json(_ rules: [RuleDescription]) -> String {
        JSON.array(rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("name", .string(rule.name)),
                ("category", .string(rule.category.rawValue)),
                ("severity", .string(rule.severity.rawValue)),
                ("summary", .string(rule.summary)),
            ])
        }).rendered()
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
