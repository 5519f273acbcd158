import Testing
import TapLintCore
import TapLintReport
import TapLintRules

/// Each folder under `samples/changes/` holds two versions of a template
/// (`old.yaml`, `new.yaml`) and the report `taplint diff` gives for them
/// (`expected.json`). A folder named `quiet-*` is an ordinary update that
/// must draw no finding; every other one must draw at least one.
@Suite struct ChangeSampleTests {
    static let cases = Set(Repository.files(under: "samples/changes", extensions: ["yaml"])
        .map { $0.split(separator: "/").dropLast().joined(separator: "/") }).sorted()

    /// What `taplint diff` reports: the change findings only.
    static func report(_ folder: String) throws -> FileReport {
        let old = try #require(Repository.read(folder + "/old.yaml"))
        let new = try #require(Repository.read(folder + "/new.yaml"))
        var report = Linter().lint(Array(new.utf8), file: folder + "/new.yaml",
                                   base: Base(bytes: Array(old.utf8), name: folder + "/old.yaml"))
        report.findings = report.findings.filter { $0.category == .change || $0.category == .syntax }
        return report
    }

    @Test func everyCaseOfTheContractIsCovered() {
        #expect(Self.cases.count >= 12, "\(Self.cases)")
    }

    @Test(arguments: cases)
    func reportMatchesExpected(_ folder: String) throws {
        let report = try Self.report(folder)
        if folder.split(separator: "/").last?.hasPrefix("quiet-") == true {
            #expect(report.findings.isEmpty, "\(folder): \(report.findings.map(\.message))")
        } else {
            #expect(!report.findings.isEmpty, "\(folder) draws no finding")
        }
        let json = JSONReporter().render(RunResult(reports: [report], seconds: 0))
        let expected = folder + "/expected.json"
        if Repository.recording { try Repository.write(json, to: expected) }
        #expect(Repository.read(expected) == json, "\(expected) differs: review, then TAPLINT_RECORD=1 swift test")
    }

    /// The contract's cases, by severity: data lost or an update that
    /// fails is an error.
    @Test func severitiesFollowTheContract() throws {
        func severities(_ name: String) throws -> [String] {
            try Self.report("samples/changes/" + name).findings.map { "\($0.rule) \($0.severity.rawValue)" }
        }
        #expect(try severities("table-key-schema") == ["CHG001 error"])
        #expect(try severities("table-renamed") == ["CHG001 error"])
        #expect(try severities("bucket-name") == ["CHG001 error"])
        #expect(try severities("table-removed") == ["CHG002 error"])
        #expect(try severities("queue-fifo") == ["CHG001 error"])
        #expect(try severities("export-renamed") == ["CHG003 error"])
        #expect(try severities("retention-dropped") == ["CHG004 warning"])
        // What the schema cannot decide is a warning that says so.
        #expect(try severities("name-from-parameter") == ["CHG001 warning"])
        #expect(try severities("database-engine") == ["CHG001 warning"])
    }
}
