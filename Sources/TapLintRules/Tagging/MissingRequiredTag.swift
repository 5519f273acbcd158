import TapLintCore

/// A taggable resource without a tag the team requires, or with the wrong value.
public struct MissingRequiredTag: TemplateRule {
    public static let description = RuleDescription(
        id: "TAG001", name: "missing-required-tag", category: .tagging, severity: .warning,
        summary: "A taggable resource lacks a required tag, or gives it a value other than the required one.",
        rationale: """
        Cost allocation, access control by tag (ABAC), backups and clean-up jobs all \
        depend on tags being there. Which tags are required comes from `.taplint.yml` \
        (`tagging.required`). Without it, taplint learns the policy from the template: \
        a key that at least two thirds of its taggable resources carry, and at least \
        three of them, is required on the rest, with any value; a template that tags \
        nothing draws no finding. The message says which policy applied ("6 of 9 \
        taggable resources carry Environment", or "required by tagging.required"). \
        Which resources take tags, and in what form (a list of Key/Value, a map, \
        `StageDescription.Tags` for the stage an API deployment creates), comes from the \
        CloudFormation resource schemas; in SAM templates `Globals` tags count for \
        every resource of their section that does not set the key itself. A value from `!Ref` counts as the parameter's \
        default; inside `Fn::If`, every branch must comply. Checked for a deployment \
        whose file gives stack tags (CodePipeline's Tags, Git sync's tags, samconfig's \
        tags), those count for every resource: CloudFormation passes them on. A stack \
        tag whose value `tagging.required` does not allow is one finding at the tag in \
        that file, naming the resources it reaches.
        """,
        fix: "add the tag (Key and Value) to the resource's tags",
        triggering: [
            """
            Resources:
              Orders:
                Type: AWS::SQS::Queue
                Properties:
                  Tags:
                    - Key: Environment
                      Value: prod
              Events:
                Type: AWS::SNS::Topic
                Properties:
                  Tags:
                    - Key: Environment
                      Value: prod
              Alarms:
                Type: AWS::SNS::Topic
                Properties:
                  Tags:
                    - Key: Environment
                      Value: prod
              Settings:
                Type: AWS::SSM::Parameter
                Properties:
                  Type: String
                  Value: x
                  Tags:
                    Environment: prod
              Keys:
                Type: AWS::SSM::Parameter
                Properties:
                  Type: String
                  Value: y
                  Tags:
                    Environment: prod
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  Tags:
                    - Key: Environment
                      Value: prod
              ↓DeadLetters:
                Type: AWS::SQS::Queue
              Notices:
                Type: AWS::SNS::Topic
                Properties:
                  ↓Tags:
                    - Key: Team
                      Value: payments
              Deployment:
                Type: AWS::ApiGateway::Deployment
                Properties:
                  RestApiId: api
                  StageName: prod
                  ↓StageDescription:
                    Description: production
            """,
        ],
        nonTriggering: [
            // Nothing is tagged: there is no policy to learn.
            """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Topic:
                Type: AWS::SNS::Topic
              Deployment:
                Type: AWS::ApiGateway::Deployment
                Properties:
                  RestApiId: api
                  StageName: prod
            """,
            // SAM's Globals tag every function that does not tag itself: four of
            // six resources carry Environment, and the two functions do through Globals.
            """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Tags:
                  Environment: prod
            Resources:
              Orders:
                Type: AWS::SQS::Queue
                Properties:
                  Tags: [{Key: Environment, Value: prod}]
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  Tags: [{Key: Environment, Value: prod}]
              Events:
                Type: AWS::SNS::Topic
                Properties:
                  Tags: [{Key: Environment, Value: prod}]
              Alerts:
                Type: AWS::SNS::Topic
                Properties:
                  Tags: [{Key: Environment, Value: prod}]
              One:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: s3://artifacts/app.zip}
              Two:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: s3://artifacts/app.zip}
            """,
            // Two tagged resources of three make no policy: fewer than three carry it.
            """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  Tags:
                    - Key: Environment
                      Value: prod
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  Tags:
                    - Key: Environment
                      Value: prod
              Other:
                Type: AWS::SNS::Topic
            """,
            """
            Parameters:
              Environment:
                Type: String
                Default: Production
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  Tags:
                    - Key: Environment
                      Value: !Ref Environment
              Parameter:
                Type: AWS::SSM::Parameter
                Properties:
                  Type: String
                  Value: x
                  Tags:
                    Environment: dev
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  Tags:
                    - Key: Environment
                      Value: !If [IsProd, prod, dev]
              Permission:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: f
                  Principal: s3.amazonaws.com
            Conditions:
              IsProd: !Equals [!Ref Environment, Production]
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let policy = context.tagPolicy
        guard !policy.required.isEmpty else { return [] }
        // The deployment's stack tags reach every resource that takes tags.
        let stackTags = context.options.parameterValues?.stackTags ?? [:]
        return wrongStackTags(context) + context.tags.flatMap { tags -> [Violation] in
            let resource = tags.resource.name
            var violations: [Violation] = []
            for outcome in tags.outcomes where !outcome.unknown {
                let when = outcome.conditions.isEmpty ? "" : " when " + outcome.conditions.joined(separator: " and ")
                for required in policy.missing(from: outcome) where stackTags[required.key] == nil {
                    let what = tags.resource.type == "AWS::ApiGateway::Deployment" ? "the stage that \(resource) creates" : resource
                    violations.append(Violation(at: tags.anchor.range, path: tags.path,
                                                message: "\(what) carries no tag \(required.key)\(when) (\(policy.reason(for: required.key)))",
                                                resource: resource, fix: "add the \(required.key) tag"))
                }
                guard policy.requiresValues else { continue }
                for required in policy.required {
                    guard let expected = required.value, let tag = outcome.tags.first(where: { $0.key == required.key }) else { continue }
                    for value in tag.values(in: context.template) {
                        guard let text = value.text, text != expected, !value.absent else { continue }
                        let branch = value.conditions.isEmpty ? "" : " when " + value.conditions.joined(separator: " and ")
                        violations.append(Violation(at: tag.node.range, path: tags.path,
                                                    message: "\(resource)'s tag \(required.key) is '\(text)'\(branch)\(when), not '\(expected)'",
                                                    resource: resource, fix: "set \(required.key) to '\(expected)'"))
                    }
                }
            }
            return violations
        }
    }

    /// A stack tag whose value the policy does not allow, given to the
    /// resources that carry no tag of that key: one finding, at the tag in
    /// the deployment's file (else at the first resource it reaches).
    private func wrongStackTags(_ context: LintContext) -> [Violation] {
        let policy = context.tagPolicy
        guard policy.requiresValues, let values = context.options.parameterValues else { return [] }
        return policy.required.compactMap { required -> Violation? in
            guard let expected = required.value, let given = values.stackTags[required.key], given != expected else { return nil }
            let receivers = context.tags.filter { tags in
                tags.outcomes.contains { !$0.unknown && !$0.tags.contains { $0.key == required.key } }
            }
            guard let first = receivers.first else { return nil }
            let names = receivers.prefix(3).map(\.resource.name).joined(separator: ", ")
                + (receivers.count > 3 ? " and \(receivers.count - 3) more" : "")
            let message = "the stack tag \(required.key) is '\(given)' in \(values.source), not '\(expected)' "
                + "(\(policy.reason(for: required.key))): CloudFormation gives it to \(names)"
            let fix = "set the stack tag \(required.key) to '\(expected)'"
            guard let place = values.stackTagPlaces[required.key] else {
                return Violation(at: first.anchor.range, path: first.path, message: message, resource: first.resource.name, fix: fix)
            }
            return Violation(at: SourceRange(start: place, end: place), path: [], message: message, fix: fix, file: values.source)
        }
    }
}
