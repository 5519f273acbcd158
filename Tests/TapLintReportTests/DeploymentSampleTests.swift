import Testing
import TapLintCore
import TapLintReport
import TapLintRules

/// `samples/deployments/` holds a template and the parameter files of its
/// deployments (the CLI's, CodePipeline's, a Git sync deployment file);
/// each deployment's report is a snapshot under
/// `samples/expected/deployments/`, named for the template and the file.
@Suite struct DeploymentSampleTests {
    static let folder = "samples/deployments/"
    static let template = folder + "template.yml"
    static let valueFiles = Repository.files(under: "samples/deployments", extensions: ["json", "yml"]).filter(isValues)
    /// Reports of whole runs, written by the CLI's tests: a bare `taplint
    /// check` over this folder's `.taplint.yml` deployments
    /// (DeploymentConfigurationTests), and samples/repository read as one
    /// folder (RepositoryTests).
    static let commandSnapshots = ["samples/expected/deployments/all.json", "samples/expected/repository.json"]

    /// True for a file beside the template that is not itself a sample
    /// template: parameter files, configurations, the change case.
    static func isDeploymentInput(_ path: String) -> Bool {
        path.hasPrefix(folder) && path != template
    }

    /// True for a deployment's parameter file, which is no template.
    static func isValues(_ path: String) -> Bool {
        let name = path.dropFirst(folder.count)
        return isDeploymentInput(path) && !name.contains("/") && !name.hasPrefix(".")
    }

    /// The file's values; a deployment file must name the sample's template.
    static func values(_ file: String) throws -> ParameterValues {
        let bytes = Array(try #require(Repository.read(file)).utf8)
        guard file.hasSuffix(".deploy.yml") else { return try ParameterValues.read(bytes, file: file) }
        let (named, values) = try ParameterValues.readDeployment(bytes, file: file)
        #expect(named == template)
        return values
    }

    /// Where a parameter file's report is kept.
    static func snapshotPath(_ file: String) -> String {
        let name = file.dropFirst(folder.count).split(separator: ".").first ?? ""
        return "samples/expected/deployments/template.\(name).json"
    }

    @Test(arguments: valueFiles)
    func reportMatchesSnapshot(_ file: String) throws {
        let values = try Self.values(file)
        let linter = Linter(options: LintOptions(asOf: SampleSnapshotTests.asOf, sourceFiles: RepositoryFiles(), parameterValues: values))
        let report = linter.lint(Array(try #require(Repository.read(Self.template)).utf8), file: Self.template)
        let json = JSONReporter().render(RunResult(reports: [report], seconds: 0))
        let snapshot = Self.snapshotPath(file)
        if Repository.recording { try Repository.write(json, to: snapshot) }
        #expect(Repository.read(snapshot) == json, "\(snapshot) differs: review, then TAPLINT_RECORD=1 swift test")
    }

    /// The dev and pipeline files fit the template; prod breaks it in
    /// every way a deployment can, staging by one value.
    @Test func prodAndStagingAreRejected() throws {
        #expect(Set(Self.valueFiles) == Set(["dev.json", "pipeline.json", "prod.json", "staging.deploy.yml"].map { Self.folder + $0 }))
        for file in Self.valueFiles {
            let values = try Self.values(file)
            let linter = Linter(options: LintOptions(asOf: SampleSnapshotTests.asOf, sourceFiles: RepositoryFiles(), parameterValues: values))
            let findings = linter.lint(Array(try #require(Repository.read(Self.template)).utf8), file: Self.template).findings
                .filter { $0.severity == .error }
            let expected = file.hasSuffix("prod.json") ? ["DEP006", "DEP006", "DEP006", "DEP006", "SCH010"]
                : file.hasSuffix("staging.deploy.yml") ? ["DEP006"] : []
            #expect(findings.map(\.rule).sorted() == expected,
                    "\(file): \(findings.map(\.message))")
        }
    }
}
