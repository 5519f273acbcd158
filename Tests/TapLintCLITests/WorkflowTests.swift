import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Configuration, suppressions, baselines and the CI formats, as users meet them.
@Suite struct WorkflowTests {
    static let undefined = CheckCommandTests.broken

    @Test func configurationIsFoundFromTheTemplateUpwards() throws {
        let dir = try CLI.directory([
            ".taplint.yml": "rules:\n  ignore: [REF001]\n",
            "stacks/app/t.yaml": Self.undefined,
            "elsewhere/t.yaml": Self.undefined,
            "elsewhere/.taplint.yml": "fail-on: never\n",
        ])
        let run = try CLI.run(["check", "stacks/app/t.yaml"], in: dir)
        #expect(run.status == 0 && !run.stdout.contains("REF001"), "\(run.stdout)")
        let other = try CLI.run(["check", "elsewhere/t.yaml"], in: dir)
        #expect(other.status == 0 && other.stdout.contains("REF001"), "nearest file wins; fail-on never")
        let flag = try CLI.run(["check", "--fail-on", "error", "elsewhere/t.yaml"], in: dir)
        #expect(flag.status == 1, "the command line overrides the file")
    }

    /// Files under different configurations in one run: each keeps its own
    /// show and fail-on levels, and the summary names the gate for what it is.
    @Test func eachFileKeepsItsOwnLevelsInOneRun() throws {
        let template = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Nope\n"
        let dir = try CLI.directory(["quiet/.taplint.yml": "fail-on: never\nshow: error\n",
                                     "quiet/t.yaml": template, "loud/t.yaml": template])
        let both = try CLI.run(["check", "quiet/t.yaml", "loud/t.yaml"], in: dir)
        #expect(both.status == 1, "loud/t.yaml fails at the default fail-on warning")
        #expect(both.stdout.contains("loud/t.yaml:2:3: warning VER001") && !both.stdout.contains("quiet/t.yaml:2:3: warning"),
                "quiet/t.yaml shows errors only: \(both.stdout)")
        #expect(both.stdout.contains("2 fail the gate at each file's fail-on\n"), "\(both.stdout)")
        #expect(try CLI.run(["check", "quiet/t.yaml"], in: dir).status == 0, "quiet/t.yaml alone never fails")
        let flagged = try CLI.run(["check", "--fail-on", "error", "--show", "warning", "quiet/t.yaml", "loud/t.yaml"], in: dir)
        #expect(flagged.stdout.contains("quiet/t.yaml:2:3: warning VER001"), "the flags override both files")
        #expect(flagged.stdout.contains("2 fail the gate at --fail-on error\n"), "\(flagged.stdout)")
    }

    @Test func explicitConfigAppliesEverywhere() throws {
        let dir = try CLI.directory(["strict.yml": "rules:\n  severity: {REF001: warning}\nfail-on: error\n",
                                     "t.yaml": Self.undefined])
        let run = try CLI.run(["check", "--config", "strict.yml", "--format", "json", "t.yaml"], in: dir)
        #expect(run.status == 0, "REF001 lowered to a warning, below fail-on error")
        #expect(run.stdout.contains("\"severity\": \"warning\""))
    }

    @Test(arguments: [
        ("rulez:\n  ignore: []\n", "strict.yml:1:1: unknown key 'rulez' in the top level; expected one of fail-on, show, rules, tagging, paths"),
        ("rules:\n  ignore: [REF999]\n", "strict.yml:2:12: unknown rule 'REF999' in rules.ignore"),
        ("rules:\n  ignore: REF001\n", "strict.yml:2:11: rules.ignore must be a list"),
        ("fail-on: sometimes\n", "strict.yml:1:10: fail-on must be one of error, warning, info, never, not 'sometimes'"),
        ("tagging:\n  required: [Environment]\n", "strict.yml:2:13: tagging.required must be a mapping"),
        ("rules:\n  severity: {REF001: loud}\n", "strict.yml:2:22: severity must be error, warning or info, not 'loud'"),
        ("rules: [\n", "strict.yml:2:1: "),
    ])
    func badConfigurationStopsWithItsLocation(_ text: String, _ message: String) throws {
        let dir = try CLI.directory(["strict.yml": text, "t.yaml": Self.undefined])
        let run = try CLI.run(["check", "--config", "strict.yml", "t.yaml"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("taplint: " + message), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func excludedPathsAreNotWalked() throws {
        let dir = try CLI.directory([".taplint.yml": "paths:\n  exclude: [\"out/**\", \"**/generated-*.yaml\"]\n",
                                     "build/out/x/t.yaml": Self.undefined, "gen/generated-1.yaml": Self.undefined,
                                     "out/t.yaml": Self.undefined, "real.yaml": Self.undefined])
        let run = try CLI.run(["check", "."], in: dir)
        #expect(run.stdout.contains("real.yaml:4:16") && run.stdout.contains("build/out/x/t.yaml"), "anchored at the file's folder")
        #expect(!run.stdout.contains("generated-1") && !run.stdout.contains("\nout/t.yaml"), "\(run.stdout)")
    }

    /// pre-commit names every changed file; `--force-exclude` (which the
    /// hook passes) applies `paths.exclude` to named files as well.
    @Test func forceExcludeAppliesExcludesToNamedFiles() throws {
        let dir = try CLI.directory([".taplint.yml": "paths:\n  exclude: [\"gen/**\"]\n",
                                     "gen/t.yaml": Self.undefined, "real.yaml": Self.undefined])
        let named = try CLI.run(["check", "gen/t.yaml", "real.yaml"], in: dir)
        #expect(named.stdout.contains("gen/t.yaml:"), "a named file is checked without the flag")
        let forced = try CLI.run(["check", "--force-exclude", "gen/t.yaml", "real.yaml"], in: dir)
        #expect(!forced.stdout.contains("gen/t.yaml") && forced.stdout.contains("real.yaml:4:16"), "\(forced.stdout)")
        let only = try CLI.run(["check", "--force-exclude", "gen/t.yaml"], in: dir)
        #expect(only.status == 0 && only.stdout.hasPrefix("no findings in 0 files"), "\(only.stdout)")
    }

    @Test func showCanBeConfigured() throws {
        let dir = try CLI.directory([".taplint.yml": "show: info\n", "t.yaml": """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                DependsOn: Topic
                Properties:
                  RedrivePolicy: {deadLetterTargetArn: !GetAtt Topic.TopicArn}
              Topic:
                Type: AWS::SNS::Topic
            """])
        let run = try CLI.run(["check", "t.yaml"], in: dir)
        #expect(run.stdout.contains("info BP001"), "\(run.stdout)")
        let flag = try CLI.run(["check", "--show", "warning", "t.yaml"], in: dir)
        #expect(!flag.stdout.contains("info BP001") && flag.stdout.contains("1 info not shown: --show info"), "\(flag.stdout)")
    }

    /// With no `tagging.required`, the template's own habit is the policy;
    /// with one, exactly what it says.
    @Test func requiredTagsAreLearnedUnlessConfigured() throws {
        let tagged = (1...3).map { "  Topic\($0):\n    Type: AWS::SNS::Topic\n    Properties:\n      Tags: [{Key: Team, Value: a}]\n" }
        let template = "Resources:\n" + tagged.joined() + "  Queue:\n    Type: AWS::SQS::Queue\n"
        let dir = try CLI.directory(["t.yaml": template, "untagged.yaml": "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n",
                                     "strict.yml": "tagging:\n  required: {Owner: ~}\n"])
        let learned = try CLI.run(["check", "--select", "tagging", "t.yaml", "untagged.yaml"], in: dir)
        #expect(learned.stdout.contains("t.yaml:14:3: warning TAG001 missing-required-tag\n"
            + "  Queue carries no tag Team (3 of 4 taggable resources carry Team)"), "\(learned.stdout)")
        #expect(!learned.stdout.contains("untagged.yaml"), "an untagged template draws no tagging finding")
        let configured = try CLI.run(["check", "--select", "tagging", "--config", "strict.yml", "--format", "json",
                                      "t.yaml", "untagged.yaml"], in: dir)
        let findings = (try CLI.json(configured.stdout)["findings"] as? [[String: Any]]) ?? []
        #expect(findings.count == 5, "every resource lacks Owner")
        #expect(findings.allSatisfy { ($0["message"] as? String)?.hasSuffix("(required by tagging.required)") == true })
    }

    @Test func anUnknownRuleOnTheCommandLineSuggestsTheClosest() throws {
        let run = try CLI.run(["check", "--ignore", "IAM099", "samples/TapStack.yml"])
        #expect(run.status == 2)
        #expect(run.stderr == "taplint: unknown rule or category 'IAM099'; did you mean 'IAM009'? (see taplint rules)\n")
    }

    @Test func suppressionsSilenceAndAreAccountedFor() throws {
        let dir = try CLI.directory(["t.yaml": """
        Resources:
          Queue:
            Type: AWS::SQS::Queue
            DependsOn: Nowhere   # taplint: ignore REF001 -- created by the platform stack, reviewed 2026-11
          Topic:
            Type: AWS::SNS::Topic
            Metadata:
              taplint:
                ignore:
                  - rule: circular-dependency
                    reason: kept from an old review
            DependsOn: Elsewhere
        """])
        let run = try CLI.run(["check", "--format", "json", "--fail-on", "info", "--select", "reference,best-practice", "t.yaml"], in: dir)
        let findings = (try CLI.json(run.stdout)["findings"] as? [[String: Any]]) ?? []
        #expect(findings.map { $0["rule"] as? String } == ["BP002", "REF001"], "\(run.stdout)")
        #expect(findings.first?["line"] as? Int == 10)
    }

    @Test func baselineReportsOnlyNewFindingsWhateverTheLines() throws {
        let dir = try CLI.directory(["t.yaml": Self.undefined])
        let first = try CLI.run(["check", "--format", "json", "--output", "baseline.json", "t.yaml"], in: dir)
        #expect(first.status == 1)
        let moved = "Description: edited above the finding\n" + Self.undefined + "  Topic:\n    Type: AWS::SNS::Topic\n    DependsOn: Gone\n"
        try moved.write(to: dir.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["check", "--baseline", "baseline.json", "--format", "json", "--select", "reference", "t.yaml"], in: dir)
        let findings = (try CLI.json(run.stdout)["findings"] as? [[String: Any]]) ?? []
        #expect(findings.count == 1)
        #expect(findings.first?["resource"] as? String == "Topic")
        #expect(run.status == 1)
        let broken = try CLI.run(["check", "--baseline", "t.yaml", "t.yaml"], in: dir)
        #expect(broken.status == 2 && broken.stderr.contains("not a taplint JSON report"))
    }

    @Test func skipNonTemplatesIsForPreCommit() throws {
        let dir = try CLI.directory(["values.yaml": "replicas: 3\n", "t.yaml": Self.undefined])
        let run = try CLI.run(["check", "--skip-non-templates", "values.yaml", "t.yaml"], in: dir)
        #expect(run.status == 1)
        #expect(!run.stdout.contains("SYN005") && run.stdout.contains("1 skipped"))
    }

    @Test func sarifHasRulesResultsAndLogicalLocations() throws {
        let run = try CLI.run(["check", "--format", "sarif", "--select", "reference", "samples/bad/undefined-references.yaml"])
        let sarif = try CLI.json(run.stdout)
        #expect(sarif["version"] as? String == "2.1.0")
        let runs = sarif["runs"] as? [[String: Any]] ?? []
        let driver = (runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        let rules = driver?["rules"] as? [[String: Any]] ?? []
        #expect(rules.contains { $0["id"] as? String == "REF001" && ($0["helpUri"] as? String)?.hasSuffix("rules/REF001.md") == true })
        let results = runs.first?["results"] as? [[String: Any]] ?? []
        #expect(results.count == 5)
        let location = (results.first?["locations"] as? [[String: Any]])?.first
        let logical = (location?["logicalLocations"] as? [[String: Any]])?.first?["fullyQualifiedName"] as? String
        #expect(logical == "Resources/Table/Condition")
        let region = (location?["physicalLocation"] as? [String: Any])?["region"] as? [String: Int]
        #expect(region?["startLine"] == 10 && region?["startColumn"] == 16)
    }

    @Test func junitHasOneCasePerTemplateAndOneFailurePerFinding() throws {
        let run = try CLI.run(["check", "--format", "junit", "--select", "reference", "samples/bad/undefined-references.yaml",
                               "samples/good/conditions.json"])
        let document = try XMLDocument(xmlString: run.stdout)
        let cases = try document.nodes(forXPath: "//testcase")
        #expect(cases.count == 2)
        #expect(try document.nodes(forXPath: "//testcase[@name='samples/bad/undefined-references.yaml']/failure").count == 5)
        #expect(try document.nodes(forXPath: "//testcase[@name='samples/good/conditions.json']/failure").isEmpty)
    }

    @Test func githubAnnotationsEscapeTheirData() throws {
        let run = try CLI.run(["check", "--format", "github", "--select", "reference", "samples/bad/undefined-references.yaml"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("::error file=samples/bad/undefined-references.yaml,line=10,col=16,endLine=10,endColumn=28,title=REF002 undefined-condition::"))
        #expect(lines[0].contains("%0Afix: "))
    }
}
