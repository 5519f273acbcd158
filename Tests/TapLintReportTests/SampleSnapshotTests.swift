import Testing
import TapLintCore
import TapLintReport
import TapLintRules

/// Every template under `samples/` has its expected JSON report under
/// `samples/expected/`, the whole-template snapshots of the style guide.
@Suite struct SampleSnapshotTests {
    static let samples = Repository.files(under: "samples", extensions: ["yaml", "yml", "json"])
        .filter { !$0.hasPrefix("samples/expected/") && !$0.hasPrefix("samples/changes/") && !$0.hasPrefix("samples/repository/")
            && !DeploymentSampleTests.isDeploymentInput($0) }

    /// Snapshots are judged at a fixed day, so that runtime deprecations do
    /// not change them as the calendar moves (the CLI test passes the same
    /// day with --as-of).
    static let asOf = "2026-12-03"
    static let linter = Linter(options: LintOptions(asOf: asOf, sourceFiles: RepositoryFiles()))

    static func snapshotPath(_ sample: String) -> String {
        let relative = sample.dropFirst("samples/".count)
        let stem = relative.split(separator: ".").dropLast().joined(separator: ".")
        return "samples/expected/\(stem).json"
    }

    @Test(arguments: samples)
    func reportMatchesSnapshot(_ sample: String) throws {
        let text = try #require(Repository.read(sample))
        let report = Self.linter.lint(Array(text.utf8), file: sample)
        let json = JSONReporter().render(RunResult(reports: [report], seconds: 0))
        let snapshot = Self.snapshotPath(sample)
        if Repository.recording { try Repository.write(json, to: snapshot) }
        #expect(Repository.read(snapshot) == json, "\(snapshot) differs: review, then TAPLINT_RECORD=1 swift test")
    }

    @Test func goodSamplesHaveNoFindings() throws {
        for sample in Self.samples where sample.hasPrefix("samples/good/") {
            let text = try #require(Repository.read(sample))
            let findings = Self.linter.lint(Array(text.utf8), file: sample).findings
            #expect(findings.isEmpty, "\(sample): \(findings.map { "\($0.rule) \($0.message)" })")
        }
    }

    /// Templates laid out as AWS's starters lay them out: what a new user
    /// lints first must pass the default gate (no warning, no error).
    @Test func startersPassTheDefaultGate() throws {
        let starters = Self.samples.filter { $0.hasPrefix("samples/starters/") }
        #expect(!starters.isEmpty)
        for sample in starters {
            let text = try #require(Repository.read(sample))
            let failing = Self.linter.lint(Array(text.utf8), file: sample).findings.filter { $0.severity >= .warning }
            #expect(failing.isEmpty, "\(sample): \(failing.map { "\($0.rule) \($0.message)" })")
        }
    }

    @Test func badSamplesHaveFindings() throws {
        for sample in Self.samples where sample.hasPrefix("samples/bad/") {
            let text = try #require(Repository.read(sample))
            #expect(!Self.linter.lint(Array(text.utf8), file: sample).findings.isEmpty, "\(sample)")
        }
    }

    @Test func everySnapshotHasItsSample() {
        let expected = Set(Self.samples.map(Self.snapshotPath) + DeploymentSampleTests.valueFiles.map(DeploymentSampleTests.snapshotPath)
            + DeploymentSampleTests.commandSnapshots)
        for snapshot in Repository.files(under: "samples/expected", extensions: ["json"]) {
            #expect(expected.contains(snapshot), "\(snapshot) has no sample")
        }
    }
}
