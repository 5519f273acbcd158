import ArgumentParser
import TapLintCore
import TapLintReport
import TapLintRules

/// `taplint diff OLD NEW`: what deploying NEW over a stack made from OLD
/// would replace or delete.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Report what deploying NEW over a stack made from OLD would replace or delete.",
        discussion: """
        Findings are in the category `change` and carry NEW's positions (OLD's \
        for what NEW no longer has); a suppression in NEW silences one. Against \
        git: taplint check --base REF PATH. \
        Exit status: 0 when no finding reaches --fail-on, 1 when one does, \
        2 when the command itself could not run.
        """
    )

    @Argument(help: "The template as deployed now (- for standard input).")
    var old: String

    @Argument(help: "The template about to be deployed.")
    var new: String

    @OptionGroup var report: ReportOptions

    @OptionGroup(title: "Deployment") var deployment: DeploymentOptions

    func run() throws {
        let started = ContinuousClock().now
        let commandLine = try report.selection()
        // NEW is the template; a deployment file gives only its values here.
        let deployed = try deployment.resolve()
        guard new != "-" else { throw CommandError("NEW must be a file; OLD may be - for standard input") }
        for path in [old, new] where path != "-" && FileSystem.kind(of: path) != .file {
            throw CommandError(FileSystem.kind(of: path) == .missing ? "path not found: \(path)" : "not a file: \(path)")
        }
        let input = Input(path: new, explicit: true)
        var configurations = try ConfigurationResolver(explicit: report.config)
        let configuration = try configurations.configuration(for: input)
        // The command line's deployment, else those `.taplint.yml` lists for NEW.
        let listed = configuration.deployments(of: new)
        let deployments: [Deployment?] = deployed.map { [$0] } ?? (listed.isEmpty ? [nil] : listed.map(Optional.some))
        let oldBytes = try Self.read(old)
        let newBytes = try Self.read(new)
        let reports = deployments.map { deployment in
            let linter = report.linter(for: configuration, commandLine: commandLine, threads: System.coreCount,
                                       maxFileSize: LintOptions.defaultMaxFileSize, parameterValues: deployment?.values,
                                       regions: deployment?.regions ?? [])
            var found = linter.lint(newBytes, file: input.displayName, base: Base(bytes: oldBytes, name: old == "-" ? "<stdin>" : old))
            // The change findings, and why a version could not be compared.
            found.findings = found.findings.filter { $0.category == .change || $0.category == .syntax }
            return found
        }
        try report.emit(DeploymentMerge.merge(reports, deployments: deployments.map { $0?.name }),
                        configurations: [(input.displayName, configuration)], since: started,
                        deployments: deployments.compactMap { $0?.name })
    }

    private static func read(_ path: String) throws(CommandError) -> [UInt8] {
        switch path == "-" ? FileSystem.readStandardInput() : FileSystem.read(path) {
        case .success(let bytes): return bytes
        case .failure(let failure): throw CommandError("cannot read \(path): \(failure.reason)")
        }
    }
}
