import TapLintCore

/// An ARN whose fields do not have the shape its service uses.
public struct MalformedARN: TemplateRule {
    public static let description = RuleDescription(
        id: "ARN005", name: "malformed-arn", category: .arn, severity: .warning,
        summary: "An ARN built by hand has the wrong fields for its service.",
        rationale: """
        Each service shapes its ARNs differently: S3 bucket and object ARNs have no \
        region and no account (`arn:aws:s3:::bucket/key`), IAM ARNs have no region, and \
        DynamoDB, SQS, SNS, Lambda, CloudWatch Logs and KMS ARNs need both, with a \
        resource part of the service's own form (`table/NAME`, `function:NAME`, \
        `log-group:NAME`, `key/ID`). A malformed ARN matches nothing: a policy that \
        names it grants nothing, a property that takes it fails at deploy time.
        """,
        fix: "write the ARN in the form the service documents",
        triggering: [
            """
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Allow
                        Action: s3:GetObject
                        ↓Resource: !Sub "arn:${AWS::Partition}:s3:${AWS::Region}:${AWS::AccountId}:reports/*"
                      - Effect: Allow
                        Action: dynamodb:GetItem
                        ↓Resource: !Sub "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:orders"
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Allow
                        Action: s3:GetObject
                        Resource: !Sub "arn:${AWS::Partition}:s3:::reports/*"
                      - Effect: Allow
                        Action: dynamodb:GetItem
                        Resource: !Sub "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders"
                      - Effect: Allow
                        Action: logs:PutLogEvents
                        Resource: !Sub "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/app:*"
                      - Effect: Allow
                        Action: lambda:GetFunction
                        # A kind of Lambda resource newer than taplint's list: not judged.
                        Resource: !Sub "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:microvm-image:builder"
            """,
        ],
        references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html"]
    )

    /// What each service's ARNs must look like: whether region and account
    /// are present, and the prefixes their resource part starts with.
    struct Shape {
        var region: Bool
        var account: Bool
        var prefixes: [String]
    }

    static let shapes: [String: Shape] = [
        "iam": Shape(region: false, account: true, prefixes: []),
        "dynamodb": Shape(region: true, account: true, prefixes: ["table/", "global-table/"]),
        "sqs": Shape(region: true, account: true, prefixes: []),
        "sns": Shape(region: true, account: true, prefixes: []),
        "lambda": Shape(region: true, account: true, prefixes: ["function:", "layer:", "event-source-mapping:", "code-signing-config:"]),
        "logs": Shape(region: true, account: true, prefixes: ["log-group:", "destination:", "delivery", "anomaly-detector:"]),
        "kms": Shape(region: true, account: true, prefixes: ["key/", "alias/"]),
    ]

    /// S3 resources that do live in a region and account.
    static let regionalS3 = ["accesspoint/", "job/", "storage-lens/", "async-request/", "access-grants/"]

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.arns.compactMap { arn in
            guard let problem = Self.problem(arn) else { return nil }
            return Violation(at: arn.source.range, path: arn.source.path,
                             message: "ARN in \(arn.source.place) is malformed for \(arn.service): \(problem)",
                             resource: arn.source.resource)
        }
    }

    static func problem(_ arn: ARN) -> String? {
        if arn.service == "s3" {
            if regionalS3.contains(where: arn.resource.hasPrefix) || arn.resource.isEmpty { return nil }
            if !arn.region.isEmpty || !arn.account.isEmpty {
                return "bucket and object ARNs have no region or account (arn:…:s3:::bucket/key)"
            }
            return nil
        }
        guard let shape = shapes[arn.service] else { return nil }
        if shape.region != !arn.region.isEmpty {
            return shape.region ? "it needs a region" : "IAM ARNs have no region"
        }
        if shape.account, arn.account.isEmpty { return "it needs an account id" }
        if !shape.prefixes.isEmpty, !arn.resource.hasPrefix("${"), arn.resource != "*",
           !shape.prefixes.contains(where: arn.resource.hasPrefix) {
            // A kind of resource this list does not know (`lambda:…:microvm-image:x`,
            // newer than taplint) is not judged: only a resource part with no kind at all.
            if arn.resource.contains(where: { $0 == ":" || $0 == "/" }) { return nil }
            return "the resource part should start with " + shape.prefixes.map { "'\($0)'" }.joined(separator: " or ")
        }
        return nil
    }
}
