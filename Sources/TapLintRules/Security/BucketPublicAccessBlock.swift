import TapLintCore

/// An S3 bucket without a full public access block.
public struct BucketPublicAccessBlock: TemplateRule {
    public static let description = RuleDescription(
        id: "SEC002", name: "bucket-public-access-block", category: .security, severity: .warning,
        summary: "An S3 bucket turns off a public access block setting, or grants a public ACL that its ownership controls let through.",
        rationale: """
        Since April 2023 every new bucket blocks public access with all four settings \
        (`BlockPublicAcls`, `BlockPublicPolicy`, `IgnorePublicAcls`, \
        `RestrictPublicBuckets`) and disables ACLs (`ObjectOwnership: \
        BucketOwnerEnforced`), so a bucket without `PublicAccessBlockConfiguration` is \
        not at risk. What exposes data is turning that off: a \
        `PublicAccessBlockConfiguration` that sets a setting to false or leaves it out \
        (a setting left out of an explicit configuration is false), or a public canned \
        ACL (`PublicRead`, `PublicReadWrite`, `AuthenticatedRead`) on a bucket whose \
        `OwnershipControls` allow ACLs (`ObjectWriter`, `BucketOwnerPreferred`). A \
        bucket policy that lets anyone read is IAM003's finding (iam-public-principal), \
        not this rule's. Buckets meant for public websites are the exception: suppress \
        the finding there, with the reason.
        """,
        fix: "leave PublicAccessBlockConfiguration out (all four on), or set all four settings to true",
        triggering: [
            """
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  ↓PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: false
              Site:
                Type: AWS::S3::Bucket
                Properties:
                  ↓AccessControl: PublicRead
                  OwnershipControls:
                    Rules:
                      - ObjectOwnership: ObjectWriter
                  ↓PublicAccessBlockConfiguration:
                    BlockPublicAcls: false
                    BlockPublicPolicy: true
                    IgnorePublicAcls: false
                    RestrictPublicBuckets: true
            """,
        ],
        nonTriggering: [
            // S3's defaults: all four blocks on, ACLs disabled.
            """
            Resources:
              Logs:
                Type: AWS::S3::Bucket
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: Private
                  PublicAccessBlockConfiguration:
                    BlockPublicAcls: true
                    BlockPublicPolicy: true
                    IgnorePublicAcls: true
                    RestrictPublicBuckets: true
              Legacy:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: LogDeliveryWrite
                  OwnershipControls:
                    Rules:
                      - ObjectOwnership: ObjectWriter
            """,
        ],
        references: [
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html",
            "https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html",
        ]
    )

    static let settings = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]
    /// Canned ACLs that let someone outside the account read or write.
    static let publicACLs: Set<String> = ["PublicRead", "PublicReadWrite", "AuthenticatedRead"]
    /// Object ownership settings under which ACLs take effect.
    static let aclOwnerships: Set<String> = ["ObjectWriter", "BucketOwnerPreferred"]

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.template.resources.flatMap { resource -> [Violation] in
            guard resource.type == "AWS::S3::Bucket", let properties = resource.properties else { return [] }
            let base: [PathElement] = [.key("Resources"), .key(resource.name), .key("Properties")]
            var violations: [Violation] = []
            if let entry = properties.entry("PublicAccessBlockConfiguration"), entry.value.intrinsic == nil, entry.value.tag == nil {
                let off = Self.settings.filter { setting in
                    guard let value = entry.value[setting] else { return true }
                    return value.intrinsic == nil && value.scalar?.boolValue != true && value.string?.lowercased() != "true"
                }
                if !off.isEmpty {
                    violations.append(Violation(at: entry.key.range, path: base + [.key("PublicAccessBlockConfiguration")],
                                                message: "\(resource.name)'s PublicAccessBlockConfiguration turns off "
                                                    + off.joined(separator: ", ")
                                                    + " (a setting left out of it is false; S3's default is all four on)"))
                }
            }
            if let acl = properties.entry("AccessControl"), let name = acl.value.string, Self.publicACLs.contains(name),
               let ownership = Self.objectOwnership(properties), Self.aclOwnerships.contains(ownership) {
                violations.append(Violation(at: acl.key.range, path: base + [.key("AccessControl")],
                                            message: "\(resource.name) grants the \(name) ACL, and its ObjectOwnership \(ownership) lets ACLs apply: "
                                                + "its objects are readable outside the account",
                                            fix: "remove AccessControl (ACLs are disabled by default), or serve the content through CloudFront"))
            }
            return violations
        }
    }

    /// The literal ObjectOwnership of the bucket's first ownership rule.
    static func objectOwnership(_ properties: Node) -> String? {
        properties["OwnershipControls"]?["Rules"]?.sequence?.first?["ObjectOwnership"]?.string
    }
}
