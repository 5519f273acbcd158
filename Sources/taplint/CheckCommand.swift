import ArgumentParser
import TapLintCore
import TapLintReport
import TapLintRules

/// `taplint check`: lint templates and report.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint CloudFormation templates.",
        discussion: """
        Exit status: 0 when no finding reaches --fail-on, 1 when one does, \
        2 when the command itself could not run.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, junit, github
    }

    @Argument(help: "Template files, directories to search, or - for standard input.")
    var paths: [String] = ["."]

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

    @Option(help: ArgumentHelp("Report only findings that are not in this earlier JSON report.", valueName: "file"))
    var baseline: String?

    @Flag(name: .customLong("skip-non-templates"),
          help: "Pass over named files that are not templates instead of reporting them (for pre-commit).")
    var skipNonTemplates = false

    @Flag(name: .customLong("force-exclude"),
          help: "Apply paths.exclude to files named on the command line too (pre-commit names every changed file).")
    var forceExclude = false

    @Option(name: .customLong("as-of"),
            help: ArgumentHelp("Judge runtime deprecations at this day (default: today, UTC).", valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(help: "Threads to use: files checked at once, and for a large file its parts (default: one per core).")
    var jobs: Int?

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Refuse files larger than this many bytes.", valueName: "bytes"))
    var maxFileSize: Int = LintOptions.defaultMaxFileSize

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxFileSize < 1 { throw ValidationError("--max-file-size must be at least 1") }
        if let asOf, CalendarDay.parse(asOf) == nil { throw ValidationError("--as-of must be a day written YYYY-MM-DD, not '\(asOf)'") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let commandLine = RuleSelection(select: split(select), ignore: split(ignore))
        if let unknown = commandLine.unknownEntry() {
            let guess = Suggestion.closest(to: unknown, in: UnknownSuppressedRule.names).map { "; did you mean '\($0)'?" } ?? ""
            throw CommandError("unknown rule or category '\(unknown)'\(guess) (see taplint rules)")
        }
        let accepted = try baseline.map { file throws(CommandError) in try Self.loadBaseline(file) }
        var configurations = try ConfigurationResolver(explicit: config)
        var work: [(input: Input, configuration: Configuration)] = []
        for var input in try Inputs.collect(paths) {
            let configuration = try configurations.configuration(for: input)
            if !input.explicit || forceExclude, !input.isStandardInput, configuration.excludes(input.path) { continue }
            if skipNonTemplates { input.explicit = false }
            work.append((input, configuration))
        }
        let jobs = jobs ?? System.coreCount
        // Cores left over when there are fewer files than jobs go to each
        // file's own rules: one large template still uses the whole machine.
        let threadsPerFile = max(1, jobs / max(work.count, 1))
        var linters: [String: Linter] = [:]
        for (_, configuration) in work where linters[configuration.key] == nil {
            let selection = RuleSelection(select: commandLine.select.isEmpty ? configuration.select : commandLine.select,
                                          ignore: configuration.ignore + commandLine.ignore,
                                          severities: configuration.severities)
            linters[configuration.key] = Linter(options: LintOptions(selection: selection, requiredTags: configuration.requiredTags,
                                                                     maxFileSize: maxFileSize, threads: threadsPerFile,
                                                                     asOf: asOf ?? CalendarDay.today(),
                                                                     sourceFiles: DiskFiles()))
        }
        var reports = Self.lint(work.map { ($0.input, linters[$0.configuration.key] ?? Linter()) }, jobs: jobs)
        if var accepted {
            for i in reports.indices { reports[i].findings = accepted.newFindings(reports[i].findings) }
        }
        let elapsed = clock.now - started
        let result = RunResult(reports: reports, seconds: Double(elapsed.components.seconds)
            + Double(elapsed.components.attoseconds) / 1e18)

        let colour = format == .text && output == nil && FileSystem.isTerminal(1)
            && (FileSystem.environment("NO_COLOR") ?? "").isEmpty
        var visibility = Visibility(fallback: (show ?? .warning).severity)
        for (input, configuration) in work {
            visibility.levels[input.displayName] = (show ?? configuration.show ?? .warning).severity
        }
        let reporter: any Reporter = switch format {
        case .text: TextReporter(colour: colour, visibility: visibility)
        case .json: JSONReporter()
        case .sarif: SARIFReporter(rules: RuleRegistry.all)
        case .junit: JUnitReporter()
        case .github: GitHubReporter(visibility: visibility)
        }
        let text = reporter.render(result)
        if let output {
            do { try FileSystem.writeAtomically(text, to: output) } catch { throw CommandError(error.reason) }
        } else {
            FileSystem.writeStandardOutput(text)
        }
        var thresholds: [String: Severity?] = [:]
        for (input, configuration) in work {
            thresholds[input.displayName] = (failOn ?? configuration.failOn ?? .warning).threshold
        }
        let failing = result.findings.contains { finding in
            guard let threshold = thresholds[finding.file] ?? FailOn.warning.threshold else { return false }
            return finding.severity >= threshold
        }
        if failing { throw ExitCode(1) }
    }

    private static func loadBaseline(_ file: String) throws(CommandError) -> Baseline {
        switch FileSystem.read(file) {
        case .failure(let failure): throw CommandError("cannot read baseline \(file): \(failure.reason)")
        case .success(let bytes):
            do { return try Baseline(report: bytes) } catch { throw CommandError("baseline \(file): \(error.message)") }
        }
    }

    /// Lints every input with its linter, several at once; the result is in
    /// input order whatever order the threads finish in. The largest files
    /// are handed out first, so that no thread is left with a big one while
    /// the others have finished.
    static func lint(_ work: [(Input, Linter)], jobs: Int) -> [FileReport] {
        // One stat per file: the size orders the queue and refuses files
        // over the limit before they are read.
        let sizes = work.map { $0.0.isStandardInput ? nil : FileSystem.size(of: $0.0.path) }
        let order = work.indices.sorted { a, b in
            let (sizeA, sizeB) = (sizes[a] ?? 0, sizes[b] ?? 0)
            return sizeA != sizeB ? sizeA > sizeB : a < b
        }
        return Parallel.map(work.count, threads: jobs, order: order) { index in
            lint(work[index].0, size: sizes[index], with: work[index].1)
        }
    }

    private static func lint(_ input: Input, size: Int?, with linter: Linter) -> FileReport {
        if let size, size > linter.options.maxFileSize {
            return linter.oversized(file: input.displayName, size: size)
        }
        let bytes = input.isStandardInput ? FileSystem.readStandardInput() : FileSystem.read(input.path)
        switch bytes {
        case .success(let bytes): return linter.lint(bytes, file: input.displayName, explicit: input.explicit)
        case .failure(let failure): return linter.unreadable(file: input.displayName, reason: failure.reason)
        }
    }

    /// `--select a,b --select c` → [a, b, c].
    private func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces } }.filter { !$0.isEmpty }
    }
}
