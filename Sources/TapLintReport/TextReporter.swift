import TapLintCore

/// The human format: one editor-clickable block per finding, then a summary.
///
///     lib/TapStack.yml:60:7: warning ARN001 hard-coded-partition [*]
///       ARN in LambdaInvokePermission.SourceArn hard-codes partition 'aws'
///       fix: use ${AWS::Partition}
///
/// `[*]` marks a finding that `check --fix` fixes.
public struct TextReporter: Reporter {
    public var colour: Bool
    public var visibility: Visibility
    /// How many findings fail the gate, and the setting they fail
    /// (`--fail-on warning`): the summary says why the exit status is 1.
    public var gate: (count: Int, setting: String)?

    public init(colour: Bool, visibility: Visibility = Visibility(), gate: (count: Int, setting: String)? = nil) {
        self.colour = colour
        self.visibility = visibility
        self.gate = gate
    }

    public func write(_ result: RunResult, to sink: inout ByteSink) {
        sink.append(text(result))
    }

    /// The report as one string: short where it matters (the text and
    /// GitHub reports show warnings and errors only, by default).
    private func text(_ result: RunResult) -> String {
        // Appended piece by piece: a large template has thousands of
        // findings, and each joined temporary string is an allocation.
        var out = ""
        // By index, so that only the findings shown are copied out (most
        // of a large template's are info, left out by default).
        for file in result.files {
            for i in file.findings.indices where visibility.shows(file.findings[i]) { append(file.findings[i], to: &out) }
        }
        out += summary(result) + "\n"
        return out
    }

    /// One finding's block: its place, severity and rule, then what and why.
    private func append(_ finding: Finding, to out: inout String) {
        let start = finding.range.start
        out.append(paint(finding.file + ":" + String(start.line) + ":" + String(start.column) + ":", "1"))
        out.append(" ")
        out.append(paint(finding.severity.rawValue, code(finding.severity)))
        out.append(" ")
        out.append(finding.rule)
        out.append(" ")
        out.append(paint(finding.name, "2"))
        // Fixable with --fix, marked as ruff marks it.
        if !finding.edits.isEmpty { out.append(" [*]") }
        out.append("\n  ")
        out.append(finding.message)
        out.append("\n")
        if let note = finding.nestedNote {
            out.append("  ")
            out.append(note)
            out.append("\n")
        }
        if let note = finding.deploymentNote {
            out.append("  ")
            out.append(note)
            out.append("\n")
        }
        if let fix = finding.fix {
            out.append("  fix: ")
            out.append(fix)
            out.append("\n")
        }
    }

    func summary(_ result: RunResult) -> String {
        var counts: [String] = []
        // The counts are of what was printed; what was left out follows.
        var shown: [Severity: Int] = [:]
        var fixable = 0  // every fixable finding, shown or not: --fix fixes them all
        for file in result.files {
            for i in file.findings.indices {
                if visibility.shows(file.findings[i]) { shown[file.findings[i].severity, default: 0] += 1 }
                if !file.findings[i].edits.isEmpty { fixable += 1 }
            }
        }
        let warnings = shown[.warning] ?? 0, errors = shown[.error] ?? 0, info = shown[.info] ?? 0
        if warnings > 0 { counts.append(plural(warnings, "warning")) }
        if errors > 0 { counts.append(plural(errors, "error")) }
        if info > 0 { counts.append("\(info) info") }
        let omitted = visibility.omissions(in: result)
        var line = counts.isEmpty ? (omitted == nil ? "no findings" : "no findings shown") : counts.joined(separator: ", ")
        line += " in " + plural(result.files.count, "file")
        if result.skipped > 0 { line += ", \(result.skipped) skipped (not templates)" }
        let milliseconds = Int((result.seconds * 1000).rounded())
        line += " (\(milliseconds / 1000).\(String(repeating: "0", count: 3 - String(milliseconds % 1000).count))\(milliseconds % 1000) s)"
        if let omitted { line += "; " + omitted }
        if fixable > 0 { line += "; \(fixable) fixable with --fix" }
        if let fixed = result.fixed { line += "; \(fixed) fixed" }
        if let gate { line += "; \(gate.count) \(gate.count == 1 ? "fails" : "fail") the gate at \(gate.setting)" }
        return line
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)" + (count == 1 ? "" : "s")
    }

    private func code(_ severity: Severity) -> String {
        switch severity {
        case .error: "1;31"
        case .warning: "1;33"
        case .info: "1;34"
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
