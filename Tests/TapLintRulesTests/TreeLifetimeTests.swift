import Foundation
import Testing
import TapLintCore
import TapLintRules

/// A run that ends with its report leaves the template's tree to the exit
/// (`LintOptions.treeOutlivesLint`): only what is freed may change, never
/// what is found.
@Suite struct TreeLifetimeTests {
    static func outline(_ report: FileReport) -> [String] {
        report.findings.map { "\($0.rule) \($0.severity) \($0.range) \($0.message)" }
    }

    @Test(arguments: [1, 2])
    func keepingTheTreeFindsTheSame(threads: Int) throws {
        let sample = Array(try Data(contentsOf: Corpus.repository.appendingPathComponent("samples/TapStack.yml")))
        // Large enough (over 64 KiB) that the tree is read and linted on every thread given.
        var large = "Resources:\n"
        for i in 0..<800 {
            large += "  Queue\(i):\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub '${AWS::StackName}-queue-\(i)'\n"
                + "      VisibilityTimeout: \(i % 2 == 0 ? "30" : "50000")\n"
        }
        #expect(large.utf8.count > 64 * 1024)
        for (name, bytes) in [("TapStack.yml", sample), ("large.yaml", Array(large.utf8))] {
            let options = LintOptions(threads: threads, asOf: "2026-12-03")
            let freed = Linter(options: options).lint(bytes, file: name)
            let kept = Linter(options: options.outlivingLint).lint(bytes, file: name)
            #expect(!freed.findings.isEmpty)
            #expect(Self.outline(kept) == Self.outline(freed))
        }
    }
}
