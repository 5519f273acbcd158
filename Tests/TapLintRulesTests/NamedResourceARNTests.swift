import Testing
import TapLintCore
import TapLintRules

/// ARN007 finds the resource a hand-built ARN names by the name field of
/// each kind: a bucket's first path segment, a table after `table/`, a
/// function after `function:`.
@Suite struct NamedResourceARNTests {
    static func messages(_ resources: [String]) -> [String] {
        let template = """
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: orders
              KeySchema: [{AttributeName: id, KeyType: HASH}]
              AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
              BillingMode: PAY_PER_REQUEST
          Worker:
            Type: AWS::Lambda::Function
            Properties:
              FunctionName: worker
              Role: arn:aws:iam::123456789012:role/w
              Runtime: python3.13
              Handler: index.handler
              Code: {ZipFile: "def handler(e, c): pass"}
          Reports:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: reports
          Reader:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement:
                  - Effect: Allow
                    Action: ["dynamodb:GetItem", "lambda:InvokeFunction", "s3:GetObject"]
                    Resource: [\(resources.map { "\"\($0)\"" }.joined(separator: ", "))]
        """
        return Linter().lint(Array(template.utf8), file: "t.yaml").findings.filter { $0.rule == "ARN007" }.map(\.message)
    }

    @Test func eachKindIsFoundByItsNameField() {
        let found = Self.messages(["arn:aws:dynamodb:us-east-1:123456789012:table/orders/index/byDate",
                                   "arn:aws:lambda:us-east-1:123456789012:function:worker:live",
                                   "arn:aws:s3:::reports/monthly/*"])
        #expect(found.count == 3)
        #expect(found.contains { $0.contains("is Table's") })
        #expect(found.contains { $0.contains("is Worker's") })
        #expect(found.contains { $0.contains("is Reports's") })
    }

    @Test func otherNamesAndOtherFieldsAreNotTheResource() {
        #expect(Self.messages(["arn:aws:dynamodb:us-east-1:123456789012:table/ordersarchive",
                               "arn:aws:dynamodb:us-east-1:123456789012:stream/orders",
                               "arn:aws:lambda:us-east-1:123456789012:layer:worker",
                               "arn:aws:s3:::reportsold/*"]).isEmpty)
    }
}
