import TapLintCore

/// An earlier JSON report whose findings a team has accepted for now:
/// `--baseline` reports only what is new since.
///
/// Findings match by rule, file, resource and path, never by line, so an
/// edit above a finding does not bring it back; each accepted finding
/// absorbs one current finding, so a second copy of a problem is new.
public struct Baseline: Sendable {
    public struct Invalid: Error {
        public var message: String
    }

    private var accepted: [String: Int] = [:]

    /// Reads a report written by `taplint check --format json`.
    public init(report bytes: [UInt8]) throws(Invalid) {
        let parsed = YAMLParser.parse(bytes)
        if let issue = parsed.issues.first {
            throw Invalid(message: "line \(issue.range.start.line): \(issue.message)")
        }
        guard let findings = parsed.root?["findings"]?.sequence else {
            throw Invalid(message: "not a taplint JSON report (no \"findings\" list)")
        }
        for finding in findings {
            guard let rule = finding["rule"]?.string, let file = finding["file"]?.string else {
                throw Invalid(message: "line \(finding.range.start.line): a finding without rule or file")
            }
            let path = (finding["path"]?.sequence ?? []).compactMap(\.string)
            accepted[Self.key(rule: rule, file: file, resource: finding["resource"]?.string, path: path), default: 0] += 1
        }
    }

    /// The findings not accepted by the baseline.
    public mutating func newFindings(_ findings: [Finding]) -> [Finding] {
        findings.filter { finding in
            let key = Self.key(rule: finding.rule, file: finding.file, resource: finding.resource,
                               path: finding.path.map(\.description))
            guard let count = accepted[key], count > 0 else { return true }
            accepted[key] = count - 1
            return false
        }
    }

    private static func key(rule: String, file: String, resource: String?, path: [String]) -> String {
        ([rule, file, resource ?? ""] + path).joined(separator: "\u{1F}")
    }
}
