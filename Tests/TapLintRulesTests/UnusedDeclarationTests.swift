import TapLintCore
import Testing
@testable import TapLintRules

@Suite struct UnusedDeclarationTests {
    /// `count` parameters and as many conditions, the even ones used (by
    /// Ref, by Sub, by a Condition attribute), the odd ones not: BP004 and
    /// BP005 name exactly the odd ones, on either side of the count where
    /// uses stop being compared with each declaration.
    @Test(arguments: [1, 2, UnusedDeclaration.comparedDirectly, UnusedDeclaration.comparedDirectly + 1, 30])
    func unusedAreFoundAmongFewAndMany(_ count: Int) {
        var text = "Parameters:\n"
        for i in 0..<count { text += "  P\(i):\n    Type: String\n" }
        text += "Conditions:\n"
        for i in 0..<count { text += "  C\(i): !Equals [a, b]\n" }
        text += "Resources:\n"
        for i in stride(from: 0, to: count, by: 2) {
            let value = i % 4 == 0 ? "!Ref P\(i)" : "!Sub 'x-${P\(i)}'"
            text += "  Topic\(i):\n    Type: AWS::SNS::Topic\n    Condition: C\(i)\n    Properties:\n      TopicName: \(value)\n"
        }
        // A GetAtt of a name that is an unused parameter's does not use it.
        if count > 1 { text += "Outputs:\n  Out:\n    Value: !GetAtt P1.Arn\n" }
        let findings = Linter(options: LintOptions(asOf: "2026-12-03")).lint(Array(text.utf8), file: "t.yaml").findings
        let odd = stride(from: 1, to: count, by: 2).map { "\($0)" }
        #expect(findings.filter { $0.rule == "BP004" }.compactMap { $0.message.split(separator: "'").dropFirst().first?.dropFirst() }.map(String.init) == odd)
        #expect(findings.filter { $0.rule == "BP005" }.compactMap { $0.message.split(separator: "'").dropFirst().first?.dropFirst() }.map(String.init) == odd)
    }
}
