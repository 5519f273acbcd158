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
}
