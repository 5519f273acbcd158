import Testing
import TapLintCore
import TapLintRules

/// SEC001 graded by what an open endpoint reaches: the function behind it
/// and what its role may do, or the action of a service integration.
@Suite struct EndpointReachTests {
    static func findings(_ text: String) -> [(Severity, String)] {
        Linter().lint(Array(text.utf8), file: "t.yaml").findings.filter { $0.rule == "SEC001" }.map { ($0.severity, $0.message) }
    }

    static func function(_ verb: String, policies: String) -> String {
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Orders:
            Type: AWS::Serverless::SimpleTable
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.13
              Handler: index.handler
              InlineCode: "def handler(e, c): pass"
        \(policies.isEmpty ? "" : "      Policies:\n" + policies.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n"))
              Events:
                Call:
                  Type: Api
                  Properties: {Path: /orders, Method: \(verb)}
        """
    }

    @Test func aWritingMethodIntoAWritingFunctionIsAnError() {
        let found = Self.findings(Self.function("post", policies: "- DynamoDBCrudPolicy: {TableName: !Ref Orders}"))
        #expect(found.map(\.0) == [.error])
        #expect(found.first?.1.contains("anyone can reach dynamodb:") == true)
        #expect(found.first?.1.contains("on Orders") == true && found.first?.1.contains("through POST /orders") == true)
    }

    @Test func aReadingMethodIntoAWritingFunctionIsAWarning() {
        #expect(Self.findings(Self.function("get", policies: "- DynamoDBCrudPolicy: {TableName: !Ref Orders}")).map(\.0) == [.warning])
    }

    @Test func whatOnlyReadsOrLogsIsInformation() {
        // The hello world: SAM's role writes only logs.
        #expect(Self.findings(Self.function("get", policies: "")).map(\.0) == [.info])
        // A public POST into a function that can only read (a model's inference, a login) is no error.
        let reads = Self.findings(Self.function("post", policies: "- DynamoDBReadPolicy: {TableName: !Ref Orders}"))
        #expect(reads.map(\.0) == [.info])
        #expect(reads.first?.1.contains("reaches only reads and logs") == true)
        #expect(Self.findings(Self.function("post", policies: "- AmazonS3ReadOnlyAccess\n- AWSXrayWriteOnlyAccess")).map(\.0) == [.info])
    }

    /// A connector gives the function's role its profile's statements:
    /// Write on a table is reached through a public POST.
    @Test func aConnectorsGrantsAreReached() {
        let writer = Self.function("post", policies: "") + """

                Connectors:
                  ToOrders:
                    Properties:
                      Destination: {Id: Orders}
                      Permissions: [\("Write")]
            """
        let found = Self.findings(writer)
        #expect(found.map(\.0) == [.error])
        #expect(found.first?.1.contains("dynamodb:PutItem on Orders") == true)
        let reader = writer.replacing("[Write]", with: "[Read]")
        #expect(Self.findings(reader).map(\.0) == [.info])
    }

    @Test func whatCannotBeSeenIsAWarning() {
        let managed = Self.findings(Self.function("post", policies: "- AmazonDynamoDBFullAccess"))
        #expect(managed.map(\.0) == [.warning])
        #expect(managed.first?.1.contains("AmazonDynamoDBFullAccess") == true)
        let given = Self.function("post", policies: "").replacing("      Handler:", with: "      Role: !ImportValue shared-role\n      Handler:")
        #expect(Self.findings(given).map(\.0) == [.warning])
    }

    /// A plain method: its integration's function, the role's inline and
    /// attached policies; a service integration's action; a mock.
    @Test func aPlainMethodReachesThroughItsIntegration() {
        func method(_ verb: String, _ integration: String) -> String {
            """
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
              Writes:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: writes
                  Roles: [!Ref Role]
                  PolicyDocument: {Statement: [{Effect: Allow, Action: "sqs:SendMessage", Resource: !GetAtt Queue.Arn}]}
              Queue:
                Type: AWS::SQS::Queue
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.13
                  Handler: index.handler
                  Role: !GetAtt Role.Arn
                  Code: {ZipFile: "def handler(e, c): pass"}
              Method:
                Type: AWS::ApiGateway::Method
                Properties:
                  RestApiId: api
                  ResourceId: root
                  HttpMethod: \(verb)
                  AuthorizationType: NONE
                  Integration: \(integration)
            """
        }
        let lambda = #"{Type: AWS_PROXY, IntegrationHttpMethod: POST, Uri: !Sub "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations"}"#
        let found = Self.findings(method("PUT", lambda))
        #expect(found.map(\.0) == [.error])
        #expect(found.first?.1.contains("sqs:SendMessage on Queue") == true)
        let service = #"{Type: AWS, IntegrationHttpMethod: POST, Uri: !Sub "arn:aws:apigateway:${AWS::Region}:dynamodb:action/GetItem"}"#
        #expect(Self.findings(method("POST", service)).map(\.0) == [.info])
        #expect(Self.findings(method("POST", "{Type: MOCK}")).map(\.0) == [.info])
    }
}
