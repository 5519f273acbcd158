import TapLintCore

/// A trust or resource policy that allows anyone.
public struct PublicPrincipal: TemplateRule {
    public static let description = RuleDescription(
        id: "IAM003", name: "iam-public-principal", category: .iam, severity: .error,
        summary: "A trust or resource policy allows Principal \"*\" without a condition that narrows it.",
        rationale: """
        `Principal: "*"` (or `{AWS: "*"}`) means every AWS account in the world, and for \
        some services anonymous callers too: a role anyone can assume, a bucket or queue \
        anyone can use. It is safe only with a condition that narrows it to your \
        organization, account, source ARN or VPC endpoint (`aws:PrincipalOrgID`, \
        `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceVpce`, …).
        """,
        fix: "name the principals, or add a condition on aws:PrincipalOrgID, aws:SourceAccount, aws:SourceArn or aws:SourceVpce",
        triggering: [
            """
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {AWS: ↓"*"}
                        Action: sts:AssumeRole
              QueuePolicy:
                Type: AWS::SQS::QueuePolicy
                Properties:
                  Queues: [queue-url]
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: ↓"*"
                        Action: sqs:SendMessage
                        Resource: "*"
            """,
        ],
        nonTriggering: [
            """
            Resources:
              BucketPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: reports
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: "*"
                        Action: s3:GetObject
                        Resource: arn:aws:s3:::reports/*
                        Condition:
                          StringEquals: {aws:PrincipalOrgID: o-abc123}
                      - Effect: Deny
                        Principal: "*"
                        Action: s3:*
                        Resource: arn:aws:s3:::reports/*
                        Condition: {Bool: {aws:SecureTransport: false}}
            """,
        ],
        references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.allowing.flatMap { document, statement -> [Violation] in
            guard document.kind != .identity,
                  statement.conditionKeys.isDisjoint(with: PolicyChecks.narrowingKeys) else { return [] }
            // A condition that is there but does not narrow who may act is named for what it does narrow.
            let narrowing = statement.conditionKeys.isEmpty ? "with no condition"
                : "with a condition only on " + statement.conditionKeys.sorted().joined(separator: ", ")
                    + ", which does not narrow who may act"
            return statement.principals.filter { ($0.type == "*" || $0.type == "AWS") && $0.value.isStar }.map { principal in
                Violation(at: principal.value.range, path: principal.value.path,
                          message: "\(PolicyChecks.place(document, statement.path)) allows any principal (\"*\") \(narrowing)",
                          resource: document.resource)
            }
        }
    }
}
