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
        "E3002": ["SCH002"],
        "E3003": ["SCH003"],
        "E3004": ["CYC001"],
        "E3006": ["SCH001"],
        "E3012": ["SCH004"],
        "E8002": ["REF002"],
        "W2001": ["BP004"],
        "W3005": ["BP001"],
        "W7001": ["BP006"],
        "W8001": ["BP005"],
    ]
}
