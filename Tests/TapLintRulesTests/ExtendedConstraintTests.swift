import Testing
import TapLintCore
import TapLintRules

/// SCH013 decides only what the text makes certain, grades open lists of
/// values by how close a miss is, and honours cfn-lint's suppressions.
@Suite struct ExtendedConstraintTests {
    static func findings(_ resources: String, metadata: String = "") -> [(line: Int, severity: Severity, message: String)] {
        let text = metadata + "Resources:\n" + resources.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        return Linter().lint(Array(text.utf8), file: "t.yaml").findings.filter { $0.rule == "SCH013" }
            .map { ($0.range.start.line, $0.severity, $0.message) }
    }

    static let table = """
        Table:
          Type: AWS::DynamoDB::Table
          Properties:
            BillingMode: %@
            AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            KeySchema: [{AttributeName: id, KeyType: HASH}]
            ProvisionedThroughput: %@
        """

    static func table(mode: String, throughput: String) -> String {
        table.replacing("%@", with: mode, maxReplacements: 1).replacing("%@", with: throughput, maxReplacements: 1)
    }

    @Test func whatIsComputedAtDeployTimeDecidesNothing() {
        let capacity = "{ReadCapacityUnits: 5, WriteCapacityUnits: 5}"
        #expect(Self.findings(Self.table(mode: "PAY_PER_REQUEST", throughput: capacity)).map(\.line) == [8])
        #expect(Self.findings(Self.table(mode: "!Ref Mode", throughput: capacity)).isEmpty)
        #expect(Self.findings(Self.table(mode: "'{{resolve:ssm:/mode}}'", throughput: capacity)).isEmpty)
        #expect(Self.findings(Self.table(mode: "PAY_PER_REQUEST", throughput: "!Ref AWS::NoValue")).isEmpty)
        #expect(Self.findings(Self.table(mode: "PAY_PER_REQUEST", throughput: "!If [Big, \(capacity), !Ref AWS::NoValue]")).isEmpty)
    }

    @Test func theMessageSaysWhenAndWhat() throws {
        let found = try #require(Self.findings(Self.table(mode: "PAY_PER_REQUEST", throughput: "{ReadCapacityUnits: 5, WriteCapacityUnits: 5}")).first)
        #expect(found.message.hasPrefix("Table: when BillingMode is PAY_PER_REQUEST, ProvisionedThroughput must not be set"))
        #expect(found.message.contains("cfn-lint E3638"))
        #expect(found.severity == .error)
    }

    @Test func anInstanceTypeNoRegionOffersIsGradedByHowCloseItIs() {
        let instance = "Server:\n  Type: AWS::EC2::Instance\n  Properties:\n    ImageId: ami-0123456789abcdef0\n    InstanceType: %@"
        let typo = Self.findings(instance.replacing("%@", with: "m5.larg"))
        #expect(typo.map(\.severity) == [.error] && typo.first?.message.contains("did you mean 'm5.large'?") == true)
        #expect(Self.findings(instance.replacing("%@", with: "q99.superbig")).map(\.severity) == [.warning])
        #expect(Self.findings(instance.replacing("%@", with: "m5.large")).isEmpty)
    }

    @Test func cfnLintWarningsStayWarningsAndItsSuppressionsApply() {
        let group = """
            Group:
              Type: AWS::EC2::SecurityGroup
              Properties:
                GroupDescription: all traffic
                SecurityGroupIngress:
                  - {IpProtocol: "-1", FromPort: 1, ToPort: 65535, CidrIp: 10.0.0.0/8}
            """
        let found = Self.findings(group)
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message.contains("FromPort and ToPort must not be set") == true)
        let ignored = "Metadata:\n  cfn-lint:\n    config:\n      ignore_checks: [W3687]\n"
        #expect(Self.findings(group, metadata: ignored).isEmpty)
    }

    @Test func aForbiddenCombinationNamesTheValuesAndRDSEnginesIgnoreCase() throws {
        let database = """
            Database:
              Type: AWS::RDS::DBInstance
              Properties:
                DBInstanceClass: db.t3.small
                AllocatedStorage: "5"
                Engine: %@
                EngineVersion: 5.7.44
            """
        for engine in ["mysql", "MySQL"] {
            let found = try #require(Self.findings(database.replacing("%@", with: engine)).first)
            #expect(found.severity == .warning)
            #expect(found.message.contains("when Engine is mysql and EngineVersion is 5.7.44, this is not allowed"))
        }
        #expect(Self.findings(database.replacing("%@", with: "postgres")).isEmpty)
    }

    /// Every protocol and port setting a security group rule may have:
    /// no two findings on one rule give opposite advice (one asks for a
    /// port, another says ports must not be set), and a rule for all
    /// traffic (`IpProtocol: -1`, whose ports EC2 ignores) asks for no port;
    /// with its ports left out or -1 it draws nothing at all.
    @Test func portFindingsNeverContradictEachOther() {
        let protocols = ["-1", "tcp", "udp", "icmp", "58", "50", "6"]
        let ports = [nil, "-1", "0", "80"]
        for ipProtocol in protocols {
            for from in ports {
                for to in ports {
                    var rule = "{IpProtocol: \"\(ipProtocol)\", CidrIp: 10.0.0.0/8"
                    if let from { rule += ", FromPort: \(from)" }
                    if let to { rule += ", ToPort: \(to)" }
                    rule += "}"
                    let found = Self.findings("""
                        Group:
                          Type: AWS::EC2::SecurityGroup
                          Properties:
                            GroupDescription: rules
                            SecurityGroupIngress: [\(rule)]
                        """).map(\.message)
                    let forbids = found.contains { $0.contains("must not be set") }
                    let asks = found.contains { $0.contains("must be set") && !$0.contains("must not be set") }
                    #expect(!(forbids && asks), "\(rule): \(found)")
                    if ipProtocol == "-1" {
                        #expect(!asks, "\(rule): \(found)")
                        if [from, to].allSatisfy({ $0 == nil || $0 == "-1" }) { #expect(found.isEmpty, "\(rule): \(found)") }
                    }
                }
            }
        }
    }
}
