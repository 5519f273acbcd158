import TapLintCore

/// A hand-built ARN that `!GetAtt X.Arn` would give.
public struct PreferGetAtt: TemplateRule {
    public static let description = RuleDescription(
        id: "ARN007", name: "prefer-getatt-arn", category: .arn, severity: .info,
        summary: "A hand-built ARN names a resource of the template that !GetAtt could name instead.",
        rationale: """
        Writing a resource's ARN by hand repeats its name, partition, region and account, \
        each a chance to drift. `!GetAtt X.Arn` cannot drift, and it also orders the \
        resources correctly. It is suggested only where the reference would not create a \
        circular dependency (when it would, building the ARN by hand is the usual fix, and \
        this rule stays quiet).
        """,
        fix: "use !GetAtt Resource.Arn (or !Sub \"${Resource.Arn}/*\" for objects)",
        triggering: [
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "reports-${AWS::AccountId}"
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument: {}
                  Policies:
                    - PolicyName: read
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: s3:GetObject
                            ↓Resource: !Sub "arn:${AWS::Partition}:s3:::reports-${AWS::AccountId}/*"
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
                DependsOn: Permission
                Properties:
                  BucketName: !Sub "uploads-${AWS::AccountId}"
                  NotificationConfiguration:
                    LambdaConfigurations:
                      - Event: s3:ObjectCreated:*
                        Function: !GetAtt Function.Arn
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/f
                  Code: {ZipFile: "x"}
                  Runtime: python3.12
                  Handler: index.handler
              Permission:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: !Ref Function
                  Principal: s3.amazonaws.com
                  SourceArn: !Sub "arn:${AWS::Partition}:s3:::uploads-${AWS::AccountId}"
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getatt.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let named = NamedResources(context.template)
        return ARN.all(in: context.template).compactMap { arn in
            guard let (type, name) = NamedResources.name(in: arn),
                  let target = named.all.first(where: { $0.type == type && $0.name == name }),
                  target.resource != arn.source.resource,
                  !Self.dependsOn(target.resource, arn.source.resource, graph: context.graph) else { return nil }
            return Violation(at: arn.source.range, path: arn.source.path,
                             message: "ARN in \(arn.source.place) is \(target.resource)'s; !GetAtt \(target.resource).Arn would give it",
                             resource: arn.source.resource)
        }
    }

    /// True when `from` already depends, directly or not, on `to`: then a
    /// reference from `to` to `from` would close a cycle.
    static func dependsOn(_ from: String, _ to: String, graph: DependencyGraph) -> Bool {
        guard let start = graph.names.firstIndex(of: from), let goal = graph.names.firstIndex(of: to) else { return false }
        var next = [[Int]](repeating: [], count: graph.names.count)
        for edge in graph.edges { next[edge.from].append(edge.to) }
        var seen: Set<Int> = [start]
        var queue = [start]
        while let node = queue.popLast() {
            if node == goal { return true }
            for successor in next[node] where seen.insert(successor).inserted { queue.append(successor) }
        }
        return false
    }
}
