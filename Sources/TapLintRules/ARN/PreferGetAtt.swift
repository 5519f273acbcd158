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
/// reference back from one of those would close a cycle. Each start's
/// resources are found once, however many ARNs ask about it, and kept as
/// a sorted list: lists indexed by resource, no sets (a set of numbers is
/// a type the runtime makes at start-up, a fifth of a million instructions).
struct Reachability {
    private let graph: DependencyGraph
    /// Made on the first question: most templates ask none.
    private var successors: [[Int]] = []
    /// Per start asked, the resources it reaches (itself too), in order.
    private var found: [[Int]?] = []
    /// The start whose search last reached each resource.
    private var reachedBy: [Int] = []

    init(_ graph: DependencyGraph) {
        self.graph = graph
    }

    mutating func reaches(_ from: Int, _ to: Int) -> Bool {
        if found.isEmpty {
            successors = Array(repeating: [], count: graph.names.count)
            for edge in graph.edges { successors[edge.from].append(edge.to) }
            found = Array(repeating: nil, count: successors.count)
            reachedBy = Array(repeating: -1, count: successors.count)
        }
        let reached = found[from] ?? search(from)
        var (low, high) = (0, reached.count)
        while low < high {
            let middle = (low + high) / 2
            if reached[middle] < to { low = middle + 1 } else { high = middle }
        }
        return low < reached.count && reached[low] == to
    }

    private mutating func search(_ from: Int) -> [Int] {
        var reached = [from]
        reachedBy[from] = from
        var next = 0
        while next < reached.count {
            for successor in successors[reached[next]] where reachedBy[successor] != from {
                reachedBy[successor] = from
                reached.append(successor)
            }
            next += 1
        }
        reached.sort()
        found[from] = reached
        return reached
    }
}
