import TapLintCore

/// Runs the repository rules over a run's reports and adds their findings,
/// each under the rule selection of the file it lands in.
public enum RepositoryCheck {
    /// Only a run of more than one template looks across files: a single
    /// file's report stays what it was.
    /// `stacks` holds the templates of `reports` (`stacks(of: reports)`), in order.
    public static func run(_ reports: inout [FileReport], stacks: Stacks, selection: (String) -> RuleSelection) {
        let indices = reports.indices.filter { reports[$0].stack != nil }
        guard indices.count > 1, indices.count == stacks.members.count else { return }
        let members = stacks.members
        var added = Array(repeating: [Finding](), count: members.count)
        var replaced = Array(repeating: Set<String>(), count: members.count)
        for rule in RuleRegistry.repositoryRules {
            let description = type(of: rule).description
            for placed in rule.check(stacks) {
                let file = members[placed.member].file
                let chosen = selection(file)
                guard chosen.isEnabled(description) else { continue }
                let v = placed.violation
                let finding = Finding(rule: description, severity: chosen.severity(of: description, finding: v.severity),
                                      message: v.message, file: v.file ?? file, range: v.range, path: v.path,
                                      resource: v.resource ?? Linter.resource(on: v.path), fix: v.fix, related: v.related)
                added[placed.member].append(finding)
                if let other = type(of: rule).supersedes { replaced[placed.member].insert(place(of: finding, rule: other)) }
            }
        }
        let parents = stacks.parentChains
        for (member, index) in indices.enumerated() where !added[member].isEmpty || !parents[member].isEmpty {
            let kept = reports[index].findings.filter { !replaced[member].contains(place(of: $0, rule: $0.rule)) }
            // The file's own suppressions silence what the run adds to it.
            var suppressions = reports[index].stack?.suppressions
            let new = suppressions?.filter(added[member], in: reports[index].file) ?? added[member]
            reports[index].findings = (kept + new).inReportOrder
            guard !parents[member].isEmpty else { continue }
            for i in reports[index].findings.indices { reports[index].findings[i].nestedIn = parents[member] }
        }
    }

    /// The templates of `reports` (each with its facts) as stacks.
    public static func stacks(of reports: [FileReport], locate: (_ parentFile: String, _ location: String) -> String?) -> Stacks {
        let members = reports.compactMap { report in report.stack.map { Stacks.Member(file: report.file, facts: $0) } }
        let byFile = Dictionary(members.enumerated().map { ($1.file, $0) }, uniquingKeysWith: { first, _ in first })
        return Stacks(members) { parent, location in locate(members[parent].file, location).flatMap { byFile[$0] } }
    }

    /// A rule's finding at one place of one file.
    private static func place(of finding: Finding, rule: String) -> String {
        "\(rule) \(finding.file):\(finding.range.start.line):\(finding.range.start.column)"
    }
}
