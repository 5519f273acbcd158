import TapLintCore
import Testing
@testable import TapLintRules

@Suite struct TagKeyTests {
    @Test(arguments: [("aws:team", true), ("AWS:team", true), ("Aws:", true), ("aws", false), ("awsteam", false),
                      ("aw", false), ("", false), ("team:aws:", false), ("äws:", false)])
    func reservedPrefixIsReadInAnyCase(_ key: String, _ reserved: Bool) {
        #expect(InvalidTagKey.isReserved(key) == reserved)
    }

    /// A queue with `count` tags `k0`, `k1`, … whose keys at `repeated` spell
    /// the key before them: the lines TAG002 reports.
    @Test(arguments: [1, 2, 16, 40])
    func repeatedKeysAreFound(_ count: Int) {
        let repeated: Set<Int> = count > 2 ? [1, count - 1] : count == 2 ? [1] : []
        var text = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n"
        // Keys of one length and of others, so that neither the length nor the text alone tells them apart.
        for i in 0..<count {
            let key = repeated.contains(i) ? "k\(i - 1)" : "k\(i)"
            text += "        - Key: \(key)\n          Value: v\n"
        }
        let findings = Linter(options: LintOptions(asOf: "2026-12-03")).lint(Array(text.utf8), file: "t.yaml").findings
        let lines = findings.filter { $0.rule == "TAG002" }.map(\.range.start.line)
        #expect(lines == repeated.sorted().map { 6 + 2 * $0 })
    }
}
