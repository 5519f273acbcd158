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
        because the macro may add the missing names.
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
        let resources = template.resources.map(\.name)
        let parameters = template.parameters.map(\.name)
        return context.references.references.compactMap { reference in
            let target = reference.target
            if template.hasResource(target) { return nil }
            let isParameter = template.hasParameter(target)
            let needsResource = reference.kind == .getAtt || reference.kind == .dependsOn || reference.attribute != nil
            if !needsResource, isParameter || PseudoParameters.all.contains(target) { return nil }
            if template.mayBeGenerated(target) { return nil }
            let candidates = needsResource ? resources : resources + parameters + PseudoParameters.all.sorted()
            let what = isParameter ? "a resource (it is a parameter)"
                : needsResource ? "a resource of this template" : "a resource, parameter or pseudo parameter"
            return Violation(at: reference.range, path: reference.path,
                             message: "\(reference.kind.rawValue) to '\(target)', which is not \(what)",
                             misspelt: target, candidates: candidates)
        }
    }
}
