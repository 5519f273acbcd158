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
}
