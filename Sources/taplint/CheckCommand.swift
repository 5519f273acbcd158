import ArgumentParser
import Dispatch
import Synchronization
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
        case text, json
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info, never

        var threshold: Severity? { Severity(rawValue: rawValue) }
    }

    @Argument(help: "Template files, directories to search, or - for standard input.")
    var paths: [String] = ["."]

    @Option(help: "Report format.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1.")
    var failOn: FailOn = .warning

    @Option(help: ArgumentHelp("Only these rules: ids, names or categories, comma-separated.", valueName: "rules"))
    var select: [String] = []

    @Option(help: ArgumentHelp("Leave out these rules: ids, names or categories, comma-separated.", valueName: "rules"))
    var ignore: [String] = []

    @Option(help: "Files checked at once (default: one per core).")
    var jobs: Int?

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Refuse files larger than this many bytes.", valueName: "bytes"))
    var maxFileSize: Int = LintOptions.defaultMaxFileSize

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxFileSize < 1 { throw ValidationError("--max-file-size must be at least 1") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let selection = RuleSelection(select: split(select), ignore: split(ignore))
        if let unknown = selection.unknownEntry() {
            throw CommandError("unknown rule or category '\(unknown)' (see taplint rules)")
        }
        let linter = Linter(options: LintOptions(selection: selection, maxFileSize: maxFileSize))
        let inputs = try Inputs.collect(paths)
        let reports = Self.lint(inputs, with: linter, jobs: jobs ?? System.coreCount)
        let elapsed = clock.now - started
        let result = RunResult(reports: reports, seconds: Double(elapsed.components.seconds)
            + Double(elapsed.components.attoseconds) / 1e18)

        let colour = format == .text && output == nil && FileSystem.isTerminal(1)
            && (FileSystem.environment("NO_COLOR") ?? "").isEmpty
        let reporter: any Reporter = switch format {
        case .text: TextReporter(colour: colour)
        case .json: JSONReporter()
        }
        let text = reporter.render(result)
        if let output {
            do { try FileSystem.writeAtomically(text, to: output) } catch { throw CommandError(error.reason) }
        } else {
            FileSystem.writeStandardOutput(text)
        }
        if let threshold = failOn.threshold, result.findings.contains(where: { $0.severity >= threshold }) {
            throw ExitCode(1)
        }
    }

    /// Lints every input, several at once; the result is in input order
    /// whatever order the threads finish in.
    static func lint(_ inputs: [Input], with linter: Linter, jobs: Int) -> [FileReport] {
        let results = Mutex([FileReport?](repeating: nil, count: inputs.count))
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(inputs.count, 1))) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < inputs.count else { return }
                let report = lint(inputs[index], with: linter)
                results.withLock { $0[index] = report }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }

    private static func lint(_ input: Input, with linter: Linter) -> FileReport {
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
