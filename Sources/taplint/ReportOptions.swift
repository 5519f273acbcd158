import ArgumentParser
import TapLintCore
import TapLintReport
import TapLintRules

/// What `check` and `diff` share: which rules, judged at which day, and how
/// the report is written and turned into an exit status.
struct ReportOptions: ParsableArguments {
    enum Format: String, Choice {
        case text, json, sarif, junit, github
    }

    @Option(help: "Report format.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("fail-on"),
            help: "Lowest severity that makes the exit status 1 (default: the configuration's, else warning).")
    var failOn: FailOn?

    @Option(help: "Least severity the text and github formats print (default: the configuration's, else warning); json, sarif and junit carry every finding.")
    var show: Show?

    @Option(help: ArgumentHelp("Use this configuration for every template (default: the nearest .taplint.yml).",
                               valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Only these rules: ids, names or categories, comma-separated.", valueName: "rules"))
    var select: [String] = []

    @Option(help: ArgumentHelp("Leave out these rules: ids, names or categories, comma-separated.", valueName: "rules"))
    var ignore: [String] = []

    @Option(name: .customLong("as-of"),
            help: ArgumentHelp("Judge runtime deprecations at this day (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    func validate() throws {
        if let asOf, CalendarDay.parse(asOf) == nil { throw ValidationError("--as-of must be a day written YYYY-MM-DD, not '\(asOf)'") }
    }

    /// The rules named on the command line; an unknown name stops the run.
    func selection() throws(CommandError) -> RuleSelection {
        let selection = RuleSelection(select: split(select), ignore: split(ignore))
        if let unknown = selection.unknownEntry() {
            let guess = Suggestion.closest(to: unknown, in: UnknownSuppressedRule.names).map { "; did you mean '\($0)'?" } ?? ""
            throw CommandError("unknown rule or category '\(unknown)'\(guess) (see taplint rules)")
        }
        return selection
    }

    /// The linter for templates under one configuration: the command line's
    /// selection first, then the configuration's.
    func linter(for configuration: Configuration, commandLine: RuleSelection, threads: Int, maxFileSize: Int,
                parameterValues: ParameterValues? = nil, regions: [Region] = []) -> Linter {
        let selection = RuleSelection(select: commandLine.select.isEmpty ? configuration.select : commandLine.select,
                                      ignore: configuration.ignore + commandLine.ignore,
                                      severities: configuration.severities)
        return Linter(options: LintOptions(selection: selection, requiredTags: configuration.requiredTags,
                                           maxFileSize: maxFileSize, threads: threads, asOf: asOf ?? CalendarDay.today(),
                                           sourceFiles: DiskFiles(), parameterValues: parameterValues,
                                           regions: regions))
    }

    /// Writes the report and exits 1 when a finding reaches a file's
    /// `--fail-on` (or its configuration's).
    func emit(_ reports: [FileReport], configurations: [(file: String, configuration: Configuration)],
              since started: ContinuousClock.Instant, fixing: Bool = false, toStandardError: Bool = false,
              deployments: [String] = []) throws {
        let elapsed = ContinuousClock().now - started
        let result = RunResult(reports: reports, seconds: Double(elapsed.components.seconds)
            + Double(elapsed.components.attoseconds) / 1e18, fixing: fixing, deployments: deployments)
        // An empty report is easy to mistake for a clean one: say why there is nothing.
        if result.files.isEmpty {
            FileSystem.writeStandardError("taplint: no CloudFormation template in the paths given"
                + (result.skipped > 0 ? " (\(result.skipped) file\(result.skipped == 1 ? "" : "s") passed over: not templates)" : "")
                + "\n")
        }
        let colour = format == .text && output == nil && FileSystem.isTerminal(toStandardError ? 2 : 1)
            && (FileSystem.environment("NO_COLOR") ?? "").isEmpty
        // Each file's levels, kept only where they differ from the flags'
        // (or the defaults): a folder of files read with one configuration
        // then hashes no file name. The options are read once; each read
        // of a parsed option costs hundreds of instructions.
        let (show, failOn) = (self.show, self.failOn)
        var visibility = Visibility(fallback: (show ?? .warning).severity)
        var thresholds: [String: Severity?] = [:]
        let fallback = (failOn ?? .warning).threshold
        for (file, configuration) in configurations {
            let level = (show ?? configuration.show ?? .warning).severity
            if level != visibility.fallback { visibility.levels[file] = level }
            let threshold = (failOn ?? configuration.failOn ?? .warning).threshold
            if threshold != fallback { thresholds[file] = threshold }
        }
        let failing = result.findings.count { finding in
            guard let threshold = thresholds.isEmpty ? fallback : thresholds[finding.file] ?? fallback else { return false }
            return finding.severity >= threshold
        }
        // The summary says why the exit status is 1: the flag, or the files' own settings.
        let levels = thresholds.isEmpty ? [fallback?.rawValue ?? "never"]
            : Set(result.files.map { (thresholds[$0.file] ?? fallback)?.rawValue ?? "never" })
        let gate = levels.count == 1 ? "--fail-on \(levels.first!)" : "each file's fail-on"
        let reporter: any Reporter = switch format {
        case .text: TextReporter(colour: colour, visibility: visibility, gate: failing > 0 ? (failing, gate) : nil)
        case .json: JSONReporter()
        case .sarif: SARIFReporter(rules: RuleRegistry.all)
        case .junit: JUnitReporter()
        case .github: GitHubReporter(visibility: visibility)
        }
        if let output {
            do {
                try FileSystem.writeAtomically(to: output, mode: 0o644) { reporter.write(result, to: &$0) }
            } catch {
                throw CommandError(error.reason)
            }
        } else {
            var sink = toStandardError ? FileSystem.standardError() : FileSystem.standardOutput()
            reporter.write(result, to: &sink)
            sink.flush()
        }
        if failing > 0 { throw ExitCode(1) }
    }

    /// `--select a,b --select c` → [a, b, c].
    private func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces } }.filter { !$0.isEmpty }
    }
}
