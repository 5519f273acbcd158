import TapLintCore

/// SARIF 2.1.0, the format GitHub code scanning and other review tools read.
///
/// Every rule is listed with its descriptions, default level and a link to
/// its doc; each finding is a result with its exact region and the logical
/// location `Resources/X/Properties/Y`. Columns count Unicode code points,
/// as libyaml's do.
public struct SARIFReporter: Reporter {
    public let rules: [RuleDescription]

    public init(rules: [RuleDescription]) {
        self.rules = rules
    }

    public func write(_ result: RunResult, to sink: inout ByteSink) {
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let findings = result.findings
        JSON.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("taplint")),
                    ("version", .string(TapLintVersion.current)),
                    ("semanticVersion", .string(TapLintVersion.current)),
                    ("informationUri", .string(TapLintVersion.documentationBase)),
                    ("rules", .array(rules.map(Self.rule))),
                ]))])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .objects(count: findings.count) { i, sink, depth in
                    Self.result(findings[i], ruleIndex: index[findings[i].rule]).write(into: &sink, depth: depth)
                }),
            ])])),
        ]).write(to: &sink)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    private static func rule(_ rule: RuleDescription) -> JSON {
        .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.name)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.rationale))])),
            ("helpUri", .string(TapLintVersion.documentationBase + rule.id + ".md")),
            ("help", .object([("text", .string(rule.fix.map { "Fix: \($0)." } ?? rule.summary)),
                              ("markdown", .string(RuleDoc.markdown(rule)))])),
            ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
            ("properties", .object([("tags", .array([.string(rule.category.rawValue)]))])),
        ])
    }

    private static func result(_ finding: Finding, ruleIndex: Int?) -> JSON {
        var location: [(String, JSON)] = [
            ("physicalLocation", .object([
                ("artifactLocation", .object([("uri", .string(uri(finding.file)))])),
                ("region", .object([
                    ("startLine", .int(finding.range.start.line)),
                    ("startColumn", .int(finding.range.start.column)),
                    ("endLine", .int(max(finding.range.end.line, finding.range.start.line))),
                    ("endColumn", .int(max(finding.range.end.column, 1))),
                ])),
            ])),
        ]
        if !finding.path.isEmpty {
            let name = finding.path.map(\.description).joined(separator: "/")
            location.append(("logicalLocations", .array([.object([
                ("fullyQualifiedName", .string(name)), ("kind", .string("member")),
            ])])))
        }
        var members: [(String, JSON)] = [("ruleId", .string(finding.rule))]
        if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
        members += [
            ("level", .string(level(finding.severity))),
            ("message", .object([("text", .string(finding.message + (finding.fix.map { " (fix: \($0))" } ?? "")))])),
            ("locations", .array([.object(location)])),
        ]
        var properties: [(String, JSON)] = []
        if !finding.deployments.isEmpty { properties.append(("deployments", .array(finding.deployments.map(JSON.string)))) }
        if !finding.nestedIn.isEmpty { properties.append(("nestedIn", .array(finding.nestedIn.map(JSON.string)))) }
        if !properties.isEmpty { members.append(("properties", .object(properties))) }
        return .object(members)
    }

    /// A relative path as a URI reference: segments percent-encoded, `/` kept.
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
