import Foundation
import Testing

/// Whatever lands in a pull request, taplint answers with a finding or a
/// command error, never a crash or a hang. Time and memory on these inputs
/// are measured by scripts/bench, not asserted here.
@Suite struct HostileInputTests {
    static func aliasBomb() -> String {
        var text = "Resources:\n  R:\n    Type: AWS::SNS::Topic\nMetadata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            text += "  a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text
    }

    static let cases: [(name: String, content: @Sendable () -> [UInt8], rule: String)] = [
        ("alias bomb", { Array(aliasBomb().utf8) }, "SYN004"),
        ("100,000-deep sequences", { Array(("Resources: " + String(repeating: "[", count: 100_000)).utf8) }, "SYN004"),
        ("100,000-deep mappings", { Array(("Resources: " + String(repeating: "{a: ", count: 100_000)).utf8) }, "SYN004"),
        ("binary data", { (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) } }, "SYN001"),
        ("invalid UTF-8", { Array("Resources:\n  Q:\n    Type: ".utf8) + [0xC3, 0x28, 0xFF] }, "SYN001"),
        ("empty file", { [] }, "SYN005"),
        ("YAML but not a template", { Array("name: app\nreplicas: 3\n".utf8) }, "SYN005"),
        ("a bare scalar", { Array("just a string\n".utf8) }, "SYN005"),
        ("a list", { Array("- Resources\n- AWSTemplateFormatVersion\n".utf8) }, "SYN005"),
        ("keys that are not strings", { Array("Resources:\n  ? [a, b]\n  : {Type: AWS::SNS::Topic}\n".utf8) }, "SYN006"),
        ("tabs for indentation", { Array("Resources:\n\tQueue:\n\t\tType: AWS::SQS::Queue\n".utf8) }, "SYN001"),
        ("10,000 resources", {
            Array(("Resources:\n" + (0..<10_000).map { "  Topic\($0):\n    Type: AWS::SNS::Topic\n" }.joined()).utf8)
        }, "SCH005"),
    ]

    @Test(arguments: cases.map(\.name))
    func answersWithAFinding(_ name: String) throws {
        let hostile = try #require(Self.cases.first { $0.name == name })
        let dir = try CLI.directory([:])
        let file = dir.appendingPathComponent("input.yaml")
        try Data(hostile.content()).write(to: file)
        let run = try CLI.run(["check", "--format", "json", "input.yaml"], in: dir)
        #expect(run.status == 1, "\(name): exit \(run.status), stderr \(run.stderr)")
        let findings = (try CLI.json(run.stdout)["findings"] as? [[String: Any]]) ?? []
        #expect(findings.contains { $0["rule"] as? String == hostile.rule }, "\(name): \(findings.map { $0["rule"] ?? "" })")
    }

    @Test func fiftyMegabytesAreRefusedUnread() throws {
        let dir = try CLI.directory([:])
        let file = dir.appendingPathComponent("huge.yaml")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 50 * 1024 * 1024)
        try handle.close()
        let run = try CLI.run(["check", "huge.yaml"], in: dir)
        #expect(run.status == 1)
        #expect(run.stdout.contains("huge.yaml:1:1: error SYN004 input-too-complex"))
        #expect(run.stdout.contains("the file is 52428800 bytes; taplint reads at most 10485760"))
        let allowed = try CLI.run(["check", "--max-file-size", "100000000", "huge.yaml"], in: dir)
        #expect(allowed.status == 1 && allowed.stdout.contains("SYN001"), "50 MB of NUL bytes is no YAML")
    }
}
