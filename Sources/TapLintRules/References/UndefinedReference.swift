import TapLintCore

/// `Ref`, `Fn::GetAtt`, `${}` or `DependsOn` naming something the template does not define.
public struct UndefinedReference: TemplateRule {
    public static let description = RuleDescription(
        id: "REF001", name: "undefined-reference", category: .reference, severity: .error,
        summary: "A Ref, GetAtt, Sub variable or DependsOn names no resource or parameter of the template.",
        rationale: """
        CloudFormation resolves every `Ref`, `Fn::GetAtt`, `Fn::Sub` variable and \
        `DependsOn` against the template's own resources and parameters (and, for `Ref` \
        and `${}`, the pseudo parameters such as `AWS::Region`). A name that matches none \
        of them, usually a typo or a resource renamed in one place only, fails \
        validation. `Fn::GetAtt`, `${Name.Attribute}` and `DependsOn` must name a resource, \
        not a parameter. Templates with a macro transform other than SAM are skipped, \
        because the macro may add the missing names. In SAM templates the names SAM \
        generates count (`FunctionRole`, `ServerlessRestApi`, a connector's \
        `ConnectorPolicy`); a name SAM does not generate (`FunctionRol`, \
        `ServerlessRestApiTypo`), a function's role that SAM does not create because \
        the function is given one, or an implicit API that no event asks for, is \
        reported. Only where taplint does not model what SAM generates (a GraphQL \
        API's, a SAM type newer than its catalog, a `Serverless-2016-10-31` \
        look-alike transform) are names that start with the SAM resource's trusted.
        """,
        fix: "name a resource or parameter defined in the template",
        triggering: [
            """
            Parameters:
              Stage:
                Type: String
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Topic:
                Type: AWS::SNS::Topic
                DependsOn: ↓Queu
                Properties:
                  TopicName: !Ref ↓Stag
                  DisplayName: !Sub "${Stage}-↓${Missing}-${AWS::Region}"
                  KmsMasterKeyId: !GetAtt ↓Stage.Arn
            """,
            """
            {"Resources": {"Topic": {"Type": "AWS::SNS::Topic",
              "Properties": {"TopicName": {"Fn::GetAtt": [↓"Nowhere", "Arn"]}}}}}
            """,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
              Function:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  InlineCode: "def handler(event, context): pass"
                  Role: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app"
                  Events:
                    Get:
                      Type: Api
                      Properties: {RestApiId: !Ref Api, Path: /, Method: get}
            Outputs:
              Role:
                Value: !GetAtt ↓FunctionRole.Arn
              Url:
                Value: !Sub "https://↓${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod"
            """,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              HelloFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.13
                  Handler: index.handler
                  InlineCode: "def handler(event, context): pass"
                  Events:
                    Hello:
                      Type: Api
                      Properties: {Path: /hello, Method: get}
            Outputs:
              Role:
                Value: !GetAtt ↓HelloFunctionRol.Arn
              Function:
                Value: !Ref ↓HelloFunctionXyz
              Api:
                Value: !Ref ↓ServerlessRestApiTypo
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Stage:
                Type: String
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Topic:
                Type: AWS::SNS::Topic
                DependsOn: [Queue]
                Properties:
                  TopicName: !Ref Stage
                  DisplayName: !Sub
                    - "${Stage}-${Local}-${!Literal}-${AWS::Region}-${Queue.Arn}"
                    - Local: !Ref AWS::StackName
            """,
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
              Function:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  InlineCode: "def handler(event, context): pass"
                  AutoPublishAlias: live
                  Events:
                    Get:
                      Type: Api
                      Properties: {Path: /, Method: get}
            Outputs:
              Role:
                Value: !GetAtt FunctionRole.Arn
              Alias:
                Value: !Ref Function.Alias
              Stage:
                Value: !Ref Api.Stage
              Url:
                Value: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/${ServerlessRestApiProdStage}"
            """,
        ],
        references: [
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html",
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html",
        ]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        if template.isRewrittenBeforeDeploy, !template.isServerlessOnly { return [] }
        func judge(_ reference: Reference) -> Violation? {
            let target = reference.target
            if template.hasResource(target) { return nil }
            if reference.kind == .dependsOn, template.embeddedConnectors.contains(target) { return nil }
            let isParameter = template.hasParameter(target)
            let needsResource = reference.kind == .getAtt || reference.kind == .dependsOn || reference.attribute != nil
            if !needsResource, isParameter || PseudoParameters.all.contains(target) { return nil }
            // SAM also resolves `MyApi.Stage`, `MyFunction.Alias` and the like.
            let base = target.firstIndex(of: ".").map { String(target[..<$0]) } ?? target
            if template.generatedResource(named: base) != nil { return nil }
            if let missing = Self.notGenerated(base, in: template) {
                return Violation(at: reference.range, path: reference.path,
                                 message: "\(reference.kind.rawValue) to '\(target)', which SAM does not generate: \(missing)")
            }
            if template.mayBeGenerated(target) { return nil }
            let names = template.resources.map(\.name) + template.generated.filter { !$0.hashed }.map(\.name)
            let candidates = needsResource ? names : names + template.parameters.map(\.name) + PseudoParameters.all.sorted()
            let what = isParameter ? "a resource (it is a parameter)"
                : needsResource ? "a resource of this template" : "a resource, parameter or pseudo parameter"
            return Violation(at: reference.range, path: reference.path,
                             message: "\(reference.kind.rawValue) to '\(target)', which is not \(what)",
                             misspelt: target, candidates: candidates)
        }
        return context.references.references.violations(judge)
    }

    /// Why SAM will not create a name a SAM template expects it to: the
    /// implicit APIs exist only for events that name no API, and a
    /// function's or state machine's role only when it is given none. Other
    /// generated names are trusted as `Template.mayBeGenerated` says.
    static func notGenerated(_ target: String, in template: Template) -> String? {
        guard template.isServerlessOnly, template.transforms.contains(ServerlessWithoutTransform.transform) else { return nil }
        for (api, event, property) in [("ServerlessRestApi", "Api", "RestApiId"), ("ServerlessHttpApi", "HttpApi", "ApiId")]
        where target == api || target.hasPrefix(api) && target.hasSuffix("Stage") {
            return "it adds \(api) only for a function's \(event) event without \(property), and every such event here names its API"
        }
        for resource in template.resources where target == resource.name + "Role" {
            guard resource.type == "AWS::Serverless::Function" || resource.type == "AWS::Serverless::StateMachine",
                  let role = template.property("Role", of: resource) else { continue }
            return "\(resource.name) is given its Role (line \(role.entry.key.range.start.line)), so SAM creates none"
        }
        return nil
    }
}
