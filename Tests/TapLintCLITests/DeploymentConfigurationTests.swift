import Foundation
import Testing

/// `deployments:` in `.taplint.yml`: a bare `taplint check` lints each
/// template once per deployment, and every finding names the deployments
/// it holds for, once however many share it.
@Suite struct DeploymentConfigurationTests {
    static let folder = CLI.repository.appendingPathComponent("samples/deployments")

    /// Compares a run's output with a committed report; TAPLINT_RECORD=1 writes it.
    static func expectSnapshot(_ text: String, _ relative: String) throws {
        let url = CLI.repository.appendingPathComponent(relative)
        if ProcessInfo.processInfo.environment["TAPLINT_RECORD"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect((try? String(contentsOf: url, encoding: .utf8)) == text, "\(relative) differs: review, then TAPLINT_RECORD=1 swift test")
    }

    @Test func aBareCheckLintsEveryDeployment() throws {
        let json = try CLI.run(["check", "--format", "json", "--as-of", "2026-12-03"], in: Self.folder)
        #expect(json.status == 1 && json.stderr.isEmpty, "\(json.stderr)")
        try Self.expectSnapshot(json.stdout, "samples/expected/deployments/all.json")
        let report = try CLI.json(json.stdout)
        let summary = report["summary"] as? [String: Any]
        #expect(summary?["deployments"] as? [String] == ["dev", "pipeline", "prod", "staging", "sam-prod"])
        #expect(summary?["files"] as? Int == 1, "one template, however many deployments")
        let findings = report["findings"] as? [[String: Any]] ?? []
        // What holds everywhere is reported once; what one file breaks, for that one.
        let shared = findings.filter { $0["rule"] as? String == "DEP002" }
        #expect(shared.count == 1 && shared.first?["deployments"] as? [String] == ["dev", "pipeline", "prod", "staging", "sam-prod"])
        let timeouts = findings.filter { $0["rule"] as? String == "SCH010" }.compactMap { $0["deployments"] as? [String] }
        #expect(timeouts == [["prod"], ["sam-prod"]])
        #expect(findings.allSatisfy { ($0["deployments"] as? [String])?.isEmpty == false })

        let text = try CLI.run(["check", "--as-of", "2026-12-03", "--show", "info"], in: Self.folder)
        #expect(text.stdout.contains("template.yml:21:7: info DEP002 fixed-name-replacement\n"
            + "  Worker has a fixed FunctionName; an update that replaces it will fail\n"
            + "  in deployments dev, pipeline, prod, staging, sam-prod\n"), "\(text.stdout)")
        #expect(text.stdout.contains("staging.deploy.yml:5:8: error DEP006 parameter-value-invalid\n"
            + "  parameter Env's value in staging.deploy.yml: 'staging' is not one of its AllowedValues (dev, prod)\n"
            + "  in deployment staging\n"))
        let sarif = try CLI.json(try CLI.run(["check", "--format", "sarif", "--as-of", "2026-12-03"], in: Self.folder).stdout)
        let results = (sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
        #expect(results.contains { ($0["properties"] as? [String: Any])?["deployments"] as? [String] == ["staging"] })
    }

    /// The command line's deployment replaces the configuration's.
    @Test func theCommandLinesDeploymentWins() throws {
        let run = try CLI.run(["check", "--format", "json", "--as-of", "2026-12-03", "--parameter-file", "dev.json", "template.yml"],
                              in: Self.folder)
        #expect(run.status == 0, "\(run.stdout)")
        let report = try CLI.json(run.stdout)
        #expect((report["summary"] as? [String: Any])?["deployments"] as? [String] == ["dev"])
    }

    /// Without deployment inputs nothing changes: no field, no line.
    @Test func withoutDeploymentsTheReportHasNoDeploymentField() throws {
        let run = try CLI.run(["check", "--format", "json", "--as-of", "2026-12-03", "samples/TapStack.yml"])
        #expect(!run.stdout.contains("\"deployments\""))
        let text = try CLI.run(["check", "--as-of", "2026-12-03", "samples/TapStack.yml"])
        #expect(!text.stdout.contains("in deployment"))
    }

    /// The change gate with each deployment's values: a replacement that
    /// happens only in one says which, and a name written another way that
    /// gives the same text in both is no replacement at all.
    @Test func aReplacementNamesTheDeploymentItHappensIn() throws {
        let folder = CLI.repository.appendingPathComponent("samples/changes/per-deployment")
        let run = try CLI.run(["diff", "--format", "json", "old.yaml", "new.yaml"], in: folder)
        #expect(run.status == 1)
        try Self.expectSnapshot(run.stdout, "samples/changes/per-deployment/deployments.json")
        let findings = try CLI.json(run.stdout)["findings"] as? [[String: Any]] ?? []
        #expect(findings.compactMap { $0["deployments"] as? [String] } == [["dev"], ["prod"]])
        #expect(findings.allSatisfy { $0["severity"] as? String == "error" })
        // Judged for every value, the renamed bucket is a warning: its value might change.
        let plain = try CLI.run(["diff", "--config", "/dev/null", "old.yaml", "new.yaml"], in: folder)
        #expect(plain.stdout.contains("BucketName of Archive (AWS::S3::Bucket) is computed at deploy time"), "\(plain.stdout)")
        #expect(!plain.stdout.contains("in deployment"))
        // One deployment on the command line: only its replacement.
        let dev = try CLI.run(["diff", "--parameters", "Env=dev", "old.yaml", "new.yaml"], in: folder)
        #expect(dev.stdout.contains("changing TableName replaces Orders") && !dev.stdout.contains("Analytics"), "\(dev.stdout)")
        #expect(dev.stdout.contains("  in deployment command-line\n"))
    }

    /// check --base reads the configuration's deployments as check does.
    @Test func theGateAgainstGitNamesTheDeploymentToo() throws {
        let folder = try CLI.directory([
            "t.yaml": try String(contentsOf: CLI.repository.appendingPathComponent("samples/changes/per-deployment/old.yaml"), encoding: .utf8),
            ".taplint.yml": "deployments:\n  - {name: dev, template: t.yaml, parameters: {Env: dev}}\n"
                + "  - {name: prod, template: t.yaml, parameters: {Env: prod}}\n",
        ])
        try ChangeGateTests.git(["init", "-q"], in: folder)
        try ChangeGateTests.git(["add", "-A"], in: folder)
        try ChangeGateTests.git(["commit", "-q", "-m", "old"], in: folder)
        try String(contentsOf: CLI.repository.appendingPathComponent("samples/changes/per-deployment/new.yaml"), encoding: .utf8)
            .write(to: folder.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["check", "--base", "HEAD", "--select", "change", "t.yaml"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.contains("changing TableName replaces Orders (AWS::DynamoDB::Table): CloudFormation creates a new one "
            + "and deletes the old; the data the old one holds is deleted with it\n  in deployment dev\n"), "\(run.stdout)")
        #expect(run.stdout.contains("changing KeySchema replaces Analytics") && run.stdout.contains("  in deployment prod\n"))
    }

    /// A configuration's deployment that cannot be read stops the run at its place.
    @Test(arguments: [
        ("deployments:\n  - {template: t.yml}\n", ".taplint.yml:2:5: a deployment needs a name"),
        ("deployments:\n  - {name: a}\n", ".taplint.yml:2:5: deployment 'a' needs a template, or a deployment-file that names one"),
        ("deployments:\n  - {name: a, template: t.yml}\n  - {name: a, template: t.yml}\n", ".taplint.yml:3:5: deployment 'a' is listed twice"),
        ("deployments:\n  - {name: a, template: t.yml, stage: x}\n", ".taplint.yml:2:32: unknown key 'stage' in a deployment"),
        ("deployments:\n  - {name: a, template: t.yml, parameter-file: none.json}\n", ".taplint.yml:2:5: cannot read parameter file none.json"),
        ("deployments:\n  - {name: a, template: t.yml, regions: [mars-1]}\n", ".taplint.yml:2:5: 'mars-1' is not a region taplint knows"),
        ("deployments:\n  - {name: a, template: t.yml, parameter-file: bad.json}\n", "bad.json:1:2: parameter Env has no ParameterValue"),
    ])
    func aBadDeploymentStopsTheRunNamingThePlace(_ configuration: String, _ message: String) throws {
        let folder = try CLI.directory([".taplint.yml": configuration, "t.yml": "Resources: {}\n",
                                        "bad.json": #"[{"ParameterKey": "Env"}]"#])
        let run = try CLI.run(["check", "t.yml"], in: folder)
        // A discovered configuration is named by its full path.
        #expect(run.status == 2 && run.stderr.hasPrefix("taplint: ") && run.stderr.contains(message), "\(run.stderr)")
    }
}
