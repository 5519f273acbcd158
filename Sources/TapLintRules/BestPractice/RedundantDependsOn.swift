import TapLintCore

/// A `DependsOn` entry for a resource the properties already reference.
public struct RedundantDependsOn: TemplateRule {
    public static let description = RuleDescription(
        id: "BP001", name: "redundant-depends-on", category: .bestPractice, severity: .info,
        summary: "DependsOn names a resource that a Ref, GetAtt or Sub in the properties already depends on.",
        rationale: """
        `Ref`, `Fn::GetAtt` and `Fn::Sub` variables, in the properties or in other \
        attributes such as `Metadata` (which CloudFormation also resolves), already make \
        a resource wait for the one they name. Repeating that in `DependsOn` adds nothing but noise, and it \
        hides the entries that do matter: the ones with no reference behind them. \
        References inside an `Fn::If` branch do not count, because in the other branch \
        the `DependsOn` is the only thing that orders the two resources.
        """,
        fix: "remove the entry from DependsOn",
        triggering: [
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
              Function:
                Type: AWS::Lambda::Function
              Config:
                Type: Custom::Config
                DependsOn:
                  - ↓Bucket
                  - ↓Function
                Properties:
                  ServiceToken: !GetAtt Function.Arn
                  BucketName: !Ref Bucket
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Stage:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
              Queue:
                Type: AWS::SQS::Queue
              Config:
                Type: Custom::Config
                DependsOn: [Bucket, Queue]
                Properties:
                  ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:config
                  BucketName: !If [IsProd, !Ref Bucket, none]
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        // Only a resource with a DependsOn can repeat a dependency: the
        // other references of a large template need no index.
        var declaring = Set<Int>()
        for reference in context.references.references where reference.kind == .dependsOn {
            if case .resource(let owner) = reference.owner { declaring.insert(owner) }
        }
        if declaring.isEmpty { return [] }
        var implied: [Int: [String: Reference]] = [:]
        for reference in context.references.references where reference.kind != .dependsOn && !reference.conditional {
            guard case .resource(let owner) = reference.owner, declaring.contains(owner),
                  implied[owner]?[reference.target] == nil else { continue }
            implied[owner, default: [:]][reference.target] = reference
        }
        return context.references.references.compactMap { reference in
            guard reference.kind == .dependsOn, case .resource(let owner) = reference.owner,
                  let implying = implied[owner]?[reference.target] else { return nil }
            let place = Array(implying.path.dropFirst(2)).beforeIntrinsic.dotted
            return Violation(
                at: reference.range, path: reference.path,
                message: "DependsOn \(reference.target) repeats the dependency that the \(implying.kind.rawValue) in \(place) (line \(implying.range.start.line)) already creates")
        }
    }
}
