/// Accounts that AWS owns and documents for a service to act from, which
/// a template must name as they are: `${AWS::AccountId}` in their place
/// would name the stack's own account, and the service could not deliver.
enum ServiceAccounts {
    /// Elastic Load Balancing's account in each region that had one before
    /// August 2022, which a bucket policy lets write access logs
    /// (`arn:aws:iam::127311923021:root` in us-east-1). Newer regions name
    /// the service principal `logdelivery.elasticloadbalancing.amazonaws.com`
    /// instead. Transcribed from AWS's "Enable access logs for your
    /// Application Load Balancer" page (Elastic Load Balancing User Guide,
    /// "Attach a policy to your S3 bucket"), the same table as the Classic
    /// Load Balancer guide's; regenerate by hand when AWS adds one.
    static let elasticLoadBalancing: [String: String] = [
        "127311923021": "us-east-1", "033677994240": "us-east-2", "027434742980": "us-west-1",
        "797873946194": "us-west-2", "098369216593": "af-south-1", "754344448648": "ap-east-1",
        "589379963580": "ap-southeast-3", "718504428378": "ap-south-1", "383597477331": "ap-northeast-3",
        "600734575887": "ap-northeast-2", "114774131450": "ap-southeast-1", "783225319266": "ap-southeast-2",
        "582318560864": "ap-northeast-1", "985666609251": "ca-central-1", "054676820928": "eu-central-1",
        "156460612806": "eu-west-1", "652711504416": "eu-west-2", "635631232127": "eu-south-1",
        "009996457667": "eu-west-3", "897822967062": "eu-north-1", "076674570225": "me-south-1",
        "507241528517": "sa-east-1", "048591011584": "us-gov-west-1", "190560391635": "us-gov-east-1",
        "638102146993": "cn-north-1", "037604701340": "cn-northwest-1",
    ]

    /// True for an account a service of AWS acts from.
    static func contains(_ account: String) -> Bool { elasticLoadBalancing[account] != nil }
}
