import Foundation
import Testing

/// The SAM transform's own test cases (../shared/sam-translator: each SAM
/// input and the CloudFormation the translator makes of it) as the oracle
/// for reading SAM: a cycle taplint finds in a SAM input must be one the
/// translated template has, and the reverse.
@Suite struct SAMTranslatorTests {
    static let cases = CLI.repository.deletingLastPathComponent().appendingPathComponent("shared/sam-translator")

    /// The file names (without extension) in which `taplint check` reports `rule`.
    static func files(reporting rule: String, in folder: String) throws -> Set<String> {
        let run = try CLI.run(["check", "--select", rule, "--format", "json", "--fail-on", "never",
                               cases.appendingPathComponent(folder).path])
        let findings = (try CLI.json(run.stdout)["findings"] as? [[String: Any]]) ?? []
        return Set(findings.compactMap { ($0["file"] as? String).map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } })
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: cases.path),
                   "needs the SAM translator's test cases beside the repository (../shared/sam-translator)"))
    func cyclesAgreeWithTheTranslatedTemplates() throws {
        let inputs = try Self.files(reporting: "CYC001", in: "input")
        let outputs = try Self.files(reporting: "CYC001", in: "output")
        #expect(inputs == outputs, "only in the SAM source: \(inputs.subtracting(outputs)); only translated: \(outputs.subtracting(inputs))")
    }
}
