import ArgumentParser
import TapLintReport
import TapLintRules

/// `taplint rules`: list every rule.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule: id, name, category, default severity.")

    enum Format: String, Choice {
        case text, json
    }

    @Option(help: "Listing format.")
    var format: Format = .text

    func run() {
        FileSystem.writeStandardOutput(format == .text ? RuleListing.text(RuleRegistry.all) : RuleListing.json(RuleRegistry.all))
    }
}
