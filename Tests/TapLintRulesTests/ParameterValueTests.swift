import Testing
import TapLintCore
import TapLintRules

/// A deployment's parameter values: read from the files the AWS tools
/// write, checked as CloudFormation checks them (DEP006), and flowing into
/// the properties that take them (SCH010, definitely).
@Suite struct ParameterValueTests {
    static let template = """
        Parameters:
          Env:
            Type: String
            AllowedValues: [dev, prod]
          Size:
            Type: Number
            Default: 30
            MaxValue: 900
          Zones:
            Type: List<Number>
            Default: "1,2"
          Vpc:
            Type: AWS::EC2::VPC::Id
            Default: vpc-0a1b2c3d
          Secret:
            Type: String
            NoEcho: true
            MinLength: 12
        Resources:
          Worker:
            Type: AWS::Lambda::Function
            Properties:
              Runtime: python3.12
              Handler: index.handler
              Timeout: !Ref Size
              Role: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${Env}-${Secret}-${Vpc}"
              Code:
                ZipFile: "def handler(event, context): pass"
              Tags:
                - Key: zones
                  Value: !Join [",", !Ref Zones]
        """

    static func findings(_ values: [String: String], rule: String = "DEP006") -> [Finding] {
        let given = ParameterValues(source: "--parameters", values: values.sorted { $0.key < $1.key }.map { .init(name: $0.key, value: $0.value) })
        return Linter(options: LintOptions(asOf: "2026-12-03", parameterValues: given)).lint(Array(template.utf8), file: "t.yaml")
            .findings.filter { $0.rule == rule }
    }

    @Test func valuesThatFitDrawNothing() {
        #expect(Self.findings(["Env": "prod", "Size": "60", "Zones": "3, 4", "Vpc": "vpc-12ab", "Secret": "long enough secret"]).isEmpty)
    }

    @Test func withoutValuesTheRuleIsSilent() {
        let findings = Linter(options: LintOptions(asOf: "2026-12-03")).lint(Array(Self.template.utf8), file: "t.yaml").findings
        #expect(!findings.contains { $0.rule == "DEP006" })
    }

    @Test func eachWayAValueIsRejected() {
        let base = ["Env": "prod", "Secret": "long enough secret"]
        let cases: [([String: String], String)] = [
            (["Env": "staging"], "parameter Env's value in --parameters: 'staging' is not one of its AllowedValues (dev, prod)"),
            (["Size": "thirty"], "parameter Size's value in --parameters: 'thirty' is not a number, as Type Number requires"),
            (["Size": "1000"], "parameter Size's value in --parameters: 1000 is above its MaxValue 900"),
            (["Zones": "1,b"], "parameter Zones's value in --parameters: 'b' is not a number, as Type Number requires"),
            (["Vpc": "vpc-xyz"], "parameter Vpc's value in --parameters: 'vpc-xyz' is not a AWS::EC2::VPC::Id (vpc- and hexadecimal digits)"),
            (["Stage": "blue"], "--parameters gives a value for Stage, which the template does not declare: CloudFormation rejects the stack"),
        ]
        for (change, message) in cases {
            let found = Self.findings(base.merging(change) { $1 })
            #expect(found.map(\.message) == [message])
            #expect(found.allSatisfy { $0.severity == .error })
        }
    }

    @Test func aRequiredParameterWithoutAValueIsNamedAtItsDeclaration() {
        let found = Self.findings(["Secret": "long enough secret"])
        #expect(found.map(\.message) == ["parameter Env has no Default and --parameters gives it no value: CloudFormation rejects the stack"])
        #expect(found.first?.range.start == SourcePosition(line: 2, column: 3))
    }

    @Test func aNoEchoValueIsNeverPrinted() {
        let found = Self.findings(["Env": "dev", "Secret": "hunter2"])
        #expect(found.count == 1)
        #expect(found.allSatisfy { !$0.message.contains("hunter2") && $0.message.contains("NoEcho") })
    }

    /// A value that reaches a property is judged there with the schema's
    /// constraint, as an error: it is what this deployment sends.
    @Test func aGivenValueFlowsIntoTheProperty() {
        let found = Self.findings(["Env": "dev", "Secret": "long enough secret", "Size": "950"], rule: "SCH010")
        #expect(found.map(\.message) == ["Worker.Timeout: the parameter Size's value in --parameters: 950 is out of range; the schema allows at least 1 and at most 900"])
        #expect(found.first?.severity == .error)
        #expect(Self.findings(["Env": "dev", "Secret": "long enough secret", "Size": "60"], rule: "SCH010").isEmpty)
    }

    @Test func filesInTheCLIAndCodePipelineFormsAreRead() throws {
        let list = try ParameterValues.read(Array("""
            [
              {"ParameterKey": "Env", "ParameterValue": "dev"},
              {"ParameterKey": "Old", "UsePreviousValue": true},
              {"ParameterKey": "Size", "ParameterValue": 60}
            ]
            """.utf8), file: "dev.json")
        #expect(list.values.map { "\($0.name)=\($0.value)" } == ["Env=dev", "Size=60"])
        #expect(list["Env"]?.range?.start == SourcePosition(line: 2, column: 45))
        let pipeline = try ParameterValues.read(Array(#"{"Parameters": {"Env": "prod"}, "Tags": {"team": "a"}}"#.utf8), file: "p.json")
        #expect(pipeline.values.map { "\($0.name)=\($0.value)" } == ["Env=prod"])
    }

    @Test func aDeploymentFileGivesItsTemplateAndValues() throws {
        let (template, values) = try ParameterValues.readDeployment(Array("""
            template-file-path: stacks/app.yml
            parameters:
              Env: prod
            tags:
              team: a
            """.utf8), file: "deploy.yml")
        #expect(template == "stacks/app.yml")
        #expect(values.values.map { "\($0.name)=\($0.value)" } == ["Env=prod"])
        #expect(values["Env"]?.range?.start == SourcePosition(line: 3, column: 8))
        let cases: [(String, String)] = [
            ("parameters: {}\n", "deploy.yml:1:1: template-file-path must name the template this file deploys"),
            ("template-file-path: a.yml\nparameters: [Env]\n", "deploy.yml:2:13: parameters must be an object of names and values"),
            ("- a\n", "deploy.yml:1:1: expected a Git sync deployment file: an object with template-file-path"),
        ]
        for (text, message) in cases {
            do {
                _ = try ParameterValues.readDeployment(Array(text.utf8), file: "deploy.yml")
                Issue.record("\(text) was read")
            } catch {
                #expect(error.message == message)
            }
        }
    }

    @Test func aFileThatIsNoParameterFileSaysWhereAndWhy() {
        let cases: [(String, String)] = [
            (#"[{"ParameterKey": "Env"}]"#, "bad.json:1:2: parameter Env has no ParameterValue"),
            (#"{"Env": "dev"}"#, #"bad.json:1:1: expected the CLI's list of {"ParameterKey", "ParameterValue"} or a CodePipeline configuration with "Parameters""#),
            (#"{"Parameters": ["Env"]}"#, "bad.json:1:16: Parameters must be an object of names and values"),
            ("[1, 2", "bad.json:2:1: did not find expected"),
            ("", "bad.json:1:1: the file is empty: expected parameter values"),
        ]
        for (text, message) in cases {
            #expect(throws: ParameterFileError.self) { try ParameterValues.read(Array(text.utf8), file: "bad.json") }
            do {
                _ = try ParameterValues.read(Array(text.utf8), file: "bad.json")
            } catch {
                #expect(error.message.hasPrefix(message), "\(error.message)")
            }
        }
    }

    /// With the values known, a conditional reference is reported only
    /// when this deployment leaves the resource out.
    @Test func conditionsAreDecidedWithTheValues() {
        let template = """
            Parameters:
              Env: {Type: String, AllowedValues: [dev, prod], Default: dev}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Condition: IsProd
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !GetAtt Topic.TopicName
            """
        func rules(_ env: String?) -> [String] {
            let values = env.map { ParameterValues(source: "--parameters", values: [.init(name: "Env", value: $0)]) }
            return Linter(options: LintOptions(asOf: "2026-12-03", parameterValues: values)).lint(Array(template.utf8), file: "t.yaml")
                .findings.map(\.rule).filter { $0 == "REF006" }
        }
        #expect(rules(nil) == ["REF006"])
        #expect(rules("dev") == ["REF006"])
        #expect(rules("prod") == [])
    }

    /// samconfig.toml as `sam deploy --guided` writes it, both forms of
    /// parameter_overrides, `deploy` over `global`.
    @Test func aSAMConfigGivesAnEnvironmentsValuesAndRegion() throws {
        let text = """
            version = 0.1
            [default.global.parameters]
            region = "eu-west-1"
            parameter_overrides = "Env=\\"dev\\" Name='a b' Size=3"  # a comment
            [default.deploy.parameters]
            parameter_overrides = "Size=4"
            [prod.deploy.parameters]
            region = "us-east-1"
            parameter_overrides = [
                "Env=prod",
                "Size=9",
            ]
            """
        let dev = try SAMConfig.read(Array(text.utf8), file: "samconfig.toml", environment: "default")
        #expect(dev.values.values.map { "\($0.name)=\($0.value)" } == ["Env=dev", "Name=a b", "Size=4"])
        #expect(dev.region == "eu-west-1")
        #expect(dev.values["Env"]?.range?.start.line == 4)
        let prod = try SAMConfig.read(Array(text.utf8), file: "samconfig.toml", environment: "prod")
        #expect(prod.values.values.map { "\($0.name)=\($0.value)" } == ["Env=prod", "Size=9"])
        #expect(prod.region == "us-east-1")
        do {
            _ = try SAMConfig.read(Array(text.utf8), file: "samconfig.toml", environment: "stage")
            Issue.record("an environment the file lacks was read")
        } catch {
            #expect(error.message == "samconfig.toml:1:1: no [stage.deploy.parameters] section: name the environment with --config-env")
        }
        do {
            _ = try SAMConfig.read(Array("[default.deploy.parameters]\nparameter_overrides = \"Env\"\n".utf8), file: "s.toml", environment: "default")
            Issue.record("a pair without = was read")
        } catch {
            #expect(error.message == "s.toml:2:23: parameter_overrides: 'Env' is not Key=Value")
        }
        do {
            _ = try SAMConfig.read(Array("[default.deploy.parameters]\nregion = \"us-east-1\n".utf8), file: "s.toml", environment: "default")
            Issue.record("an unterminated string was read")
        } catch {
            #expect(error.message == "s.toml:2:10: a value taplint cannot read: \"us-east-1")
        }
    }

    /// Stack tags reach every resource that takes tags: a required tag the
    /// deployment gives the stack is no finding.
    @Test func stackTagsCountForTheTaggingPolicy() throws {
        let template = """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  Tags: [{Key: team, Value: a}]
            """
        func missing(_ file: String?) throws -> [String] {
            let values = try file.map { try ParameterValues.read(Array($0.utf8), file: "pipeline.json") }
            let options = LintOptions(requiredTags: [RequiredTag(key: "team", value: nil), RequiredTag(key: "cost-center", value: nil)],
                                      asOf: "2026-12-03", parameterValues: values)
            return Linter(options: options).lint(Array(template.utf8), file: "t.yaml").findings.filter { $0.rule == "TAG001" }.map(\.message)
        }
        #expect(try missing(nil).count == 3)
        #expect(try missing(#"{"Parameters": {}, "Tags": {"cost-center": "42"}}"#) == ["Queue carries no tag team (required by tagging.required)"])
        let (_, deployed) = try ParameterValues.readDeployment(Array("template-file-path: t.yaml\ntags: {team: a}\n".utf8), file: "d.yml")
        #expect(deployed.stackTags == ["team": "a"])
        let config = try SAMConfig.read(Array("[default.deploy.parameters]\ntags = \"team=\\\"a\\\" cost-center=42\"\n".utf8),
                                        file: "samconfig.toml", environment: "default")
        #expect(config.values.stackTags == ["team": "a", "cost-center": "42"])
    }

    /// A stack tag whose value the policy does not allow is one finding, at
    /// the tag in the file, naming what it reaches; a resource's own tag
    /// is judged by itself.
    @Test func aStackTagWithTheWrongValueIsReportedWhereItIsWritten() throws {
        let template = """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  Tags: [{Key: env, Value: prod}]
            """
        func findings(_ file: String) throws -> [Finding] {
            let values = try ParameterValues.read(Array(file.utf8), file: "pipeline.json")
            let options = LintOptions(requiredTags: [RequiredTag(key: "env", value: "prod")], asOf: "2026-12-03", parameterValues: values)
            return Linter(options: options).lint(Array(template.utf8), file: "t.yaml").findings.filter { $0.rule == "TAG001" }
        }
        let wrong = try findings(#"{"Parameters": {}, "Tags": {"env": "dev"}}"#)
        #expect(wrong.map(\.message) == ["the stack tag env is 'dev' in pipeline.json, not 'prod' (required by tagging.required): "
            + "CloudFormation gives it to Queue"])
        #expect(wrong.first?.file == "pipeline.json" && wrong.first?.range.start == SourcePosition(line: 1, column: 36))
        #expect(try findings(#"{"Parameters": {}, "Tags": {"env": "prod"}}"#).isEmpty)
        let config = try SAMConfig.read(Array("[default.deploy.parameters]\ntags = \"env=dev\"\n".utf8),
                                        file: "samconfig.toml", environment: "default")
        #expect(config.values.stackTagPlaces["env"] == SourcePosition(line: 2, column: 8))
    }
}
