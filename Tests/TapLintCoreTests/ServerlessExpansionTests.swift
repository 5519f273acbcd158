import Testing
@testable import TapLintCore

/// What taplint expects the SAM transform to add, named as the translator
/// names it (the translator's own cases check the same at scale in
/// SAMTranslatorTests; these pin the rules one at a time).
@Suite struct ServerlessExpansionTests {
    func generated(_ text: String) throws -> [String] {
        let root = try #require(YAMLParser.parse(Array(text.utf8)).root)
        let template = try #require(Template(root: root))
        return template.generated.map { "\($0.name)\($0.hashed ? "…" : "") \($0.type)" }
    }

    @Test func aFunctionBringsItsRoleEventsAndAlias() throws {
        let names = try generated("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  AutoPublishAlias: live_v-1
                  Events:
                    Get: {Type: Api, Properties: {Path: /, Method: get}}
                    Jobs: {Type: SQS, Properties: {Queue: arn}}
                    Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
            """)
        #expect(names == [
            "Fn AWS::Lambda::Function", "FnRole AWS::IAM::Role", "FnVersion… AWS::Lambda::Version",
            "FnAliasliveUvD1 AWS::Lambda::Alias", "FnGetPermissionProd AWS::Lambda::Permission",
            "FnJobs AWS::Lambda::EventSourceMapping", "FnNightly AWS::Events::Rule",
            "FnNightlyPermission AWS::Lambda::Permission", "ServerlessRestApi AWS::ApiGateway::RestApi",
            "ServerlessRestApiDeployment… AWS::ApiGateway::Deployment", "ServerlessRestApiProdStage AWS::ApiGateway::Stage",
        ])
    }

    @Test func aGivenRoleOrANamedApiAddsNone() throws {
        let names = try generated("""
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Role: arn:aws:iam::123456789012:role/app
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties: {StageName: v1}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Events:
                    Get: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /, Method: get}}
            """)
        #expect(names == ["Api AWS::ApiGateway::RestApi", "ApiDeployment… AWS::ApiGateway::Deployment",
                          "Apiv1Stage AWS::ApiGateway::Stage", "Fn AWS::Lambda::Function",
                          "FnGetPermissionv1 AWS::Lambda::Permission"])
    }

    @Test func otherTransformsAndPlainTemplatesGenerateNothing() throws {
        let function = "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
        #expect(try generated(function).isEmpty)
        #expect(try generated("Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n" + function).isEmpty)
        #expect(try generated("Transform: AWS::Serverless-2016-10-31\n" + function) == ["Fn AWS::Lambda::Function", "FnRole AWS::IAM::Role"])
    }

    /// A connector becomes what its profile says, per destination: a
    /// managed policy on the source's role, a queue or topic policy, or a
    /// Lambda permission per access category; several destinations number
    /// their ids, and an embedded connector puts its resource's name first.
    @Test func connectorsBecomeWhatTheirProfileSays() throws {
        let names = try generated("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.13, Handler: app.handler}
                Connectors:
                  Writes:
                    Properties:
                      Destination: [{Id: Queue}, {Id: Table}]
                      Permissions: [Write]
              Queue: {Type: AWS::SQS::Queue}
              Table: {Type: AWS::Serverless::SimpleTable}
              Topic: {Type: AWS::SNS::Topic}
              TopicToFn:
                Type: AWS::Serverless::Connector
                Properties:
                  Source: {Id: Topic}
                  Destination: {Id: Fn}
                  Permissions: [Write]
              TopicToQueue:
                Type: AWS::Serverless::Connector
                Properties:
                  Source: {Type: AWS::SNS::Topic, Arn: !Ref Topic}
                  Destination: {Id: Queue}
                  Permissions: [Write]
              Unsupported:
                Type: AWS::Serverless::Connector
                Properties:
                  Source: {Id: Queue}
                  Destination: {Id: Topic}
                  Permissions: [Write]
            """)
        #expect(names.filter { !$0.hasPrefix("Fn ") && !$0.hasPrefix("FnRole") && !$0.hasPrefix("Table ") } == [
            "FnWritesPolicyDestination0 AWS::IAM::ManagedPolicy", "FnWritesPolicyDestination1 AWS::IAM::ManagedPolicy",
            "TopicToFnWriteLambdaPermission AWS::Lambda::Permission", "TopicToQueueQueuePolicy AWS::SQS::QueuePolicy",
        ])
    }

    @Test func aWebSocketApiHasARouteIntegrationAndPermissionPerKey() throws {
        let names = try generated("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Chat:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Auth: {AuthType: CUSTOM, AuthArn: arn:aws:lambda:us-east-1:123456789012:function:auth}
                  Routes:
                    $connect: {FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:on}
                    sendMessage: {FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:send}
            """)
        #expect(names == [
            "Chat AWS::ApiGatewayV2::Api", "ChatConnectRoute AWS::ApiGatewayV2::Route",
            "ChatConnectIntegration AWS::ApiGatewayV2::Integration", "ChatConnectPermission AWS::Lambda::Permission",
            "ChatSendmessageRoute AWS::ApiGatewayV2::Route", "ChatSendmessageIntegration AWS::ApiGatewayV2::Integration",
            "ChatSendmessagePermission AWS::Lambda::Permission", "ChatDefaultStage AWS::ApiGatewayV2::Stage",
            "ChatConnectAuthorizer AWS::ApiGatewayV2::Authorizer", "ChatAuthorizerPermission AWS::Lambda::Permission",
        ])
    }

    /// Route 53 records are one group per hosted zone, however many APIs'
    /// domains are in it; the implicit API takes its domain from Globals,
    /// and an API that has a domain of its own merges Globals' into it
    /// (keys it lacks added, lists joined), as SAM merges maps.
    @Test func domainsShareTheirHostedZonesGroup() throws {
        let names = try generated("""
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Api:
                Domain:
                  DomainName: api.example.com
                  CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/abc
                  BasePath: [/orders]
                  Route53: {HostedZoneId: Z1}
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/app
                  Events:
                    Get: {Type: Api, Properties: {Path: /, Method: get}}
              Admin:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  Domain:
                    DomainName: admin.example.com
                    BasePath: [/admin]
            """)
        #expect(names.filter { $0.contains("Domain") || $0.contains("Mapping") || $0.contains("RecordSet") } == [
            "ApiGatewayDomainName… AWS::ApiGateway::DomainName", "AdminordersBasePathMapping AWS::ApiGateway::BasePathMapping",
            "AdminadminBasePathMapping AWS::ApiGateway::BasePathMapping",
            "RecordSetGroup… AWS::Route53::RecordSetGroup", "ApiGatewayDomainName… AWS::ApiGateway::DomainName",
            "ServerlessRestApiordersBasePathMapping AWS::ApiGateway::BasePathMapping",
        ])
    }
}
