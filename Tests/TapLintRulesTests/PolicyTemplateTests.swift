import Testing
import TapLintCore
@testable import TapLintRules

/// SAM's policy templates, expanded as the transform expands them, so that
/// the IAM rules read the statements a function really gets.
@Suite struct PolicyTemplateTests {
    static func documents(_ policies: String) -> [PolicyDocument] {
        let text = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Queue: {Type: String, Default: jobs}
            Resources:
              Function:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  InlineCode: x
                  Policies:
            \(policies.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n"))
            """
        let template = Template(root: YAMLParser.parse(Array(text.utf8)).root!)!
        return PolicyDocument.all(in: template)
    }

    @Test func everyTemplateExpandsToStatementsWithItsParametersFilledIn() {
        #expect(PolicyTemplate.names.count >= 80)
        for name in PolicyTemplate.names {
            let policy = PolicyTemplate.named(name)!
            let arguments = policy.parameters.map { "\($0): given-\($0)" }.joined(separator: ", ")
            let documents = Self.documents("- \(name): {\(arguments)}")
            #expect(documents.count == 1 && documents[0].template == name, "\(name)")
            let statements = documents.first?.statements ?? []
            #expect(!statements.isEmpty && statements.allSatisfy { !$0.actions.isEmpty }, "\(name) expands to no statement")
            // No placeholder is left for a value the author gave.
            #expect(policy.parameters.allSatisfy { !policy.document(with: [$0: "\"v\""]).contains("{\"Ref\":\"\($0)\"}") },
                    "\(name) keeps a placeholder")
        }
    }

    @Test func theAuthorsValuesAreReadAsTheTransformWritesThem() {
        let documents = Self.documents("""
            - SQSSendMessagePolicy: {QueueName: !Ref Queue}
            - DynamoDBReadPolicy: {TableName: orders}
            - !If [Always, {S3ReadPolicy: {BucketName: assets}}, !Ref AWS::NoValue]
            """)
        #expect(documents.map(\.template) == ["SQSSendMessagePolicy", "DynamoDBReadPolicy", "S3ReadPolicy"])
        let resources = documents.map { $0.statements.flatMap(\.resources).compactMap(\.text) }
        // A Ref stays a part filled in at deploy time; literals are written in.
        #expect(resources[0] == ["arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${Queue}"])
        #expect(resources[1].contains("arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders"))
        #expect(resources[2].contains("arn:${AWS::Partition}:s3:::assets"))
        // Findings on expanded statements point at the template's name in the file.
        let start = documents[1].statements[0].range.start
        #expect((start.line, start.column) == (13, 11))
    }
}
