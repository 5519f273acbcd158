import TapLintCore

/// Which findings the formats people read (text, github) print: those at or
/// above each file's `--show` level. First contact should show what needs
/// doing, not every remark; the machine formats (json, sarif, junit) carry
/// every finding, and the summary says what was left out.
public struct Visibility: Sendable {
    /// The least severity printed, by file; `fallback` for the rest.
    public var levels: [String: Severity]
    public var fallback: Severity

    public static let everything = Visibility(levels: [:], fallback: .info)

    public init(levels: [String: Severity] = [:], fallback: Severity = .warning) {
        self.levels = levels
        self.fallback = fallback
    }

    public func shows(_ finding: Finding) -> Bool {
        // Without per-file levels there is no file name to hash.
        finding.severity >= (levels.isEmpty ? fallback : levels[finding.file] ?? fallback)
    }

    /// "13 info not shown: --show info", or nil when nothing was left out.
    func omissions(in result: RunResult) -> String? {
        var hidden: [Severity: Int] = [:]
        // By index: a finding handed over whole is copied.
        for file in result.files {
            for i in file.findings.indices where !shows(file.findings[i]) { hidden[file.findings[i].severity, default: 0] += 1 }
        }
        guard let least = Severity.allCases.first(where: { hidden[$0] != nil }) else { return nil }
        let counts = Severity.allCases.reversed().compactMap { severity -> String? in
            guard let count = hidden[severity] else { return nil }
            return severity == .info ? "\(count) info" : "\(count) \(severity.rawValue)" + (count == 1 ? "" : "s")
        }
        return counts.joined(separator: ", ") + " not shown: --show \(least.rawValue)"
    }
}
