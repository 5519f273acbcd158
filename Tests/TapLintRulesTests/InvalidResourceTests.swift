import Testing
@testable import TapLintRules

/// The resources IAM takes: `*`, or an ARN of six parts, any of them
/// wildcards, the region and account of some empty.
@Suite struct InvalidResourceTests {
    @Test(arguments: [
        "*", "arn:aws:s3:::reports/*", "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:sqs:*:*:*",
        "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/app:*",
        "arn:aws-us-gov:dynamodb:us-gov-west-1:123456789012:table/orders/index/*", "arn:*:s3:::*",
    ])
    func whatIAMTakesIsQuiet(_ resource: String) {
        #expect(InvalidResource.problem(resource) == nil, "\(resource)")
    }

    @Test(arguments: [
        ("arn:aws:sns:*:*", "this has 5"), ("<your_secret_arn>", "only * or an ARN"), ("reports-bucket", "only * or an ARN"),
        ("arn:aws:sqs:${AWS::Region}:jobs", "this has 5"), ("arn::s3:::bucket", "no partition"), ("arn:aws::::x", "no service"),
        ("arn:aws:s3:::", "no resource part"), ("", "only * or an ARN"),
    ])
    func whatIAMRefusesIsNamed(_ resource: String, _ words: String) {
        #expect(InvalidResource.problem(resource)?.contains(words) == true, "\(resource): \(InvalidResource.problem(resource) ?? "nil")")
    }
}
