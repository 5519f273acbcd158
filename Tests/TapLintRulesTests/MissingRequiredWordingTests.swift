import Testing
import TapLintCore
import TapLintRules

/// SCH003 says which property is missing, where, and, for one an `Fn::If`
/// leaves out, when; the names are data, never quoted into one another.
@Suite struct MissingRequiredWordingTests {
    static func finding(_ properties: String) throws -> Finding {
        let text = """
        Conditions:
          UseKey: !Equals [!Ref AWS::Region, us-east-1]
        Resources:
          Queue:
            Type: AWS::SQS::Queue
          Rule:
            Type: AWS::Events::Rule
            Properties:
              ScheduleExpression: rate(1 hour)
              Targets:
                - \(properties)
        """
        let findings = Linter().lint(Array(text.utf8), file: "t.yaml").findings.filter { $0.rule == "SCH003" }
        #expect(findings.count == 1)
        return try #require(findings.first)
    }

    @Test func aMissingPropertyIsNamedWithItsPlace() throws {
        let found = try Self.finding("Arn: !GetAtt Queue.Arn")
        #expect(found.message == "Rule is missing required property 'Id' in Properties.Targets[0]")
        #expect(found.fix == "add 'Id'")
    }

    @Test func onlyAnFnIfLeavesItOutSaysWhen() throws {
        let found = try Self.finding("{Id: !If [UseKey, queue, !Ref AWS::NoValue], Arn: !GetAtt Queue.Arn}")
        #expect(found.message == "Rule is missing required property 'Id' in Properties.Targets[0] when the Fn::If on 'UseKey' gives AWS::NoValue")
        #expect(found.fix == "give 'Id' a value in both branches of the Fn::If")
    }
}
