import Foundation
import Testing

/// `check --fix` through the built binary: files written atomically with
/// their permissions, `--diff` writing nothing, standard input to standard
/// output, and a folder that cannot be written losing nothing.
@Suite struct FixCommandTests {
    static let template = """
    # the queue's policy
    Resources:
      Queue:
        Type: AWS::SQS::Queue
      Policy:
        Type: AWS::SQS::QueuePolicy
        Properties:
          Queues: [!Ref Queue]
          PolicyDocument:
            Statement:
              - Effect: Allow
                Principal: {Service: sns.amazonaws.com}
                Action: sqs:SendMessage
                Resource: arn:aws:sqs:*:*:*   # any queue, for now

    """
    static let fixed = template.replacingOccurrences(of: "Resource: arn:aws:sqs:*:*:*",
                                                     with: "Resource: !Sub 'arn:${AWS::Partition}:sqs:*:*:*'")

    static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func fixWritesTheFileAndReportsWhatIsLeft() throws {
        let root = try CLI.directory(["t.yaml": Self.template])
        let file = root.appendingPathComponent("t.yaml")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let run = try CLI.run(["check", "--fix", "--show", "info", "t.yaml"], in: root)
        #expect(try Self.read(file) == Self.fixed)
        #expect(run.stdout.contains("; 1 fixed"), "\(run.stdout)")
        #expect(!run.stdout.contains("ARN001"))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o640, "the template keeps its permissions")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "t.yaml" }
        #expect(leftovers.isEmpty, "no temporary file is left: \(leftovers)")
        // Nothing more to fix: the file is not touched again.
        let again = try CLI.run(["check", "--fix", "--format", "json", "t.yaml"], in: root)
        #expect(again.stdout.contains("\"fixed\": 0"))
        #expect(try Self.read(file) == Self.fixed)
    }

    @Test func diffShowsTheFixAndWritesNothing() throws {
        let root = try CLI.directory(["t.yaml": Self.template])
        let run = try CLI.run(["check", "--fix", "--diff", "t.yaml"], in: root)
        #expect(run.status == 1)
        let lines = Self.template.split(separator: "\n", omittingEmptySubsequences: false)
        let fixedLine = Self.fixed.split(separator: "\n", omittingEmptySubsequences: false)[13]
        let context: String = lines[10...12].map { " " + $0 + "\n" }.joined()
        let expected: String = "--- a/t.yaml\n+++ b/t.yaml\n@@ -11,4 +11,4 @@\n" + context + "-\(lines[13])\n+\(fixedLine)\n"
        #expect(run.stdout == expected)
        #expect(try Self.read(root.appendingPathComponent("t.yaml")) == Self.template)
        try Self.fixed.write(to: root.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        let clean = try CLI.run(["check", "--fix", "--diff", "t.yaml"], in: root)
        #expect(clean.status == 0 && clean.stdout.isEmpty)
        let alone = try CLI.run(["check", "--diff", "t.yaml"], in: root)
        #expect(alone.status == 2, "--diff without --fix is a usage error")
    }

    @Test func standardInputIsFixedToStandardOutput() throws {
        let run = try CLI.run(["check", "--fix", "-"], stdin: Self.template)
        #expect(run.stdout == Self.fixed)
        #expect(run.stderr.contains("1 fixed"), "the report goes to standard error")
    }

    @Test func aFolderThatCannotBeWrittenLosesNothing() throws {
        let root = try CLI.directory(["ro/t.yaml": Self.template])
        let folder = root.appendingPathComponent("ro")
        // Root writes anywhere a mode allows nothing: an immutable folder stops it too.
        let locked = getuid() == 0 ? try CLI.run(["-c", "import subprocess, sys; sys.exit(subprocess.run(['chattr', '+i', sys.argv[1]]).returncode)",
                                                   folder.path], python: true).status == 0
            : (try? FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)) != nil
        defer {
            if getuid() == 0 { _ = try? CLI.run(["-c", "import subprocess, sys; subprocess.run(['chattr', '-i', sys.argv[1]])", folder.path], python: true) }
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        }
        try #require(locked, "cannot make a folder unwritable here (chattr needs an ext4-like file system)")
        let run = try CLI.run(["check", "--fix", "ro/t.yaml"], in: root)
        #expect(run.status == 2)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("ro/t.yaml"))
        #expect(try Self.read(folder.appendingPathComponent("t.yaml")) == Self.template)
    }
}
