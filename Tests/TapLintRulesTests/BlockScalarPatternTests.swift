import Testing
import TapLintCore
import TapLintRules

/// A block scalar's text ends in a newline. cfn-lint's Python matches a
/// schema pattern's `$` before it, so a one-line description written with
/// `|` or `>` is valid; a newline inside the text is not (cfn-lint 1.51.0
/// reports E3031 on exactly the last two of these).
@Suite struct BlockScalarPatternTests {
    static let template = """
        Resources:
          Folded:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: >
                Web traffic only
          Literal:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: |
                Web traffic only
          TwoLines:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: |
                Web traffic
                only
          Percent:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: "100% web"
        """

    @Test func aFinalNewlineMeetsThePatternAsInCfnLint() {
        let findings = Linter(options: LintOptions(asOf: "2026-12-03")).lint(Array(Self.template.utf8), file: "t.yaml").findings
        #expect(findings.filter { $0.rule == "SCH010" }.compactMap(\.resource) == ["TwoLines", "Percent"])
    }
}
