import Foundation
import Testing

/// `taplint diff` and `check --base`, run through the built binary on a
/// scratch git repository, the way a pull request's CI runs them.
@Suite struct ChangeGateTests {
    static let table = """
    Resources:
      Table:
        Type: AWS::DynamoDB::Table
        Properties:
          BillingMode: PAY_PER_REQUEST
          KeySchema: [{AttributeName: id, KeyType: HASH}]
          AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
          PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}

    """

    /// Runs git in `directory`, failing the test when git fails.
    static func git(_ arguments: [String], in directory: URL) throws {
        let run = try CLI.run(["-c", "import subprocess, sys; sys.exit(subprocess.run(['git'] + sys.argv[1:]).returncode)"]
            + arguments, in: directory, environment: ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                                                      "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"],
            python: true)
        #expect(run.status == 0, "git \(arguments): \(run.stderr)")
    }

    /// A repository with three commits: a table and a queue; a tag added
    /// (an ordinary update); the key schema changed, the queue's template
    /// deleted.
    static func repository() throws -> URL {
        let root = try CLI.directory([
            "stacks/table.yaml": table,
            "stacks/queue.yaml": "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n",
        ])
        try git(["init", "-q"], in: root)
        try git(["add", "-A"], in: root)
        try git(["commit", "-q", "-m", "one"], in: root)
        try (table + "      Tags: [{Key: team, Value: orders}]\n")
            .write(to: root.appendingPathComponent("stacks/table.yaml"), atomically: true, encoding: .utf8)
        try git(["commit", "-q", "-am", "two"], in: root)
        try (table.replacingOccurrences(of: "AttributeName: id", with: "AttributeName: pk") + "      Tags: [{Key: team, Value: orders}]\n")
            .write(to: root.appendingPathComponent("stacks/table.yaml"), atomically: true, encoding: .utf8)
        try git(["rm", "-q", "stacks/queue.yaml"], in: root)
        try git(["commit", "-q", "-am", "three"], in: root)
        return root
    }

    static func changes(_ run: CLI.Run) throws -> [String] {
        let findings = try CLI.json(run.stdout)["findings"] as? [[String: Any]] ?? []
        return findings.filter { $0["category"] as? String == "change" }
            .map { "\($0["file"] ?? "") \($0["rule"] ?? "") \($0["severity"] ?? "")" }
    }

    @Test func checkBaseReportsWhatEachCommitWouldDo() throws {
        let root = try Self.repository()
        // Against the commit before: the key schema change replaces the
        // table, and the deleted template's queue goes with its messages.
        let last = try CLI.run(["check", "--base", "HEAD~1", "--format", "json", "."], in: root)
        #expect(last.status == 1)
        // The deleted template's finding points into its last version, as git names it.
        #expect(try Self.changes(last) == ["HEAD~1:stacks/queue.yaml CHG002 error", "stacks/table.yaml CHG001 error"])
        let middle = try CLI.run(["check", "--base", "HEAD~2", "--select", "change", "--format", "json", "table.yaml"],
                                 in: root.appendingPathComponent("stacks"))
        #expect(try Self.changes(middle) == ["table.yaml CHG001 error"], "works from a subfolder, paths relative to it")
        // A template that did not exist at the base has nothing to compare.
        try Self.table.write(to: root.appendingPathComponent("stacks/new.yaml"), atomically: true, encoding: .utf8)
        let fresh = try CLI.run(["check", "--base", "HEAD", "--select", "change", "stacks/new.yaml"], in: root)
        #expect(fresh.status == 0, "\(fresh.stdout)")
    }

    @Test func anUnknownRefIsOneLineAndExitTwo() throws {
        let root = try Self.repository()
        let run = try CLI.run(["check", "--base", "no-such-branch", "."], in: root)
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains("no-such-branch"))
        let outside = try CLI.run(["check", "--base", "HEAD", "."], in: try CLI.directory(["t.yaml": Self.table]))
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("git repository"))
    }

    @Test func diffComparesTwoFiles() throws {
        let root = try CLI.directory([
            "old.yaml": Self.table,
            "new.yaml": Self.table.replacingOccurrences(of: "Table:", with: "Orders:"),
            "same.yaml": Self.table.replacingOccurrences(of: "[{AttributeName: id, KeyType: HASH}]",
                                                         with: "\n        - AttributeName: id\n          KeyType: HASH"),
        ])
        let renamed = try CLI.run(["diff", "old.yaml", "new.yaml", "--format", "json"], in: root)
        #expect(renamed.status == 1)
        #expect(try Self.changes(renamed) == ["new.yaml CHG001 error"])
        // The same meaning in another style is no change.
        let restyled = try CLI.run(["diff", "old.yaml", "same.yaml"], in: root)
        #expect(restyled.status == 0, "\(restyled.stdout)")
        // The old version from standard input, as `git show HEAD:file | taplint diff - file` gives it.
        let piped = try CLI.run(["diff", "-", "new.yaml", "--format", "json"], stdin: Self.table, in: root)
        #expect(try Self.changes(piped) == ["new.yaml CHG001 error"])
        let missing = try CLI.run(["diff", "old.yaml", "gone.yaml"], in: root)
        #expect(missing.status == 2)
    }
}
