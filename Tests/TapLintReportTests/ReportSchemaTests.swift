import Foundation
import Testing
import TapLintCore
import TapLintReport
import TapLintRules

/// The JSON report's contract lives in docs/report.schema.json (JSON Schema
/// draft 2020-12) and docs/report.md. Every committed snapshot and a fresh
/// report of every sample must validate against it, judged by the
/// `jsonschema` Python package, the validator users' own scripts reach for.
@Suite struct ReportSchemaTests {
    static let schemaPath = "docs/report.schema.json"

    /// True when `python3 -c "import jsonschema"` works here.
    static let validatorAvailable: Bool = {
        (try? python(["-c", "import jsonschema"]).status) == 0
    }()

    @Test func schemaNamesEveryCategoryAndSeverity() throws {
        let text = try #require(Repository.read(Self.schemaPath))
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let properties = schema["properties"] as? [String: Any]
        #expect((properties?["schemaVersion"] as? [String: Any])?["const"] as? Int == JSONReporter.schemaVersion)
        let finding = ((schema["$defs"] as? [String: Any])?["finding"] as? [String: Any])?["properties"] as? [String: Any]
        let categories = Set((finding?["category"] as? [String: Any])?["enum"] as? [String] ?? [])
        #expect(Set(Category.allCases.map(\.rawValue)).isSubset(of: categories))
        let severities = (finding?["severity"] as? [String: Any])?["enum"] as? [String] ?? []
        #expect(Set(severities) == Set(Severity.allCases.map(\.rawValue)))
    }

    @Test(.enabled(if: validatorAvailable, "needs python3 with the jsonschema package (pip install jsonschema)"))
    func everySampleReportValidates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("taplint-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var reports = Repository.files(under: "samples/expected", extensions: ["json"]).map { Repository.url($0).path }
        #expect(reports.count == SampleSnapshotTests.samples.count + DeploymentSampleTests.valueFiles.count
            + DeploymentSampleTests.commandSnapshots.count)
        // One report of every sample at once: several files, every severity.
        let all = SampleSnapshotTests.samples.map { sample in
            SampleSnapshotTests.linter.lint(Array((Repository.read(sample) ?? "").utf8), file: sample)
        }
        let combined = folder.appendingPathComponent("all-samples.json")
        try JSONReporter().render(RunResult(reports: all, seconds: 0)).write(to: combined, atomically: true, encoding: .utf8)
        reports.append(combined.path)
        let run = try Self.python(["-", Repository.url(Self.schemaPath).path] + reports, script: Self.validate)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("\(reports.count) valid"), "\(run.output)")

        // The validator is not a formality: a finding of no known category fails.
        let broken = folder.appendingPathComponent("broken.json")
        let text = try String(contentsOf: combined, encoding: .utf8).replacingOccurrences(of: "\"category\": \"arn\"",
                                                                                          with: "\"category\": \"arns\"")
        try text.write(to: broken, atomically: true, encoding: .utf8)
        let rejected = try Self.python(["-", Repository.url(Self.schemaPath).path, broken.path], script: Self.validate)
        #expect(rejected.status != 0 && rejected.output.contains("arns"), "\(rejected.output)")
    }

    /// Checks the schema against the draft's metaschema, then each report.
    static let validate = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for path in sys.argv[2:]:
            errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.path))
            for error in errors[:5]:
                print(f"{path}: {list(error.path)}: {error.message}")
            if errors:
                sys.exit(1)
        print(f"{len(sys.argv) - 2} valid")
        """

    static func python(_ arguments: [String], script: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = input
        try process.run()
        if let script { input.fileHandleForWriting.write(Data(script.utf8)) }
        try input.fileHandleForWriting.close()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
