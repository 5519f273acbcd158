import Testing

/// The options that take one of a few words (`Choice`) still name every
/// word in the help, in completion scripts and when a value is wrong.
@Suite struct ChoiceTests {
    @Test func helpNamesEveryChoice() throws {
        let check = try CLI.run(["check", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(check.contains("(values: text, json, sarif, junit, github; default: text)"))
        #expect(check.contains("(values: error, warning, info, never"))
        #expect(check.contains("(values: error, warning, info)"))
        let rules = try CLI.run(["rules", "--help"]).stdout
        #expect(rules.contains("(values: text, json; default: text)"))
    }

    @Test func aWrongWordIsAnsweredWithTheRightOnes() throws {
        let failOn = try CLI.run(["check", "--fail-on", "bogus", "samples/TapStack.yml"])
        #expect(failOn.status == 2)
        #expect(failOn.stderr.contains("Please provide one of 'error', 'warning', 'info' or 'never'."))
        let graph = try CLI.run(["graph", "--format", "svg", "samples/TapStack.yml"])
        #expect(graph.stderr.contains("Please provide one of 'dot', 'mermaid' or 'json'."))
    }

    @Test func completionOffersEveryChoice() throws {
        let bash = try CLI.run(["--generate-completion-script", "bash"]).stdout
        #expect(bash.contains("-W 'text'$'\\n''json'$'\\n''sarif'$'\\n''junit'$'\\n''github'"))
        #expect(bash.contains("-W 'error'$'\\n''warning'$'\\n''info'$'\\n''never'"))
    }
}
