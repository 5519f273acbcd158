import Testing
import TapLintCore
import TapLintRules

/// Globals as SAM merges them, and `IgnoreGlobals` as SAM honours it.
@Suite struct ServerlessGlobalsTests {
    static let template = """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.13
            Handler: app.handler
            CodeUri: s3://artifacts/app.zip
            Tags:
              Environment: prod
        Resources:
          Tagged:
            Type: AWS::Serverless::Function
          Untagged:
            Type: AWS::Serverless::Function
            IgnoreGlobals: [Tags]
          Image:
            Type: AWS::Serverless::Function
            IgnoreGlobals: "*"
            Properties:
              PackageType: Image
              ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1
              Tags:
                Environment: prod
        """

    static func findings(_ rule: String) -> [String] {
        let options = LintOptions(requiredTags: [RequiredTag(key: "Environment", value: nil)])
        return Linter(options: options).lint(Array(template.utf8), file: "t.yaml").findings
            .filter { $0.rule == rule }.map(\.message)
    }

    @Test func globalTagsCountUnlessTheResourceIgnoresThem() {
        let missing = Self.findings("TAG001")
        #expect(missing.count == 1)
        #expect(missing.first?.contains("Untagged") == true)
    }

    @Test func ignoredGlobalsAreNotTheFunctionsOwn() {
        // The image function ignores the Zip functions' Runtime, Handler and CodeUri.
        #expect(Self.findings("SCH014").isEmpty)
    }
}
