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
            ("findings", .objects(count: findings.count) { Self.write(findings[$0], into: &$1, depth: $2) }),
        ]).write(to: &sink)
    }

    /// One finding, its members in the documented order.
    static func write(_ finding: Finding, into sink: inout ByteSink, depth: Int) {
        var object = JSON.ObjectWriter(depth: depth)
        object.member("rule", finding.rule, into: &sink)
        object.member("name", finding.name, into: &sink)
        object.member("category", finding.category.rawValue, into: &sink)
        object.member("severity", finding.severity.rawValue, into: &sink)
        object.member("message", finding.message, into: &sink)
        object.member("file", finding.file, into: &sink)
        object.member("line", finding.range.start.line, into: &sink)
        object.member("column", finding.range.start.column, into: &sink)
        object.member("endLine", finding.range.end.line, into: &sink)
        object.member("endColumn", finding.range.end.column, into: &sink)
        object.member("path", plainItems: finding.path.count, into: &sink) { i, sink in
            switch finding.path[i] {
            case .key(let key): JSON.quote(key, into: &sink)
            case .index(let index): JSON.put(index, into: &sink)
            }
        }
        if let resource = finding.resource { object.member("resource", resource, into: &sink) }
        if let fix = finding.fix { object.member("fix", fix, into: &sink) }
        if !finding.deployments.isEmpty {
            object.member("deployments", plainItems: finding.deployments.count, into: &sink) { JSON.quote(finding.deployments[$0], into: &$1) }
        }
        if !finding.nestedIn.isEmpty {
            object.member("nestedIn", plainItems: finding.nestedIn.count, into: &sink) { JSON.quote(finding.nestedIn[$0], into: &$1) }
        }
        if !finding.edits.isEmpty {
            object.member("edits", .array(finding.edits.map { edit in
                .object([("start", .int(edit.start)), ("end", .int(edit.end)), ("text", .string(edit.text))])
            }), into: &sink)
        }
        object.end(into: &sink)
    }

    static func json(_ element: PathElement) -> JSON {
        switch element {
        case .key(let key): .string(key)
        case .index(let index): .int(index)
        }
    }
}
