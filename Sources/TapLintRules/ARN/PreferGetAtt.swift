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
        var reach = Reachability(context.graph)
        return context.arns.compactMap { arn in
            guard let (type, name) = NamedResources.name(in: arn), let target = context.named.first(type: type, name: name),
                  target.resource != arn.source.resource,
                  let from = context.template.resourceIndex(of: target.resource),
                  let to = context.template.resourceIndex(of: arn.source.resource),
                  !reach.reaches(from, to) else { return nil }
            return Violation(at: arn.source.range, path: arn.source.path,
                             message: "ARN in \(arn.source.place) is \(target.resource)'s; !GetAtt \(target.resource).Arn would give it",
                             resource: arn.source.resource)
        }
    }
}

/// Which resources each resource already depends on, directly or not: a
/// reference back from one of those would close a cycle. Each start's set is
/// found once, however many ARNs ask about it.
struct Reachability {
    private let successors: [[Int]]
    private var found: [Int: Set<Int>] = [:]

    init(_ graph: DependencyGraph) {
        var successors = [[Int]](repeating: [], count: graph.names.count)
        for edge in graph.edges { successors[edge.from].append(edge.to) }
        self.successors = successors
    }

    mutating func reaches(_ from: Int, _ to: Int) -> Bool {
        if let known = found[from] { return known.contains(to) }
        var seen: Set<Int> = [from]
        var stack = [from]
        while let node = stack.popLast() {
            for next in successors[node] where seen.insert(next).inserted { stack.append(next) }
        }
        found[from] = seen
        return seen.contains(to)
    }
}
