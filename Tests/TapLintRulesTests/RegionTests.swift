import Testing
import TapLintCore
import TapLintRules

/// The regions a stack is deployed to: the types each offers (DEP007), the
/// partition its ARNs must name (ARN001), and conditions decided for them.
@Suite struct RegionTests {
    static let template = """
        Conditions:
          InUsEast1: !Equals [!Ref "AWS::Region", us-east-1]
        Resources:
          Profile:
            Type: AWS::Bedrock::ApplicationInferenceProfile
            Properties:
              InferenceProfileName: p
              ModelSource:
                CopyFrom: !Sub "arn:aws:bedrock:${AWS::Region}::foundation-model/x"
          Guarded:
            Type: AWS::Bedrock::ApplicationInferenceProfile
            Condition: InUsEast1
            Properties:
              InferenceProfileName: q
              ModelSource:
                CopyFrom: !Sub "arn:${AWS::Partition}:bedrock:${AWS::Region}::foundation-model/x"
        """

    static func findings(_ regions: [String]) -> [Finding] {
        let options = LintOptions(asOf: "2026-12-03", regions: regions.compactMap(Region.init))
        return Linter(options: options).lint(Array(template.utf8), file: "t.yaml").findings
    }

    @Test func regionsKnowTheirPartitionAndTypes() throws {
        #expect(Region("mars-1") == nil)
        #expect(Region.all.count > 30 && Region.all.contains("us-east-1"))
        let partitions = ["us-east-1": "aws", "cn-north-1": "aws-cn", "us-gov-west-1": "aws-us-gov", "us-isob-east-1": "aws-iso-b",
                          "us-iso-east-1": "aws-iso", "eusc-de-east-1": "aws-eusc"]
        for (name, partition) in partitions { #expect(try #require(Region(name)).partition == partition) }
        let south = try #require(Region("ap-south-2")), east = try #require(Region("us-east-1"))
        #expect(!south.offers("AWS::Bedrock::ApplicationInferenceProfile") && east.offers("AWS::Bedrock::ApplicationInferenceProfile"))
        #expect(south.offers("AWS::S3::Bucket") && south.offers("AWS::Serverless::Function") && south.offers("Custom::Thing"))
    }

    @Test func aTypeMissingInARegionIsAnErrorWhereTheResourceExists() {
        let found = Self.findings(["ap-south-2", "us-east-1"]).filter { $0.rule == "DEP007" }
        #expect(found.map(\.message) == ["AWS::Bedrock::ApplicationInferenceProfile is not offered in ap-south-2: the deploy there fails"])
        #expect(found.first?.range.start == SourcePosition(line: 5, column: 11), "on Profile's Type; Guarded exists only in us-east-1")
        #expect(Self.findings(["us-east-1"]).allSatisfy { $0.rule != "DEP007" })
        #expect(Self.findings([]).allSatisfy { $0.rule != "DEP007" })
    }

    @Test func anotherPartitionsRegionMakesAHardCodedPartitionAnError() {
        let china = Self.findings(["cn-north-1"]).filter { $0.rule == "ARN001" }
        #expect(china.map(\.message) == ["ARN in Profile.ModelSource.CopyFrom hard-codes partition 'aws', but the deployment goes to cn-north-1 (partition aws-cn)"])
        #expect(china.first?.severity == .error)
        let home = Self.findings(["us-east-1"]).filter { $0.rule == "ARN001" }
        #expect(home.map(\.severity) == [.warning], "as without regions: the template spells ${AWS::Partition} elsewhere")
    }

    /// Under a deployment every condition is constant; BP009 is for the template.
    @Test func conditionsAreDecidedForTheDeployment() throws {
        #expect(Self.findings(["cn-north-1"]).allSatisfy { $0.rule != "BP009" })
        let root = try #require(YAMLParser.parse(Array(Self.template.utf8)).root)
        let parsed = try #require(Template(root: root))
        let china = ConditionModel(parsed, deployed: ["AWS::Region": ["cn-north-1"]])
        #expect(china.solve(.condition("InUsEast1", true)) == .never)
        let both = ConditionModel(parsed, deployed: ["AWS::Region": ["cn-north-1", "us-east-1"]])
        #expect(both.solve(.condition("InUsEast1", true)) != .never)
    }

    /// A mapping read with the region or a given value as its key.
    @Test func aMappingKeyTheDeploymentNeedsIsLookedUp() {
        let template = """
            Parameters:
              Env: {Type: String, Default: dev}
            Mappings:
              RegionMap:
                us-east-1: {LogBucket: logs-use1}
                eu-west-1: {LogBucket: logs-euw1}
              EnvMap:
                dev: {Size: "1"}
                prod: {Size: "3"}
            Conditions:
              InUsEast1: !Equals [!Ref "AWS::Region", us-east-1]
            Resources:
              Trail:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !FindInMap [RegionMap, !Ref "AWS::Region", LogBucket]
                  DisplayName: !FindInMap [EnvMap, !Ref Env, Size]
              OnlyEast:
                Type: AWS::SNS::Topic
                Condition: InUsEast1
                Properties:
                  TopicName: !FindInMap [RegionMap, !Ref "AWS::Region", Other]
            """
        func messages(_ regions: [String], env: String?) -> [String] {
            let values = env.map { ParameterValues(source: "--parameters", values: [.init(name: "Env", value: $0)]) }
            let options = LintOptions(asOf: "2026-12-03", parameterValues: values, regions: regions.compactMap(Region.init))
            return Linter(options: options).lint(Array(template.utf8), file: "t.yaml").findings.filter { $0.rule == "REF007" }.map(\.message)
        }
        #expect(messages(["ap-south-2", "us-east-1"], env: "staging") == [
            "Fn::FindInMap: RegionMap has no key ap-south-2 (AWS::Region): the deploy to ap-south-2 fails",
            "Fn::FindInMap: EnvMap has no key staging (Env in --parameters): the deploy fails",
            "Fn::FindInMap: RegionMap.us-east-1 has no key Other: the deploy to us-east-1 fails",
        ])
        #expect(messages(["eu-west-1"], env: "prod").isEmpty, "OnlyEast does not exist in eu-west-1")
        #expect(messages([], env: nil).isEmpty, "without a deployment the keys are not known")
    }
}
