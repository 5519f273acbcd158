import TapLintCore

/// An account id written into an ARN where `${AWS::AccountId}` belongs.
public struct HardCodedAccount: TemplateRule {
    public static let description = RuleDescription(
        id: "ARN003", name: "hard-coded-account", category: .arn, severity: .warning,
        summary: "An ARN built by hand hard-codes a 12-digit account id.",
        rationale: """
        An account id in an ARN ties the template to one account: deployed to a test \
        or another team's account it silently refers to the original one, sometimes \
        granting cross-account access nobody meant to grant. Use `${AWS::AccountId}` for \
        the stack's own account, or a parameter for another one. AWS-managed policy ARNs \
        (`arn:aws:iam::aws:policy/…`) are not account ids and are not reported, nor are \
        the accounts AWS owns and documents for a service to act from (Elastic Load \
        Balancing's per-region account that writes access logs to a bucket), nor those \
        of layers and applications another account publishes.
        """,
        fix: "use ${AWS::AccountId}, or a parameter for another account",
        triggering: [
            """
            Resources:
              Subscription:
                Type: AWS::SNS::Subscription
                Properties:
                  Protocol: sqs
                  ↓Endpoint: !Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:123456789012:jobs"
                  TopicArn: !Ref AWS::NoValue
            """,
        ],
        nonTriggering: [
            // Elastic Load Balancing writes access logs from an account of AWS's own.
            """
            Resources:
              LogsPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: access-logs
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal:
                          AWS: [arn:aws:iam::127311923021:root, arn:aws:iam::797873946194:root]
                        Action: s3:PutObject
                        Resource: !Sub "arn:${AWS::Partition}:s3:::access-logs/AWSLogs/${AWS::AccountId}/*"
            """,
            // A public layer's account is its publisher's, not the stack's.
            """
            Resources:
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Role: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app"
                  Code: {ZipFile: "def handler(e, c): pass"}
                  Layers:
                    - !Sub "arn:${AWS::Partition}:lambda:${AWS::Region}:017000801446:layer:AWSLambdaPowertoolsPythonV3-python312-x86_64:7"
            """,
            """
            Parameters:
              AuditAccount:
                Type: String
            Resources:
              Subscription:
                Type: AWS::SNS::Subscription
                Properties:
                  Protocol: sqs
                  Endpoint: !Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${AuditAccount}:jobs"
                  TopicArn: !Sub "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:alerts"
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html#cfn-pseudo-param-accountid"]
    )

    public init() {}

    /// ARNs of resources that another account publishes for everyone to use,
    /// which no template can own: Lambda layers (Powertools, AWS's extensions),
    /// Serverless Application Repository applications. Their account is the
    /// publisher's; `${AWS::AccountId}` there would name a layer that does not exist.
    static func isPublishedByAnother(_ arn: ARN) -> Bool {
        (arn.service == "lambda" && arn.resource.hasPrefix("layer:")) || arn.service == "serverlessrepo"
    }

    public func check(_ context: LintContext) -> [Violation] {
        let spelled = ARN.spelled(context.arns, \.account).filter(ARN.isAccountID)
        return context.arns.compactMap { arn in
            guard ARN.isAccountID(arn.account), !Self.isPublishedByAnother(arn),
                  !ServiceAccounts.contains(arn.account) else { return nil }
            // A principal names who may act: another account's, as often as this one's.
            let principal = arn.source.path.contains { $0 == .key("Principal") || $0 == .key("NotPrincipal") }
            return Violation(at: arn.source.range, path: arn.source.path,
                             message: "ARN in \(arn.source.place) hard-codes account '\(arn.account)'",
                             resource: arn.source.resource,
                             edits: principal ? [] : arn.edits(putting: "AWS::AccountId", at: arn.accountRange, spelled: spelled,
                                                               template: context.template) ?? [])
        }
    }
}
