import Foundation
import Testing

/// Several templates read together: nested stacks followed to their local
/// templates, imports matched with exports (samples/repository).
@Suite struct RepositoryTests {
    static func findings(_ run: CLI.Run) throws -> [[String: Any]] {
        try CLI.json(run.stdout)["findings"] as? [[String: Any]] ?? []
    }

    static func rules(_ findings: [[String: Any]]) -> [String] {
        findings.compactMap { finding in
            guard let rule = finding["rule"] as? String, ["REF008", "REF009", "DEP008", "DEP009", "CYC002"].contains(rule) else { return nil }
            return "\(finding["file"] ?? ""):\(finding["line"] ?? 0) \(rule) \(finding["severity"] ?? "")"
        }
    }

    @Test func theSampleRepositoryShowsWhatOnlyTheOtherTemplatesShow() throws {
        let run = try CLI.run(["check", "--format", "json", "--as-of", "2026-12-03", "samples/repository"])
        #expect(run.status == 1)
        try DeploymentConfigurationTests.expectSnapshot(run.stdout, "samples/expected/repository.json")
        #expect(Self.rules(try Self.findings(run)) == [
            "samples/repository/app.yaml:10 DEP008 error",   // RetentionSeconds not passed
            "samples/repository/app.yaml:12 DEP008 error",   // MaxReceiveCount: many, not a Number
            "samples/repository/app.yaml:14 DEP008 error",   // Extra is not declared
            "samples/repository/app.yaml:26 REF008 warning", // shared-network-SubnetId: SubnetIds is exported
            "samples/repository/app.yaml:30 REF009 error",   // Outputs.QueueUrll
            "samples/repository/billing.yaml:20 CYC002 error",
            "samples/repository/orders.yaml:14 CYC002 error",
        ])
        // The values app.yaml passes flow into queues.yaml's own rules: 50000 is no VisibilityTimeout.
        let flowed = try Self.findings(run).filter { $0["file"] as? String == "samples/repository/queues.yaml" }
        #expect(flowed.map { "\($0["rule"] ?? "") \($0["line"] ?? 0)" } == ["SCH010 25"])
        #expect(flowed.first?["deployments"] as? [String] == ["samples/repository/app.yaml (Queues)"])
        #expect(flowed.first?["nestedIn"] as? [String] == ["samples/repository/app.yaml (Queues)"])
        let text = try CLI.run(["check", "--as-of", "2026-12-03", "samples/repository"]).stdout
        #expect(text.contains("did you mean 'shared-network-SubnetIds' (samples/repository/network.yaml, output SubnetIds)?"))
        #expect(text.contains("samples/repository/queues.yaml has no output QueueUrll; did you mean QueueUrl?"))
    }

    /// One template given alone: its nested stack's template is read (once)
    /// and judged with it; imports meet no export, which is information only.
    @Test func aParentAloneBringsItsChild() throws {
        let run = try CLI.run(["check", "--format", "json", "--as-of", "2026-12-03", "samples/repository/app.yaml"])
        let findings = try Self.findings(run)
        #expect(Set(findings.compactMap { $0["file"] as? String }) == ["samples/repository/app.yaml", "samples/repository/queues.yaml"])
        #expect(try CLI.json(run.stdout)["summary"].flatMap { ($0 as? [String: Any])?["files"] as? Int } == 2)
        #expect(Self.rules(findings).filter { $0.contains("DEP008") || $0.contains("REF009") }.count == 4)
        #expect(findings.filter { $0["rule"] as? String == "REF008" }.allSatisfy { $0["severity"] as? String == "info" })
        // A template with no nested stack, alone, is judged alone: no cross-file finding.
        let alone = try Self.findings(try CLI.run(["check", "--format", "json", "samples/repository/orders.yaml"]))
        #expect(Self.rules(alone).isEmpty)
    }

    @Test func exportsAreUniqueAcrossTemplatesButOneTemplateInTwoFormatsIsOne() throws {
        let export = "Outputs:\n  Id:\n    Value: x\n    Export:\n      Name: shared-id\n"
        let folder = try CLI.directory(["a.yaml": "Resources: {T: {Type: AWS::SNS::Topic}}\n" + export,
                                        "b.yaml": "Resources: {T: {Type: AWS::SNS::Topic}}\n" + export,
                                        "c/a.yaml": "Resources: {T: {Type: AWS::SNS::Topic}}\n",
                                        "d/lambda.yaml": "Resources: {T: {Type: AWS::SNS::Topic}}\nOutputs: {Id: {Value: x, Export: {Name: fn}}}\n",
                                        "d/lambda.json": #"{"Resources": {"T": {"Type": "AWS::SNS::Topic"}}, "Outputs": {"Id": {"Value": "x", "Export": {"Name": "fn"}}}}"#])
        let run = try CLI.run(["check", "--format", "json", "."], in: folder)
        #expect(Self.rules(try Self.findings(run)) == ["a.yaml:6 DEP009 error", "b.yaml:6 DEP009 error"], "\(run.stdout)")
    }

    /// Names built from the stack's name or parameters meet the text an
    /// import gives, and two built names meet when their ends agree.
    @Test func builtNamesMeet() throws {
        let folder = try CLI.directory([
            "net.yaml": "Resources: {V: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}}\n"
                + "Outputs: {Vpc: {Value: !Ref V, Export: {Name: !Sub '${AWS::StackName}-VpcId'}}}\n",
            "app.yaml": "Parameters: {Net: {Type: String}}\nResources:\n  G:\n    Type: AWS::EC2::SecurityGroup\n"
                + "    Properties: {GroupDescription: g, VpcId: !ImportValue {'Fn::Sub': '${Net}-VpcId'}}\n"
                + "  H:\n    Type: AWS::EC2::SecurityGroup\n    Properties: {GroupDescription: h, VpcId: !ImportValue prod-net-VpcId}\n"
                + "  I:\n    Type: AWS::EC2::SecurityGroup\n    Properties: {GroupDescription: i, VpcId: !ImportValue prod-net-VpcID}\n",
        ])
        let findings = try Self.findings(try CLI.run(["check", "--format", "json", "--show", "info", "."], in: folder))
        #expect(Self.rules(findings) == ["app.yaml:11 REF008 warning"], "\(findings)")
    }

    /// The change gate across files, in a scratch repository: renaming an
    /// export another template imports names the importer, in place of
    /// CHG003's warning about some stack somewhere; alone, CHG003 stays.
    @Test func removingAnExportInUseNamesTheImporter() throws {
        let sample = CLI.repository.appendingPathComponent("samples/repository")
        var files: [String: String] = [:]
        for name in ["network.yaml", "app.yaml", "queues.yaml"] {
            files[name] = try String(contentsOf: sample.appendingPathComponent(name), encoding: .utf8)
        }
        let folder = try CLI.directory(files)
        try ChangeGateTests.git(["init", "-q"], in: folder)
        try ChangeGateTests.git(["add", "-A"], in: folder)
        try ChangeGateTests.git(["commit", "-q", "-m", "one"], in: folder)
        try files["network.yaml"]!.replacingOccurrences(of: "Name: shared-network-VpcId", with: "Name: shared-network-Vpc")
            .write(to: folder.appendingPathComponent("network.yaml"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["check", "--base", "HEAD", "--select", "change", "."], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("network.yaml:21:5: error CHG005 export-still-imported\n"
            + "  the export 'shared-network-VpcId' (output VpcId) is gone, and app.yaml:19, app.yaml:23 import it: "
            + "CloudFormation refuses the update while it is in use\n"), "\(run.stdout)")
        #expect(!run.stdout.contains("CHG003"))
        let alone = try CLI.run(["check", "--base", "HEAD", "--select", "change", "network.yaml"], in: folder)
        #expect(alone.stdout.contains("error CHG003 export-removed") && !alone.stdout.contains("CHG005"), "\(alone.stdout)")
    }

    /// `taplint graph DIR`: the stacks, nesting dashed, imports, the loop in red.
    @Test func theGraphOfStacks() throws {
        let json = try CLI.json(try CLI.run(["graph", "--format", "json", "samples/repository"]).stdout)
        #expect(json["loops"] as? [[String]] == [["samples/repository/billing.yaml", "samples/repository/orders.yaml"]])
        let edges = (json["edges"] as? [[String: Any]] ?? []).map { "\($0["from"] ?? "") \($0["kind"] ?? "") \($0["to"] ?? "")" }
        #expect(edges == ["samples/repository/app.yaml nested samples/repository/queues.yaml",
                          "samples/repository/app.yaml import samples/repository/network.yaml",
                          "samples/repository/billing.yaml import samples/repository/orders.yaml",
                          "samples/repository/orders.yaml import samples/repository/billing.yaml"])
        let dot = try CLI.run(["graph", "samples/repository"]).stdout
        #expect(dot.contains("\"samples/repository/app.yaml\" -> \"samples/repository/queues.yaml\" [label=\"Queues\", style=dashed];"))
        #expect(dot.contains("[label=\"billing-InvoiceTopic\", color=red, fontcolor=red, penwidth=2];"))
        let mermaid = try CLI.run(["graph", "--format", "mermaid", "samples/repository"]).stdout
        #expect(mermaid.hasPrefix("graph LR\n") && mermaid.contains("linkStyle 2,3 stroke:red"))
    }

    /// A nested stack's template names the chain of parents on its own findings.
    @Test func aNestedTemplatesFindingsNameTheirParents() throws {
        let folder = try CLI.directory([
            "root.yaml": "Resources:\n  App:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: app/app.yaml\n",
            "app/app.yaml": "Resources:\n  Queues:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./queues.yaml\n",
            "app/queues.yaml": "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 100000\n",
        ])
        let run = try CLI.run(["check", "--format", "json", "root.yaml"], in: folder)
        let findings = try Self.findings(run).filter { $0["file"] as? String == "app/queues.yaml" }
        #expect(!findings.isEmpty, "\(run.stdout)")
        #expect(findings.allSatisfy { $0["nestedIn"] as? [String] == ["app/app.yaml (Queues) < root.yaml (App)"] })
        let text = try CLI.run(["check", "root.yaml"], in: folder).stdout
        #expect(text.contains("  nested in app/app.yaml (Queues) < root.yaml (App)\n"), "\(text)")
    }

    /// Parameters chosen by `Fn::If` are judged branch by branch, each
    /// finding naming the way the conditions go.
    @Test func parametersUnderConditionsAreJudgedPerBranch() throws {
        let folder = try CLI.directory([
            "parent.yaml": """
                Conditions:
                  East: !Equals [!Ref "AWS::Region", us-east-1]
                Resources:
                  Child:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: child.yaml
                      Parameters: !If [East, {Name: a}, {Nmae: b}]
                """,
            "child.yaml": "Parameters:\n  Name:\n    Type: String\nResources:\n  T:\n    Type: AWS::SNS::Topic\n",
        ])
        let text = try CLI.run(["check", "--select", "DEP008", "parent.yaml"], in: folder).stdout
        #expect(text.contains("Child passes Nmae when East is false, which child.yaml does not declare: the nested stack fails "
            + "to create; did you mean Name?"), "\(text)")
        #expect(text.contains("Child does not pass Name when East is false"))
        #expect(!text.contains("when East is true"))
    }

    /// cfn-lint's E3043 is the oracle for nested stacks' parameters: on its
    /// own test templates (in the shared corpus), the same count of findings.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: CLI.repository.appendingPathComponent("../shared/corpus").path),
                   "needs the shared corpus checked out beside the repository (../shared/corpus)"),
          .enabled(if: (try? CLI.run(["-c", "import cfnlint"], python: true).status) == 0, "needs cfn-lint (pip install cfn-lint)"))
    func nestedParametersAgreeWithCfnLint() throws {
        for kind in ["bad", "good"] {
            for name in ["stacks.yaml", "sam_stacks.yaml"] {
                let file = "../shared/corpus/cfn-lint/\(kind)/resources/cloudformation/\(name)"
                let oracle = try CLI.run(["-c", "import sys; from cfnlint.runner import main; sys.argv[0] = 'cfn-lint'; main()",
                                          "--format", "parseable", file], python: true).stdout
                let expected = oracle.split(separator: "\n").filter { $0.contains(":E3043:") }.count
                let ours = try Self.findings(try CLI.run(["check", "--format", "json", "--select", "DEP008", file]))
                #expect(ours.count == expected, "\(file): cfn-lint \(expected), taplint \(ours.count)")
            }
        }
    }

    /// With --base, a parent given alone brings its child's earlier version
    /// too: a replacement inside the nested stack is reported at the
    /// child's line and names the parent.
    @Test func aReplacementInsideANestedStackNamesItsParent() throws {
        let table = "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n"
            + "      KeySchema: [{AttributeName: id, KeyType: HASH}]\n      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]\n"
        let folder = try CLI.directory([
            "parent.yaml": "Resources:\n  Q:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./child.yaml\n",
            "child.yaml": table,
        ])
        try ChangeGateTests.git(["init", "-q"], in: folder)
        try ChangeGateTests.git(["add", "-A"], in: folder)
        try ChangeGateTests.git(["commit", "-q", "-m", "one"], in: folder)
        try table.replacingOccurrences(of: "AttributeName: id", with: "AttributeName: pk")
            .write(to: folder.appendingPathComponent("child.yaml"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["check", "--base", "HEAD", "--select", "change", "parent.yaml"], in: folder)
        #expect(run.stdout.hasPrefix("child.yaml:6:7: error CHG001 resource-replaced\n"), "\(run.stdout)")
        #expect(run.stdout.contains("  nested in parent.yaml (Q)\n"))
    }

    /// A template's own suppressions silence what the run adds to it, and
    /// one that names a cross-file rule is not called unused by the lint
    /// of its file alone.
    @Test func suppressionsReachCrossFileFindings() throws {
        let folder = try CLI.directory([
            "net.yaml": "Resources: {V: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}}\n"
                + "Outputs: {Vpc: {Value: !Ref V, Export: {Name: net-VpcId}}}\n",
            "app.yaml": "Resources:\n  G:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: g\n"
                + "      VpcId: !ImportValue net-VpcID  # taplint: ignore REF008 -- the legacy network's name, on purpose\n",
        ])
        let run = try CLI.run(["check", "--show", "info", "."], in: folder)
        #expect(!run.stdout.contains("REF008") && !run.stdout.contains("BP") && run.status == 0, "\(run.stdout)")
        let alone = try CLI.run(["check", "--show", "info", "app.yaml"], in: folder)
        #expect(!alone.stdout.contains("suppresses no finding"), "\(alone.stdout)")
    }

    /// A template nested in itself, directly or through another, is CYC003
    /// at each nested stack that closes the loop.
    @Test func nestingLoopsAreReported() throws {
        let stack = { (name: String, url: String) in
            "Resources:\n  \(name):\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: \(url)\n"
        }
        let folder = try CLI.directory(["a.yaml": stack("Me", "./a.yaml"), "b.yaml": stack("B", "c.yaml"),
                                        "c.yaml": stack("C", "b.yaml"), "d.yaml": stack("D", "b.yaml")])
        let findings = try Self.findings(try CLI.run(["check", "--format", "json", "--select", "CYC003", "."], in: folder))
        #expect(findings.map { "\($0["file"] ?? "") \($0["resource"] ?? "")" } == ["a.yaml Me", "b.yaml B", "c.yaml C"])
        #expect((findings.first?["message"] as? String)?.hasPrefix("Me is made from itself") == true)
    }
}
