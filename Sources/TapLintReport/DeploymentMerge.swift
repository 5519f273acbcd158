import TapLintCore
import TapLintRules

/// One report per template out of one per deployment: a finding that holds
/// in several deployments is reported once, naming each of them.
public enum DeploymentMerge {
    /// `reports[i]` was linted for the deployment `deployments[i]` (nil for
    /// none); the reports of one file are next to each other, in the order
    /// the deployments are listed, and so are the names on each finding.
    public static func merge(_ reports: [FileReport], deployments: [String?]) -> [FileReport] {
        var merged: [FileReport] = []
        merged.reserveCapacity(reports.count)
        var start = 0
        while start < reports.count {
            var end = start + 1
            while end < reports.count, reports[end].file == reports[start].file { end += 1 }
            // Without a deployment the file's first report stands, taken
            // as it is: most runs name none, and a folder has many files.
            if deployments[start..<end].contains(where: { $0 != nil }) {
                merged.append(merge(Array(zip(reports[start..<end], deployments[start..<end]))))
            } else {
                merged.append(reports[start])
            }
            start = end
        }
        return merged
    }

    private static func merge(_ group: [(report: FileReport, deployment: String?)]) -> FileReport {
        var report = group[0].report
        // The same finding twice in one deployment stays twice: it is keyed
        // by how many times it was seen there before.
        var index: [Key: Int] = [:]
        var findings: [Finding] = []
        for (one, deployment) in group {
            var seen: [Finding: Int] = [:]
            for finding in one.findings {
                let key = Key(finding: finding, occurrence: seen[finding, default: 0])
                seen[finding, default: 0] += 1
                if let at = index[key] {
                    if let deployment { findings[at].deployments.append(deployment) }
                } else {
                    index[key] = findings.count
                    var named = finding
                    named.deployments = deployment.map { [$0] } ?? []
                    findings.append(named)
                }
            }
        }
        report.findings = findings.inReportOrder
        report.skipped = group.allSatisfy(\.report.skipped)
        return report
    }

    private struct Key: Hashable {
        var finding: Finding
        var occurrence: Int
    }
}
