import TapLintCore

/// Resources that depend on each other in a loop.
public struct CircularDependency: TemplateRule {
    public static let description = RuleDescription(
        id: "CYC001", name: "circular-dependency", category: .circularDependency, severity: .error,
        summary: "Resources depend on each other in a loop, so none of them can be created first.",
        rationale: """
        Every `Ref`, `Fn::GetAtt`, `Fn::Sub` variable and `DependsOn` makes a resource \
        wait for the one it names. When those waits form a loop, CloudFormation cannot \
        order the resources and rejects the template ("Circular dependency between \
        resources"). CloudFormation decides the conditions first: a loop through \
        resources or `Fn::If` branches whose conditions cannot all hold for one set of \
        parameter values is no loop, and one that holds only for some values is \
        reported with them ("when Mode=push"). The finding \
        names every resource on the loop, in order, and the property where each step is \
        written, so you can see which reference to break. In SAM templates an event is \
        read as what SAM makes of it: the permission, mapping or rule it becomes depends \
        on the function, not the other way round, while an S3 or Cognito event makes \
        the bucket or user pool depend on the function. A classic case: a security \
        group whose ingress rule refers to itself, or a bucket whose notification names a \
        function whose policy names the bucket.
        """,
        fix: "break one step of the loop: move the reference into a separate resource (e.g. an AWS::EC2::SecurityGroupIngress or AWS::Lambda::Permission), or build a name with Fn::Sub instead of Ref/GetAtt",
        triggering: [
            // SAM points the bucket's notification at the function; the
            // function's environment names the bucket: a loop.
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Uploads:
                Type: AWS::S3::Bucket
              Thumbs:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://artifacts/app.zip
                  Environment:
                    Variables:
                      BUCKET: !Ref Uploads
                  Events:
                    Upload:
                      Type: S3
                      Properties:
                        Bucket: !Ref ↓Uploads
                        Events: s3:ObjectCreated:*
            """,
            """
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  Description: !Ref ↓Function
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !GetAtt Role.Arn
            """,
            """
            Resources:
              Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: !Sub "↓${Group}"
            """,
            """
            Parameters:
              UseQueue:
                Type: String
            Conditions:
              WithQueue: !Equals [!Ref UseQueue, "yes"]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                DependsOn: ↓Topic
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !If [WithQueue, !GetAtt Queue.QueueName, none]
            """,
        ],
        nonTriggering: [
            // Each reads the other only under opposite values of the same condition.
            """
            Parameters:
              Mode:
                Type: String
                AllowedValues: [push, pull]
            Conditions:
              IsPush: !Equals [!Ref Mode, push]
            Resources:
              Producer:
                Type: AWS::SNS::Topic
                Properties:
                  DisplayName: !If [IsPush, !GetAtt Consumer.QueueName, none]
              Consumer:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !If [IsPush, none, !GetAtt Producer.TopicName]
            """,
            // SAM turns an API event into a permission and a method of their
            // own: the function does not depend on the API that calls it.
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  DefinitionBody:
                    paths:
                      /items:
                        put:
                          x-amazon-apigateway-integration:
                            httpMethod: POST
                            type: aws_proxy
                            uri: !Sub "arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${PutItems.Arn}/invocations"
              PutItems:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://artifacts/app.zip
                  Events:
                    Put:
                      Type: Api
                      Properties:
                        RestApiId: !Ref Api
                        Path: /items
                        Method: put
            """,
            """
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Role: !GetAtt Role.Arn
              Permission:
                Type: AWS::Lambda::Permission
                DependsOn: Function
                Properties:
                  FunctionName: !Ref Function
                  Action: lambda:InvokeFunction
                  Principal: s3.amazonaws.com
                  SourceArn: !Sub "arn:${AWS::Partition}:s3:::${!NotAVariable}"
            """,
        ],
        references: [
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html",
            "https://aws.amazon.com/blogs/infrastructure-and-automation/handling-circular-dependency-errors-in-aws-cloudformation/",
        ]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let names = context.graph.names
        let last = context.graph.cycles.count - 1
        return context.graph.cycles.enumerated().compactMap { index, cycle in
            // The loop exists only where all its resources and steps do.
            let when = Self.condition(of: cycle, in: context)
            if when == .never { return nil }
            let loop = (cycle.resources + [cycle.resources[0]]).map { names[$0] }.joined(separator: " → ")
            let steps = cycle.edges.map { edge in
                let reference = edge.reference
                let place = reference.path.place(from: 2)
                let at = "line \(reference.range.start.line), column \(reference.range.start.column)"
                if edge.reversed {
                    return "\(names[edge.to]).\(place) makes SAM point \(names[edge.from]) at \(names[edge.to]) (\(at))"
                }
                return "\(names[edge.from]).\(place) refers to \(names[edge.to]) (\(reference.kind.rawValue), \(at))"
            }
            let first = cycle.edges[0].reference
            var message = "circular dependency: \(loop); " + steps.joined(separator: "; ")
            if case .when(let settings)? = when, !settings.isEmpty {
                message += " (when \(settings.map(\.description).joined(separator: ", ")))"
            }
            if index == last, context.graph.hasMoreCycles {
                message += " (more cycles run through these resources than are listed)"
            }
            let related = zip(cycle.edges, steps).map { Finding.Related(range: $0.reference.range, message: $1) }
            return Violation(at: first.range, path: first.path, message: message, related: related)
        }
    }

    /// When the cycle exists: every resource on it exists (its `Condition`)
    /// and each step is made (some reference between the two resources,
    /// with the `Fn::If` branches around it taken). Nil when nothing on the
    /// loop is conditional.
    static func condition(of cycle: Cycle, in context: LintContext) -> ConditionModel.Answer? {
        let template = context.template
        var parts: [ConditionModel.Guard] = []
        for member in cycle.resources {
            guard let condition = template.resources[member].condition else { continue }
            guard let name = condition.string else { return .unknown }
            parts.append(.condition(name, true))
        }
        for step in cycle.edges {
            var ways: [ConditionModel.Guard] = []
            for edge in context.graph.edges where edge.from == step.from && edge.to == step.to {
                let branches = edge.reference.branches
                if branches.isEmpty {
                    ways = []
                    break
                }
                guard let taken = ConditionModel.Guard.taken(branches) else { return .unknown }
                ways.append(.all(taken))
            }
            if !ways.isEmpty { parts.append(.any(ways)) }
        }
        return parts.isEmpty ? nil : context.conditions.solve(.all(parts))
    }
}
