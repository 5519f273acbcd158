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

    static let corpus = CLI.repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// What scripts/sam-translate says of each template: whether the
    /// translator accepts it, and the resources it makes.
    struct Translation {
        var file: String
        var ok: Bool
        var error: String
        var resources: [String: String]
    }

    static func translate(_ files: [String], into folder: URL) throws -> [Translation] {
        let run = try CLI.run(["scripts/sam-translate", "--out", folder.path] + files, python: true)
        return try run.stdout.split(separator: "\n").map { line in
            let object = try CLI.json(String(line))
            return Translation(file: object["file"] as? String ?? "", ok: object["ok"] as? Bool ?? false,
                               error: object["error"] as? String ?? "", resources: object["resources"] as? [String: String] ?? [:])
        }
    }

    /// The resources taplint expects SAM to generate, as (id, type), and
    /// the translator's own list with content hashes cut from the ids taplint
    /// marks as hashed; the template's plain resources are left out of both.
    static func generated(_ translation: Translation) throws -> (taplint: Set<String>, translator: Set<String>) {
        let graph = try CLI.json(try CLI.run(["graph", "--format", "json", translation.file]).stdout)
        let listed = graph["generated"] as? [[String: Any]] ?? []
        let hashed = Set(listed.filter { $0["hashed"] as? Bool == true }.compactMap { $0["name"] as? String })
        let plain = Set((graph["resources"] as? [[String: Any]] ?? []).filter { !(($0["type"] as? String) ?? "").hasPrefix("AWS::Serverless::") }
            .compactMap { $0["name"] as? String })
        let taplint = Set(listed.map { "\($0["name"] as? String ?? "") \($0["type"] as? String ?? "")" })
        let translator = Set(translation.resources.filter { !plain.contains($0.key) }.map { name, type in
            let cut = hashed.first { name.hasPrefix($0) && name.count == $0.count + 10 }
            return "\(cut ?? name) \(type)"
        })
        return (taplint, translator)
    }

    static let samSamples = ["samples/good/sam-api/template.yaml", "samples/good/sam-appsync/template.yaml",
                             "samples/good/sam-s3-globals/template.yaml", "samples/good/sam-function.yaml",
                             "samples/bad/sam-mistakes/template.yaml"]

    /// The SAM samples, translated: the good ones are accepted and taplint
    /// names every resource the translator makes; the bad one is rejected
    /// for the entry SCH012 reports; and the translated templates, linted as
    /// plain CloudFormation, have no cycle.
    @Test(.enabled(if: CLI.samTranslatorAvailable, "needs python3 with aws-sam-translator (pip install aws-sam-translator)"))
    func samSamplesMeanWhatTheTranslatorSays() throws {
        let folder = try CLI.directory([:])
        let translations = try Self.translate(Self.samSamples, into: folder)
        #expect(translations.count == Self.samSamples.count)
        for translation in translations {
            if translation.file.hasPrefix("samples/bad/") {
                #expect(!translation.ok && translation.error.contains("Policy at index 1"), "\(translation.error)")
                let report = try CLI.run(["check", "--select", "SCH012", "--format", "json", translation.file])
                #expect((try CLI.json(report.stdout)["findings"] as? [Any])?.count == 1)
                continue
            }
            #expect(translation.ok, "\(translation.file): \(translation.error)")
            let (taplint, translator) = try Self.generated(translation)
            #expect(taplint == translator, "\(translation.file): only taplint \(taplint.subtracting(translator)); only SAM \(translator.subtracting(taplint))")
        }
        let cycles = try CLI.run(["check", "--select", "CYC001", "--fail-on", "never", folder.path])
        #expect(cycles.stdout.lowercased().hasPrefix("no findings"), "\(cycles.stdout)")
    }

    /// The translator's own test cases: how many of the 543 it translates
    /// taplint names every generated resource of, by id and type (531 when
    /// this floor was set; scripts/sam-agreement --show N lists the rest).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: cases.path) && CLI.samTranslatorAvailable,
                   "needs ../shared/sam-translator and python3 with aws-sam-translator"))
    func generatedResourcesAgreeWithTheTranslatorsCases() throws {
        let run = try CLI.run(["scripts/sam-agreement", Self.cases.path, "--taplint", CLI.binary.path, "--min", "531"], python: true)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    /// The same cases linted before and after the transform: how many give
    /// the same schema and value findings on the SAM source as on the
    /// translation linted as plain CloudFormation (530 of 543 when this
    /// floor was set; scripts/sam-schema-agreement --show N lists the rest:
    /// event, destination and policy properties SAM rewrites into other
    /// resources, which taplint does not judge on the source).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: cases.path) && CLI.samTranslatorAvailable,
                   "needs ../shared/sam-translator and python3 with aws-sam-translator"))
    func propertiesAreJudgedAsTheTranslationIs() throws {
        let run = try CLI.run(["scripts/sam-schema-agreement", Self.cases.path, "--taplint", CLI.binary.path, "--min", "530"],
                              python: true)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    /// The corpus's SAM templates that the translator accepts: taplint
    /// names what it generates, finds a cycle exactly where the translated
    /// template has one, and reports no SCH012 or SCH014 (which say the transform fails).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus.path) && CLI.samTranslatorAvailable,
                   "needs ../shared/corpus and python3 with aws-sam-translator"))
    func corpusSAMTemplatesAgreeWithTheTranslator() throws {
        let grep = try CLI.run(["-c", """
            import os, sys
            for root, _, files in os.walk(sys.argv[1]):
                for name in sorted(files):
                    path = os.path.join(root, name)
                    if name.endswith((".yaml", ".yml", ".json")) and "AWS::Serverless-2016-10-31" in open(path, errors="replace").read():
                        print(path)
            """, Self.corpus.path], python: true)
        let files = grep.stdout.split(separator: "\n").map(String.init).sorted()
        let folder = try CLI.directory([:])
        let accepted = try Self.translate(files, into: folder).filter(\.ok)
        #expect(accepted.count >= 25, "the translator accepts \(accepted.count) corpus templates")
        var agreeing = 0
        for translation in accepted {
            let (taplint, translator) = try Self.generated(translation)
            if taplint == translator { agreeing += 1 }
            let policies = try CLI.run(["check", "--select", "SCH012,SCH014", "--fail-on", "never", translation.file])
            #expect(policies.stdout.lowercased().hasPrefix("no findings"), "\(translation.file): \(policies.stdout)")
        }
        // One template puts another transform before SAM's, which taplint does not expand.
        #expect(agreeing >= accepted.count - 1, "\(agreeing) of \(accepted.count) agree")
        let source = try CLI.run(["check", "--select", "CYC001", "--format", "json", "--fail-on", "never"] + accepted.map(\.file))
        let translated = try CLI.run(["check", "--select", "CYC001", "--format", "json", "--fail-on", "never", folder.path])
        let inSource = (try CLI.json(source.stdout)["findings"] as? [[String: Any]] ?? []).count
        let inTranslated = (try CLI.json(translated.stdout)["findings"] as? [[String: Any]] ?? []).count
        #expect(inSource == inTranslated, "cycles: \(inSource) in the SAM sources, \(inTranslated) translated")
    }
}
