import TapLintCore

/// The JSON report of PRODUCT.md: the contract CI scripts parse.
public struct JSONReporter: Reporter {
    public static let schemaVersion = 1

    public init() {}

    public func write(_ result: RunResult, to sink: inout ByteSink) {
        let findings = result.findings
        JSON.object([
            ("schemaVersion", .int(Self.schemaVersion)),
            ("tool", .object([("name", .string("taplint")), ("version", .string(TapLintVersion.current))])),
            ("summary", .object([
                ("files", .int(result.files.count)),
                ("skipped", .int(result.skipped)),
                ("errors", .int(result.count(.error))),
                ("warnings", .int(result.count(.warning))),
                ("info", .int(result.count(.info))),
            ] + (result.fixed.map { [("fixed", .int($0))] } ?? [])
              + (result.deployments.isEmpty ? [] : [("deployments", .array(result.deployments.map(JSON.string)))]))),
            ("findings", .objects(count: findings.count) { Self.json(findings[$0]) }),
        ]).write(to: &sink)
    }

    static func json(_ finding: Finding) -> JSON {
        var members: [(String, JSON)] = [
            ("rule", .string(finding.rule)),
            ("name", .string(finding.name)),
            ("category", .string(finding.category.rawValue)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
            ("file", .string(finding.file)),
            ("line", .int(finding.range.start.line)),
            ("column", .int(finding.range.start.column)),
            ("endLine", .int(finding.range.end.line)),
            ("endColumn", .int(finding.range.end.column)),
            ("path", .array(finding.path.map(Self.json))),
        ]
        if let resource = finding.resource { members.append(("resource", .string(resource))) }
        if let fix = finding.fix { members.append(("fix", .string(fix))) }
        if !finding.deployments.isEmpty { members.append(("deployments", .array(finding.deployments.map(JSON.string)))) }
        if !finding.nestedIn.isEmpty { members.append(("nestedIn", .array(finding.nestedIn.map(JSON.string)))) }
        if !finding.edits.isEmpty {
            members.append(("edits", .array(finding.edits.map { edit in
                .object([("start", .int(edit.start)), ("end", .int(edit.end)), ("text", .string(edit.text))])
            })))
        }
        return .object(members)
    }

    static func json(_ element: PathElement) -> JSON {
        switch element {
        case .key(let key): .string(key)
        case .index(let index): .int(index)
        }
    }
}
