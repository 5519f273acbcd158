import TapLintCore
import TapLintRules

/// Everything one `taplint check` produced, in report order.
public struct RunResult: Sendable {
    /// Checked files (not skipped ones), sorted by name.
    public var files: [FileReport]
    public var skipped: Int
    public var seconds: Double
    /// With `--fix`: the findings the fixes removed; nil without it.
    public var fixed: Int?
    /// The deployments the templates were judged for, in the order given;
    /// empty when none was.
    public var deployments: [String]

    public init(reports: [FileReport], seconds: Double, fixing: Bool = false, deployments: [String] = []) {
        files = reports.filter { !$0.skipped }.sorted { $0.file < $1.file }
        skipped = reports.count - files.count
        self.seconds = seconds
        fixed = fixing ? reports.reduce(0) { $0 + $1.fixed } : nil
        self.deployments = deployments
    }

    public var findings: [Finding] { files.flatMap(\.findings) }

    /// Read by index: handing each finding to a closure copied it whole.
    public func count(_ severity: Severity) -> Int {
        var total = 0
        for file in files {
            for i in file.findings.indices where file.findings[i].severity == severity { total += 1 }
        }
        return total
    }
}

/// A report format: turns a run into the bytes written to stdout or `--output`.
public protocol Reporter: Sendable {
    /// Writes the report into `sink`, which hands it on as it fills.
    func write(_ result: RunResult, to sink: inout ByteSink)
}

extension Reporter {
    /// The whole report as one string.
    public func render(_ result: RunResult) -> String {
        ByteSink.collect { write(result, to: &$0) }
    }
}

extension Finding {
    /// `nested in app.yaml (Queues)`: the parents of a nested stack's template.
    var nestedNote: String? {
        nestedIn.isEmpty ? nil : "nested in " + nestedIn.joined(separator: "; ")
    }

    /// `in deployment prod`, `in deployments dev, prod`: which stacks a
    /// finding holds for; nil when the template was judged for every value.
    var deploymentNote: String? {
        guard !deployments.isEmpty else { return nil }
        return (deployments.count == 1 ? "in deployment " : "in deployments ") + deployments.joined(separator: ", ")
    }
}
