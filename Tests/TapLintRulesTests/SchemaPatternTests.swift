import Foundation
import Testing
import TapLintCore

/// Every `pattern` in the catalog, read by Swift's regular expressions the
/// way cfn-lint's Python reads it. Patterns Swift cannot compile are not
/// judged at all; they are listed in Tests/Patterns/unsupported-patterns.txt
/// (rewrite with TAPLINT_RECORD=1 and review).
@Suite struct SchemaPatternTests {
    static let patterns: [String] = {
        var all = Set<String>()
        for name in Catalog.typeNames {
            for constraint in Catalog.type(named: name)?.constraints.all ?? [] {
                if let pattern = constraint.pattern { all.insert(pattern) }
            }
        }
        return all.sorted()
    }()

    static let listFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Patterns/unsupported-patterns.txt")

    /// Strings of the kinds templates hold, to try every pattern on.
    static let probes = [
        "", "a", "A", "abc", "abc-123", "my logs", "my_bucket.v2", "x/y/z", "-lead", "trail-", "trail.",
        "arn:aws:s3:::bucket", "arn:aws:iam::123456789012:role/app", "arn:aws-cn:lambda:cn-north-1:123456789012:function:f",
        "123456789012", "10.0.0.0/16", "2001:db8::/32", "us-east-1", "sg-0123456789abcdef0", "vpc-1a2b3c4d",
        "Hello World!", "a@b.com", "https://example.com/x?y=1", "{{resolve:ssm:/x}}", "name:with:colons",
        "tab\there", "line\nbreak", "ünïcode", "UPPER_CASE", "0", "-1", "1.5", "*", "a b c d e f g h",
        String(repeating: "x", count: 300), "Z", "a]b", "a[b", "a&b", "a~b",
        "/", "/app/", "/app", "app/", "custom-x", "2026-12-05", "2026-12-05T10:00:00Z", "10.0.0.0/24", "${aws:username}",
        // A block scalar's text ends in a newline, before which Python's `$` matches.
        "Allows web traffic\n", "ab\n", "ab\n\n", "a-1\r\n",
    ]

    @Test func patternsSwiftCannotReadAreListed() throws {
        let unsupported = Self.patterns.filter { !SchemaPattern.isSupported($0) }
        let text = unsupported.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["TAPLINT_RECORD"] == "1" {
            try text.write(to: Self.listFile, atomically: true, encoding: .utf8)
        }
        let recorded = (try? String(contentsOf: Self.listFile, encoding: .utf8)) ?? ""
        #expect(recorded == text, "unsupported patterns changed: review, then TAPLINT_RECORD=1 swift test")
        #expect(Self.patterns.count > 1500)
        #expect(unsupported.count * 10 < Self.patterns.count, "\(unsupported.count) of \(Self.patterns.count) unsupported")
    }

    /// Swift's answer for each probe must be Python's, for every pattern
    /// both can compile.
    @Test(.enabled(if: ReportPython.available, "needs python3"))
    func patternsMeanWhatTheyMeanInPython() throws {
        let supported = Self.patterns.filter(SchemaPattern.isSupported)
        let input = try JSONSerialization.data(withJSONObject: ["patterns": supported, "probes": Self.probes])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("taplint-patterns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("in.json")
        try input.write(to: file)
        let (status, output) = try ReportPython.run(["-c", """
            import json, re, sys
            data = json.load(open(sys.argv[1]))
            out = []
            for p in data["patterns"]:
                try:
                    r = re.compile(p)
                except re.error:
                    out.append(None)
                    continue
                out.append([r.search(s) is not None for s in data["probes"]])
            print(json.dumps(out))
            """, file.path])
        #expect(status == 0, "\(output)")
        let answers = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [Any])
        var compared = 0
        var differences: [String] = []
        for (pattern, answer) in zip(supported, answers) {
            guard let python = answer as? [Bool] else { continue }
            compared += 1
            for (probe, expected) in zip(Self.probes, python) where SchemaPattern.matches(pattern, probe) != expected {
                differences.append("\(pattern) on \(probe.debugDescription): Python \(expected)")
            }
        }
        #expect(compared > 1500)
        // Nearly half the patterns take the plain-ASCII fast path, which this compares too.
        #expect(supported.filter(SchemaPattern.hasFastPath).count * 5 > supported.count * 2)
        #expect(differences.isEmpty, "\(differences.count) differences, e.g. \(differences.prefix(10))")
    }
}

/// python3, for tests that ask Python what it makes of something.
enum ReportPython {
    static let available = (try? run(["-c", "pass"]).0) == 0

    static func run(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
