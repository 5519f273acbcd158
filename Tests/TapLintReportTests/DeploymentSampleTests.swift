import Testing
import TapLintCore
import TapLintReport
import TapLintRules

/// `samples/deployments/` holds a template and the parameter files of its
/// deployments; each deployment's report is a snapshot under
/// `samples/expected/deployments/`, named for the template and the file.
@Suite struct DeploymentSampleTests {
    static let folder = "samples/deployments/"
    static let template = folder + "template.yml"
    static let valueFiles = Repository.files(under: "samples/deployments", extensions: ["json"])

    /// True for a deployment's parameter file, which is no template.
    static func isValues(_ path: String) -> Bool {
        path.hasPrefix(folder) && path.hasSuffix(".json")
    }

    /// Where a parameter file's report is kept.
    static func snapshotPath(_ file: String) -> String {
        "samples/expected/deployments/template.\(file.dropFirst(folder.count).dropLast(".json".count)).json"
    }

    @Test(arguments: valueFiles)
    func reportMatchesSnapshot(_ file: String) throws {
        let values = try ParameterValues.read(Array(try #require(Repository.read(file)).utf8), file: file)
        let linter = Linter(options: LintOptions(asOf: SampleSnapshotTests.asOf, sourceFiles: RepositoryFiles(), parameterValues: values))
        let report = linter.lint(Array(try #require(Repository.read(Self.template)).utf8), file: Self.template)
        let json = JSONReporter().render(RunResult(reports: [report], seconds: 0))
        let snapshot = Self.snapshotPath(file)
        if Repository.recording { try Repository.write(json, to: snapshot) }
        #expect(Repository.read(snapshot) == json, "\(snapshot) differs: review, then TAPLINT_RECORD=1 swift test")
    }

    /// The dev and pipeline files fit the template; prod breaks it in
    /// every way a deployment can, and the stack would be rejected.
    @Test func onlyProdIsRejected() throws {
        #expect(Set(Self.valueFiles) == [Self.folder + "dev.json", Self.folder + "pipeline.json", Self.folder + "prod.json"])
        for file in Self.valueFiles {
            let values = try ParameterValues.read(Array(try #require(Repository.read(file)).utf8), file: file)
            let linter = Linter(options: LintOptions(asOf: SampleSnapshotTests.asOf, sourceFiles: RepositoryFiles(), parameterValues: values))
            let findings = linter.lint(Array(try #require(Repository.read(Self.template)).utf8), file: Self.template).findings
                .filter { $0.severity == .error }
            #expect(findings.map(\.rule).sorted() == (file.hasSuffix("prod.json") ? ["DEP006", "DEP006", "DEP006", "DEP006", "SCH010"] : []),
                    "\(file): \(findings.map(\.message))")
        }
    }
}
