import TapLintCore

/// A Lambda function or layer whose code lives in a bucket the same stack creates.
public struct CodeInSameStackBucket: TemplateRule {
    public static let description = RuleDescription(
        id: "DEP001", name: "code-in-same-stack-bucket", category: .deployability, severity: .error,
        summary: "A Lambda function or layer loads its code from an S3 bucket that the same stack creates.",
        rationale: """
        CloudFormation creates the bucket, empty, and then the function, which needs \
        its code object to be there already: the first deploy of the stack fails, every \
        time. Nothing in the template can upload the code in between. Keep the code in a \
        bucket that exists before the stack (a deployment-artifacts bucket, or the one \
        `aws cloudformation package` / `sam deploy` uploads to), or inline small code with \
        `ZipFile`.
        """,
        fix: "load the code from a bucket created before this stack (e.g. the one `aws cloudformation package` uploads to)",
        triggering: [
            """
            Resources:
              CodeBucket:
                Type: AWS::S3::Bucket
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/f
                  Runtime: python3.12
                  Handler: index.handler
                  Code:
                    ↓S3Bucket: !Ref CodeBucket
                    S3Key: function.zip
              Layer:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  Content:
                    ↓S3Bucket: !Sub "${CodeBucket}"
                    S3Key: layer.zip
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              ArtifactBucket:
                Type: String
            Resources:
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Role: arn:aws:iam::123456789012:role/f
                  Runtime: python3.12
                  Handler: index.handler
                  Code:
                    S3Bucket: !Ref ArtifactBucket
                    S3Key: function.zip
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lambda-function-code.html"]
    )

    /// Where each type reads its code bucket.
    static let codeBuckets: [String: [String]] = [
        "AWS::Lambda::Function": ["Code", "S3Bucket"],
        "AWS::Lambda::LayerVersion": ["Content", "S3Bucket"],
    ]

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        return template.resources.compactMap { resource in
            guard let type = resource.type, let path = Self.codeBuckets[type],
                  let entry = resource.properties?[path[0]]?.entry(path[1]) else { return nil }
            let bucket = context.references.references.first { reference in
                reference.path.starts(with: [.key("Resources"), .key(resource.name), .key("Properties"), .key(path[0]), .key(path[1])])
                    && reference.attribute == nil && template.resource(named: reference.target)?.type == "AWS::S3::Bucket"
            }
            guard let bucket else { return nil }
            return Violation(at: entry.key.range, path: [.key("Resources"), .key(resource.name), .key("Properties")] + path.map { .key($0) },
                             message: "\(resource.name) loads its code from \(bucket.target), which this same stack creates empty, so the first deploy cannot succeed")
        }
    }
}
