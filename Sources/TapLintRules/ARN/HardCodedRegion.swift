import TapLintCore

/// A region written into an ARN where `${AWS::Region}` belongs.
public struct HardCodedRegion: TemplateRule {
    public static let description = RuleDescription(
        id: "ARN002", name: "hard-coded-region", category: .arn, severity: .warning,
        summary: "An ARN built by hand hard-codes a region (…:us-east-1:…).",
        rationale: """
        A region written into an ARN ties the template to that region: deployed \
        anywhere else, it refers to resources that do not exist there, or to another \
        region's resources by accident. Use `${AWS::Region}`, or a parameter when the \
        resource really lives in another region.
        """,
        fix: "use ${AWS::Region}",
        triggering: [
            """
            Resources:
              Subscription:
                Type: AWS::SNS::Subscription
                Properties:
                  Protocol: sqs
                  ↓TopicArn: !Sub "arn:${AWS::Partition}:sns:us-east-1:${AWS::AccountId}:alerts"
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Subscription:
                Type: AWS::SNS::Subscription
                Properties:
                  Protocol: sqs
                  TopicArn: !Sub "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:alerts"
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html#cfn-pseudo-param-region"]
    )

    public init() {}

    /// An ARN that must name one region whatever the stack's: CloudFront
    /// takes certificates and edge functions from us-east-1 only. Its
    /// finding stays, without a fix.
    static func mayBeElsewhere(_ arn: ARN, in template: Template) -> Bool {
        arn.service == "acm" || template.resource(named: arn.source.resource)?.type?.hasPrefix("AWS::CloudFront::") == true
    }

    public func check(_ context: LintContext) -> [Violation] {
        let spelled = ARN.spelled(context.arns, \.region).filter(ARN.isRegion)
        return context.arns.compactMap { arn in
            guard ARN.isLiteral(arn.region), ARN.isRegion(arn.region) else { return nil }
            return Violation(at: arn.source.range, path: arn.source.path,
                             message: "ARN in \(arn.source.place) hard-codes region '\(arn.region)'",
                             resource: arn.source.resource,
                             edits: Self.mayBeElsewhere(arn, in: context.template) ? []
                                 : arn.edits(putting: "AWS::Region", at: arn.regionRange, spelled: spelled,
                                             template: context.template) ?? [])
        }
    }
}
