import Foundation
import Testing

@Suite struct CheckCommandTests {
    static let tags = "    Properties:\n      Tags: [{Key: Environment, Value: test}]\n"
    static let template = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n" + tags
    static let broken = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    DependsOn: Nowhere\n" + tags

    @Test func sampleInTextFormat() throws {
        let run = try CLI.run(["check", "samples/TapStack.yml"])
        #expect(run.status == 1, "warnings and errors reach the default --fail-on warning")
        #expect(run.stdout.contains("""
            samples/TapStack.yml:196:7: error SEC001 method-without-authorization
              ApiPostMethod takes POST requests with AuthorizationType NONE; anyone can reach dynamodb:PutItem on ProcessingTable (and 2 more writing actions) through POST /process
              fix: set AuthorizationType to AWS_IAM, COGNITO_USER_POOLS or CUSTOM (with an authorizer)

            """))
        #expect(!run.stdout.contains(" info BP001 "), "info findings are left out by default")
        #expect(!run.stdout.contains(" ARN001 "), "a hard-coded partition is a remark where the template never spells ${AWS::Partition}")
        let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.wholeMatch(of: /2 warnings, 5 errors in 1 file \([0-9]+\.[0-9]{3} s\); 21 info not shown: --show info; 10 fixable with --fix; 7 fail the gate at --fail-on warning/) != nil,
                "\(last)")
        #expect(!run.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test func showChoosesWhatTheTextAndGitHubFormatsPrint() throws {
        let everything = try CLI.run(["check", "--show", "info", "samples/TapStack.yml"])
        #expect(everything.stdout.contains("samples/TapStack.yml:312:9: info BP001 redundant-depends-on [*]\n"))
        let last = everything.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.wholeMatch(of: /2 warnings, 5 errors, 21 info in 1 file \([0-9]+\.[0-9]{3} s\); 10 fixable with --fix; 7 fail the gate at --fail-on warning/) != nil, "\(last)")

        let errors = try CLI.run(["check", "--show", "error", "samples/TapStack.yml"])
        #expect(!errors.stdout.contains(" warning "))
        #expect(errors.stdout.contains("; 2 warnings, 21 info not shown: --show info; 10 fixable with --fix; 7 fail the gate at --fail-on warning\n"))
        #expect(errors.status == 1, "what is not shown still fails the run")

        let github = try CLI.run(["check", "--format", "github", "samples/TapStack.yml"])
        #expect(github.stdout.contains("::warning ") && !github.stdout.contains("::notice "))
        let json = try CLI.run(["check", "--format", "json", "--show", "error", "samples/TapStack.yml"])
        #expect(json.stdout.contains("\"severity\": \"info\""), "json carries every finding")
    }

    @Test func sampleJSONMatchesTheSnapshotByteForByte() throws {
        let first = try CLI.run(["check", "--format", "json", "--as-of", "2026-12-03", "samples/TapStack.yml"])
        let second = try CLI.run(["check", "--format", "json", "--as-of", "2026-12-03", "samples/TapStack.yml"])
        #expect(first.stdout == second.stdout)
        let snapshot = try String(contentsOf: CLI.repository.appendingPathComponent("samples/expected/TapStack.json"), encoding: .utf8)
        #expect(first.stdout == snapshot)
    }

    /// The command line reads a SAM function's code folder from disk, as the
    /// snapshot tests read it from the repository: the misnamed handler in
    /// the sample's src/reports.py is found both ways.
    @Test func samSampleJSONMatchesTheSnapshotThroughTheDisk() throws {
        let run = try CLI.run(["check", "--format", "json", "--as-of", "2026-12-03", "samples/bad/sam-mistakes/template.yaml"])
        let snapshot = try String(contentsOf: CLI.repository.appendingPathComponent("samples/expected/bad/sam-mistakes/template.json"),
                                  encoding: .utf8)
        #expect(run.stdout == snapshot)
        #expect(run.stdout.contains("\"rule\": \"DEP005\""))
    }

    @Test func failOnDecidesTheExitStatus() throws {
        #expect(try CLI.run(["check", "--fail-on", "info", "samples/TapStack.yml"]).status == 1)
        #expect(try CLI.run(["check", "--fail-on", "error", "--ignore", "deployability,security", "samples/TapStack.yml"]).status == 0)
        #expect(try CLI.run(["check", "--fail-on", "never", "samples/bad/cycle.yaml"]).status == 0)
        #expect(try CLI.run(["check", "samples/bad/cycle.yaml"]).status == 1)
        #expect(try CLI.run(["check", "--fail-on", "error", "samples/good/s3-lambda.yaml"]).status == 0)
    }

    @Test(arguments: [
        ["check", "--bogus"], ["check", "--format", "xml", "samples/TapStack.yml"], ["check", "no/such/file.yaml"],
        ["check", "--select", "NOPE001", "samples/TapStack.yml"], ["explain", "NOPE001"], ["graph", "no/such.yaml"],
        ["frobnicate"],
    ])
    func commandErrorsExitTwoWithOneLine(_ arguments: [String]) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("taplint: "))
        #expect(run.stderr.filter { $0 == "\n" }.count == 1, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func selectAndIgnoreTakeIdsNamesAndCategories() throws {
        let all = try CLI.run(["check", "--format", "json", "samples/bad/undefined-references.yaml"])
        #expect(all.stdout.contains("REF001") && all.stdout.contains("REF002"))
        for selection in [["--select", "REF002"], ["--select", "undefined-condition"], ["--ignore", "REF001"]] {
            let run = try CLI.run(["check", "--format", "json"] + selection + ["samples/bad/undefined-references.yaml"])
            #expect(!run.stdout.contains("\"REF001\"") && run.stdout.contains("\"REF002\""), "\(selection)")
        }
        let none = try CLI.run(["check", "--ignore", "reference", "samples/bad/undefined-references.yaml"])
        #expect(!none.stdout.contains(" REF0"))
    }

    @Test func standardInput() throws {
        let run = try CLI.run(["check", "--format", "json", "-"], stdin: Self.broken)
        #expect(run.status == 1)
        let report = try CLI.json(run.stdout)
        let findings = report["findings"] as? [[String: Any]] ?? []
        #expect(findings.first?["file"] as? String == "<stdin>")
        #expect(findings.first?["line"] as? Int == 4)
    }

    /// A folder with no template is no clean result: stderr says so, and
    /// the exit status stays 0 (nothing failed).
    @Test func aFolderWithoutTemplatesSaysSo() throws {
        let dir = try CLI.directory(["chart/values.yaml": "replicas: 3\n", "notes.txt": "nothing here"])
        let run = try CLI.run(["check", "."], in: dir)
        #expect(run.status == 0)
        #expect(run.stderr == "taplint: no CloudFormation template in the paths given (1 file passed over: not templates)\n",
                "\(run.stderr)")
    }

    @Test func aBinaryFilesFindingSaysItIsNoText() throws {
        let dir = try CLI.directory(["template.yaml": "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n"])
        try Data([0x52, 0x65, 0x73, 0x0A, 0x00, 0x01]).write(to: dir.appendingPathComponent("blob.yaml"))
        let run = try CLI.run(["check", "blob.yaml"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("blob.yaml:2:1: error SYN001"), "\(run.stdout)")
        #expect(run.stdout.contains("fix: this is not a text template") && !run.stdout.contains("correct the YAML"))
    }

    @Test func directoryWalkSkipsNonTemplatesAndSaysSo() throws {
        let dir = try CLI.directory([
            "a/queue.yaml": Self.template, "b/broken.yml": Self.broken, "chart/values.yaml": "replicas: 3\n",
            "notes.txt": "Resources: not yaml at all: [", ".hidden/x.yaml": Self.broken, "event.json": "{\"fragment\": {}}",
        ])
        let run = try CLI.run(["check", "."], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.contains("b/broken.yml:4:16: error REF001 undefined-reference"))
        #expect(run.stdout.hasSuffix("; 1 fails the gate at --fail-on warning\n"))
        #expect(run.stdout.contains("1 error in 2 files, 2 skipped (not templates)"), "\(run.stdout)")
        let json = try CLI.json(try CLI.run(["check", "--format", "json", "."], in: dir).stdout)
        let summary = json["summary"] as? [String: Int]
        #expect(summary?["files"] == 2 && summary?["skipped"] == 2)
    }

    @Test func explicitNonTemplateIsAFinding() throws {
        let dir = try CLI.directory(["values.yaml": "replicas: 3\n", "empty.yaml": ""])
        for file in ["values.yaml", "empty.yaml"] {
            let run = try CLI.run(["check", file], in: dir)
            #expect(run.status == 1)
            #expect(run.stdout.contains("\(file):1:1: error SYN005 not-a-template"), "\(run.stdout)")
        }
    }

    @Test func unreadableFileInDirectoryIsAFinding() throws {
        let dir = try CLI.directory(["good.yaml": Self.template])
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("gone.yaml").path,
                                                   withDestinationPath: "/nonexistent/template.yaml")
        let run = try CLI.run(["check", "."], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.contains("gone.yaml:1:1: error SYN007 unreadable-file"), "\(run.stdout)")
        #expect(run.stdout.contains("in 2 files"))
    }

    @Test func outputIsWrittenWholeAndNothingElse() throws {
        let dir = try CLI.directory(["t.yaml": Self.broken])
        let run = try CLI.run(["check", "--format", "json", "--output", "report.json", "t.yaml"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let written = try String(contentsOf: dir.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(written == (try CLI.run(["check", "--format", "json", "t.yaml"], in: dir)).stdout)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("taplint-") }
        #expect(leftovers.isEmpty)
        let failed = try CLI.run(["check", "--output", "missing-dir/report.json", "t.yaml"], in: dir)
        #expect(failed.status == 2)
    }

    @Test func parallelAndSerialRunsPrintTheSameBytes() throws {
        let corpus = "samples"
        let serial = try CLI.run(["check", "--format", "json", "--jobs", "1", corpus])
        let parallel = try CLI.run(["check", "--format", "json", "--jobs", "4", corpus])
        #expect(serial.stdout == parallel.stdout)
        #expect(serial.status == 1)
        // Under --sanitize=thread a race makes the binary say so on stderr
        // and exit 66.
        #expect(parallel.status == 1 && parallel.stderr.isEmpty, "\(parallel.stderr.prefix(2000))")
    }

    @Test func versionAndHelp() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0 && version.stdout == "0.2.0\n")
        let help = try CLI.run(["check", "--help"])
        #expect(help.status == 0 && help.stdout.contains("--fail-on"))
    }
}

/// The seed's python3.11 functions, judged on either side of AWS's dates.
@Suite struct RuntimeClockTests {
    @Test(arguments: [("2026-05-01", 0, 0), ("2026-07-01", 2, 0), ("2026-12-03", 0, 2)])
    func theSeedsRuntimeIsJudgedAtTheDayGiven(_ day: String, _ warnings: Int, _ errors: Int) throws {
        let run = try CLI.run(["check", "--format", "json", "--select", "DEP004", "--as-of", day, "samples/TapStack.yml"])
        let findings = (try CLI.json(run.stdout)["findings"] as? [[String: Any]]) ?? []
        #expect(findings.filter { $0["severity"] as? String == "warning" }.count == warnings, "\(run.stdout)")
        #expect(findings.filter { $0["severity"] as? String == "error" }.count == errors)
        #expect(findings.allSatisfy { ($0["resource"] as? String).map(["ProcessingFunction", "S3ConfigurationFunction"].contains) == true })
    }

    @Test func aDayThatIsNoDayStopsTheRun() throws {
        let run = try CLI.run(["check", "--as-of", "2026-02-30", "samples/TapStack.yml"])
        #expect(run.status == 2 && run.stderr.contains("--as-of must be a day written YYYY-MM-DD"))
    }
}

/// A template judged with one deployment's parameter values.
@Suite struct DeploymentValuesTests {
    @Test func aParameterFileDecidesWhetherTheDeployFails() throws {
        let dev = try CLI.run(["check", "--as-of", "2026-12-03", "--parameter-file", "samples/deployments/dev.json", "samples/deployments/template.yml"])
        #expect(dev.status == 0, "\(dev.stdout)")
        let prod = try CLI.run(["check", "--as-of", "2026-12-03", "--parameter-file", "samples/deployments/prod.json", "samples/deployments/template.yml"])
        #expect(prod.status == 1)
        #expect(prod.stdout.contains("samples/deployments/prod.json:5:47: error DEP006 parameter-value-invalid\n"))
        #expect(prod.stdout.contains("samples/deployments/template.yml:24:16: error SCH010 invalid-value\n"))
        #expect(!prod.stdout.contains("short-secret"), "a NoEcho value is never printed")
        // --parameters wins over the file: the one bad value fixed.
        let fixed = try CLI.run(["check", "--as-of", "2026-12-03", "--parameter-file", "samples/deployments/prod.json",
                                 "--parameters", "Timeout=60", "samples/deployments/template.yml"])
        #expect(!fixed.stdout.contains(" SCH010 "))
    }

    /// samconfig.toml's environment gives the values and the region.
    @Test func aSAMConfigEnvironmentIsTheDeployment() throws {
        let template = "samples/deployments/template.yml", config = "samples/deployments/samconfig.toml"
        let dev = try CLI.run(["check", "--as-of", "2026-12-03", "--parameter-file", config, template])
        #expect(dev.status == 0, "\(dev.stdout)")
        let prod = try CLI.run(["check", "--as-of", "2026-12-03", "--parameter-file", config, "--config-env", "prod", template])
        #expect(prod.status == 1 && prod.stdout.contains(
            "Worker.Timeout: the parameter Timeout's value in samples/deployments/samconfig.toml: 1200 is out of range"))
        // Its region is cn-north-1: a hard-coded arn:aws: would be an error there.
        let folder = try CLI.directory(["t.yml": """
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  KmsMasterKeyId: arn:aws:kms:us-east-1:123456789012:key/abc
            """, "samconfig.toml": "[default.deploy.parameters]\nregion = \"cn-north-1\"\n"])
        let china = try CLI.run(["check", "--parameter-file", "samconfig.toml", "t.yml"], in: folder)
        #expect(china.stdout.contains("error ARN001 hard-coded-partition"), "\(china.stdout)")
        let missing = try CLI.run(["check", "--parameter-file", config, "--config-env", "stage", template])
        #expect(missing.status == 2 && missing.stderr.contains("no [stage.deploy.parameters] section"))
    }

    /// A Git sync deployment file names its template: it alone is enough.
    @Test func aDeploymentFileChecksTheTemplateItNames() throws {
        let run = try CLI.run(["check", "--as-of", "2026-12-03", "--deployment-file", "samples/deployments/staging.deploy.yml"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("samples/deployments/staging.deploy.yml:5:8: error DEP006 parameter-value-invalid\n"
            + "  parameter Env's value in samples/deployments/staging.deploy.yml: 'staging' is not one of its AllowedValues (dev, prod)\n"))
        let withPaths = try CLI.run(["check", "--deployment-file", "samples/deployments/staging.deploy.yml", "samples"])
        #expect(withPaths.status == 2 && withPaths.stderr == "taplint: --deployment-file names its template: give no paths\n")
        let both = try CLI.run(["check", "--deployment-file", "samples/deployments/staging.deploy.yml",
                                "--parameter-file", "samples/deployments/dev.json"])
        #expect(both.status == 2 && both.stderr.contains("give one"))
    }

    @Test func inputThatIsNoParameterFileStopsTheRunNamingThePlace() throws {
        let folder = try CLI.directory(["bad.json": #"[{"ParameterKey": "Env"}]"#, "template.yml": "Resources: {}\n"])
        let file = try CLI.run(["check", "--parameter-file", "bad.json", "template.yml"], in: folder)
        #expect(file.status == 2 && file.stderr == "taplint: bad.json:1:2: parameter Env has no ParameterValue\n")
        let missing = try CLI.run(["check", "--parameter-file", "absent.json", "template.yml"], in: folder)
        #expect(missing.status == 2 && missing.stderr.hasPrefix("taplint: cannot read parameter file absent.json"))
        let pair = try CLI.run(["check", "--parameters", "Env", "template.yml"], in: folder)
        #expect(pair.status == 2 && pair.stderr == "taplint: --parameters: 'Env' is not Key=Value\n")
    }
}
