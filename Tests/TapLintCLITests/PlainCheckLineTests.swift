import ArgumentParser
import Testing
@testable import taplint

/// `PlainCheckLine` reads `taplint check` lines without swift-argument-parser;
/// the parser is the oracle. A line the plain reader takes must give the
/// very command the parser gives (every property, compared by `dump`), and
/// a line it is unsure of must go to the parser.
@Suite struct PlainCheckLineTests {
    /// A value for each of `check`'s options (none for a flag). A new option
    /// fails `everyOptionIsKnown` until it is here and read.
    static let values: [String: String?] = [
        "format": "json", "output": "report.json", "fail-on": "never", "show": "info", "config": "ci.taplint.yml",
        "select": "IAM,CYC001", "ignore": "TAG001", "as-of": "2026-12-03", "parameters": "Env=prod,Size=2",
        "parameter-file": "params.json", "config-env": "staging", "deployment-file": "deploy.yaml",
        "region": "eu-west-1", "base": "origin/main", "baseline": "old.json", "jobs": "3", "max-file-size": "4096",
        "fix": nil, "diff": nil, "skip-non-templates": nil, "force-exclude": nil,
    ]

    @Test func everyOptionIsKnown() {
        let help = CheckCommand.helpMessage(columns: 400)
        // Each option's line of the help starts with its names.
        let names = help.split(separator: "\n").flatMap { line in
            line.drop(while: { $0 == " " }).prefix { $0 != " " }.split(separator: ",")
        }.filter { $0.hasPrefix("--") }.map { String($0.dropFirst(2)) }
        #expect(Set(names).subtracting(["help"]) == Set(Self.values.keys))
    }

    /// Each option alone, spelt both ways, and all of them in one line.
    static let plainLines: [[String]] = {
        var lines: [[String]] = [["check"], ["check", "a.yaml"], ["check", "a.yaml", "lib/", "b.json"], ["check", "check"],
                                 ["check", "a b.yaml", "x=y.yaml", "modèle.yaml", "rules", "--config", "a=b"]]
        for (name, value) in values.sorted(by: { $0.key < $1.key }) where name != "diff" {
            guard let value else { lines.append(["check", "--\(name)", "a.yaml"]); continue }
            lines.append(["check", "--\(name)", value, "a.yaml"])
            lines.append(["check", "a.yaml", "--\(name)=\(value)"])
        }
        lines.append(["check", "--fix", "--diff", "a.yaml"])
        lines.append(["check", "--select", "IAM", "--select=TAG", "--region", "us-east-1", "--region=eu-west-1",
                      "--parameters", "A=1", "--parameters", "B=2", "--ignore", "CYC", "--ignore", "ARN", "x.yaml"])
        lines.append(["check"] + values.sorted(by: { $0.key < $1.key }).flatMap { name, value -> [String] in
            guard name != "fix", name != "diff" else { return [] }
            return value.map { ["--\(name)", $0] } ?? ["--\(name)"]
        } + ["a.yaml", "b.yaml"])
        return lines
    }()

    @Test(arguments: plainLines) func readAsTheParserReadsIt(_ line: [String]) throws {
        let parsed = try #require(try TapLint.parseAsRoot(line) as? CheckCommand)
        let plain = try #require(PlainCheckLine.command(line))
        #expect(Self.dumped(plain) == Self.dumped(parsed))
    }

    /// Lines the parser answers itself: help, version and completion; what
    /// it refuses (with its message); what the plain reader cannot be sure of.
    static let declinedLines: [[String]] = [
        ["check", "--help"], ["check", "-h"], ["check", "help"], ["--version"], ["help", "check"],
        ["--generate-completion-script", "bash"], ["rules"], ["explain", "CYC001"], [],
        ["check", "--format", "xml"], ["check", "--fail-on=bogus"], ["check", "--jobs", "0"], ["check", "--jobs", "two"],
        ["check", "--max-file-size", "0"], ["check", "--as-of", "yesterday"], ["check", "--diff", "a.yaml"],
        ["check", "--fix", "--base", "main"], ["check", "--fix=true"], ["check", "--format"], ["check", "--format="],
        ["check", "--format", "--show", "info"], ["check", "--format", "json", "--format", "text"],
        ["check", "--fix", "--fix"], ["check", "--bogus"], ["check", "-"], ["check", "--", "--odd.yaml"],
        ["check", "-x"], ["check", "--jobs", "-1"], ["check", "--output", "-"],
    ]

    @Test(arguments: declinedLines) func declinesWhatItIsUnsureOf(_ line: [String]) {
        #expect(PlainCheckLine.command(line) == nil)
    }

    /// The whole command as text: every property wrapper with its value, or
    /// with its definition where one was left unset (which would trap on use).
    /// An option group's help title is left out: the parser's decoding drops
    /// it from the groups it makes, and only help, which is the parser's,
    /// reads it.
    static func dumped(_ command: CheckCommand) -> String {
        var text = ""
        dump(command, to: &text)
        return text.split(separator: "\n").filter { !$0.drop(while: { $0 == " " }).hasPrefix("- title: ") }.joined(separator: "\n")
    }
}
