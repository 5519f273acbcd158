import TapLintCore

/// cfn-lint's rule ids and the taplint rules that check the same thing, so
/// that the suppressions a team already wrote for cfn-lint
/// (`Metadata: cfn-lint: config: ignore_checks: [W3005]`) keep working.
enum CfnLintEquivalents {
    static let rules: [String: [String]] = [
        "E0000": ["SYN001", "SYN002", "SYN003", "SYN006"],
        "E1010": ["REF001", "REF003", "REF004"],
        "E1011": ["REF004"],
        "E1012": ["REF001"],
        "E1017": ["REF004"],
        "E1018": ["REF004"],
        "E1019": ["REF001", "REF003", "REF004"],
        "E1020": ["REF001"],
        "E1028": ["REF002"],
        "E1029": ["REF005"],
        "E2015": ["SCH011"],
        "E2531": ["DEP004"],
        "E2533": ["DEP004"],
        "E3001": ["SCH008"],
        "E3002": ["SCH002"],
        "E3003": ["SCH003"],
        "E3004": ["CYC001"],
        "E3006": ["SCH001"],
        "E3012": ["SCH004"],
        "E3030": ["SCH010"],
        "E3031": ["SCH010"],
        "E3032": ["SCH010"],
        "E3033": ["SCH010"],
        "E3034": ["SCH010"],
        "E3037": ["SCH010"],
        "E3038": ["SCH009"],
        "E3710": ["DEP003"],
        "E8002": ["REF002"],
        "W2001": ["BP004"],
        "W2531": ["DEP004"],
        "W3005": ["BP001"],
        "W3696": ["DEP003"],
        "W3697": ["DEP003"],
        "W7001": ["BP006"],
        "W8001": ["BP005"],
    ]

    /// The taplint rules a cfn-lint id stands for: the table above, and
    /// SCH013 for each cfn-lint rule whose extension schema the catalog carries.
    static func taplintRules(for id: String) -> [String]? {
        rules[id] ?? (CatalogExtension.rules.contains(id) ? ["SCH013"] : nil)
    }
}
