import ArgumentParser
import TapLintCore
import TapLintReport
import TapLintRules

/// `taplint explain`: a rule's documentation.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Show a rule's documentation: why, a bad and a good example, the fix.")

    @Argument(help: "A rule id (SYN001) or name (yaml-syntax).")
    var rule: String

    func run() throws {
        guard let description = RuleRegistry.rule(named: rule) else {
            let guess = Suggestion.closest(to: rule, in: RuleRegistry.all.flatMap { [$0.id, $0.name] })
            throw CommandError("unknown rule '\(rule)'" + (guess.map { "; did you mean '\($0)'?" } ?? " (see taplint rules)"))
        }
        FileSystem.writeStandardOutput(RuleDoc.markdown(description))
    }
}
