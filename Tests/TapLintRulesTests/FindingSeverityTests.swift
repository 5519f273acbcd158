import Testing
import TapLintCore
import TapLintRules

/// Rules whose severity depends on the finding: the rule examples check
/// where findings are, these check how much each one matters.
@Suite struct FindingSeverityTests {
    static func findings(_ text: String, rule: String) -> [(line: Int, severity: Severity)] {
        Linter().lint(Array(text.utf8), file: "t.yaml").findings.filter { $0.rule == rule }
            .map { ($0.range.start.line, $0.severity) }
    }

    @Test func aTypeCloseToAKnownOneIsAnErrorAndANewOneAWarning() {
        let found = Self.findings("""
            Resources:
              Image:
                Type: AWS::Lambda::MicrovmImage
              Table:
                Type: AWS::DynamoDB::Tabel
            """, rule: "SCH001")
        #expect(found.map(\.line) == [3, 5])
        #expect(found.map(\.severity) == [.warning, .error])
    }

    @Test func anAPIKeyMakesAnOpenMethodAWarningEvenWhenItWrites() {
        let found = Self.findings("""
            Resources:
              Keyed:
                Type: AWS::ApiGateway::Method
                Properties: {RestApiId: api, ResourceId: r, HttpMethod: POST, ApiKeyRequired: true, AuthorizationType: NONE}
              Open:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: api
                  ResourceId: r
                  HttpMethod: POST
                  AuthorizationType: NONE
                  Integration: {Type: AWS, IntegrationHttpMethod: POST, Uri: "arn:aws:apigateway:us-east-1:dynamodb:action/PutItem"}
            """, rule: "SEC001")
        #expect(found.map(\.severity) == [.warning, .error])
    }

    @Test func aRetiredServiceIsGradedByItsStatus() {
        let found = Self.findings("""
            Resources:
              Ledger:
                Type: AWS::QLDB::Ledger
                Properties: {PermissionsMode: STANDARD}
              Mesh:
                Type: AWS::AppMesh::Mesh
              Config:
                Type: AWS::AutoScaling::LaunchConfiguration
                Properties: {ImageId: ami-12345678, InstanceType: t3.micro}
            """, rule: "DEP003")
        #expect(found.map(\.severity) == [.error, .warning, .info])
    }

    /// A parameter's value is judged only where it can reach: inside an
    /// `Fn::If` branch, only the values its condition lets through.
    @Test func aBranchJudgesOnlyTheValuesItsConditionLetsThrough() {
        func template(_ condition: String) -> String {
            """
            Parameters:
              Throughput:
                Type: Number
                Default: 0
            Conditions:
              Provisioned: \(condition)
            Resources:
              FileSystem:
                Type: AWS::EFS::FileSystem
                Properties:
                  ThroughputMode: provisioned
                  ProvisionedThroughputInMibps: !If [Provisioned, !Ref Throughput, !Ref AWS::NoValue]
            """
        }
        // Taken only when Throughput is not 0: the default never reaches the branch.
        #expect(Self.findings(template("!Not [!Equals [!Ref Throughput, 0]]"), rule: "SCH010").isEmpty)
        // Taken when Throughput is 0: the default does.
        #expect(Self.findings(template("!Equals [!Ref Throughput, 0]"), rule: "SCH010").map(\.severity) == [.warning])
        // A condition about something else decides nothing about the value.
        #expect(Self.findings(template("!Equals [!Ref AWS::Region, us-east-1]"), rule: "SCH010").map(\.severity) == [.warning])
    }
}
