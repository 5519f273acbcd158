import Testing
import TapLintCore
import TapLintRules

/// Every place a policy document can be, in every form it can take, is read:
/// each template below allows Action "*" once, and IAM001 must find it.
@Suite struct PolicyLocationTests {
    static let star = "{Effect: Allow, Action: '*', Resource: '*'}"

    static let templates: [(String, String)] = [
        ("AWS::IAM::Role inline", "Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n      Policies: [{PolicyName: p, PolicyDocument: {Statement: [\(star)]}}]"),
        ("AWS::IAM::Role trust", "Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {Statement: [\(star)]}"),
        ("AWS::IAM::Policy", "Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: p\n      Roles: [r]\n      PolicyDocument: {Statement: \(star)}"),
        ("AWS::IAM::ManagedPolicy", "Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: {Statement: [\(star)]}"),
        ("AWS::IAM::User", "Type: AWS::IAM::User\n    Properties:\n      Policies: [{PolicyName: p, PolicyDocument: {Statement: [\(star)]}}]"),
        ("AWS::IAM::Group", "Type: AWS::IAM::Group\n    Properties:\n      Policies: [{PolicyName: p, PolicyDocument: {Statement: [\(star)]}}]"),
        ("AWS::S3::BucketPolicy", "Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: b\n      PolicyDocument: {Statement: [\(star)]}"),
        ("AWS::SQS::QueuePolicy", "Type: AWS::SQS::QueuePolicy\n    Properties:\n      Queues: [q]\n      PolicyDocument: {Statement: [\(star)]}"),
        ("AWS::SNS::TopicPolicy", "Type: AWS::SNS::TopicPolicy\n    Properties:\n      Topics: [t]\n      PolicyDocument: {Statement: [\(star)]}"),
        ("AWS::KMS::Key", "Type: AWS::KMS::Key\n    Properties:\n      KeyPolicy: {Statement: [\(star)]}"),
        ("AWS::SecretsManager::ResourcePolicy", "Type: AWS::SecretsManager::ResourcePolicy\n    Properties:\n      SecretId: s\n      ResourcePolicy: {Statement: [\(star)]}"),
        ("AWS::Logs::ResourcePolicy (JSON string)", "Type: AWS::Logs::ResourcePolicy\n    Properties:\n      PolicyName: p\n      PolicyDocument: '{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}'"),
        ("AWS::ECR::Repository", "Type: AWS::ECR::Repository\n    Properties:\n      RepositoryPolicyText: {Statement: [\(star)]}"),
        ("AWS::IoT::Policy", "Type: AWS::IoT::Policy\n    Properties:\n      PolicyDocument: {Statement: [\(star)]}"),
        ("SAM Policies", "Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: h\n      InlineCode: x\n      Policies: [{Statement: [\(star)]}]"),
        ("Fn::If branch", "Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: !If [C, {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: a}]}, {Statement: [\(star)]}]"),
        ("Fn::If in Action", "Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: {Statement: [{Effect: Allow, Action: !If [C, '*', s3:GetObject], Resource: '*'}]}"),
        ("Fn::Sub JSON", "Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: !Sub '{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"arn:${AWS::Partition}:s3:::x\"}]}'"),
        ("Fn::Join JSON", "Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: !Join ['', ['{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"', !Ref Bucket, '\"}]}']]"),
    ]

    @Test(arguments: templates.map(\.0))
    func wildcardActionIsFoundEverywhere(_ name: String) throws {
        let body = try #require(Self.templates.first { $0.0 == name }?.1)
        let text = """
        Transform: \(name == "SAM Policies" ? "AWS::Serverless-2016-10-31" : "[]")
        Conditions:
          C: !Equals [a, b]
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
          Subject:
            \(body)
        """
        let findings = Linter().lint(Array(text.utf8), file: "t.yaml").findings
        #expect(findings.filter { $0.rule == "IAM001" && $0.resource == "Subject" }.count == 1,
                "\(name): \(findings.map { "\($0.rule) \($0.message)" })")
    }

    /// A value's finding names its way from the field: the list item, then
    /// the `Fn::If` branch inside it.
    @Test func valuePathsRunThroughListsAndBranches() throws {
        let text = """
        Conditions:
          C: !Equals [a, b]
        Resources:
          Policy:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - {Effect: Allow, Action: [s3:GetObject, !If [C, s3:PutObject, '*']], Resource: '*'}
        """
        let finding = try #require(Linter().lint(Array(text.utf8), file: "t.yaml").findings.first { $0.rule == "IAM001" })
        #expect(finding.path.dotted == "Resources.Policy.Properties.PolicyDocument.Statement[0].Action[1].Fn::If[2]")
    }

    @Test func denyAndScopedStatementsAreQuiet() {
        let text = """
        Resources:
          Policy:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - {Effect: Deny, Action: '*', Resource: '*', Condition: {Bool: {aws:SecureTransport: false}}}
                  - {Effect: Allow, Action: [ec2:DescribeInstances, s3:ListAllMyBuckets], Resource: '*'}
        """
        let iam = Linter().lint(Array(text.utf8), file: "t.yaml").findings.filter { $0.category == .iam }
        #expect(iam.isEmpty, "\(iam.map(\.message))")
    }
}
