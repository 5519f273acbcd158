import ArgumentParser
import TapLintReport

/// The root command; `main.swift` runs it and owns the exit status.
struct TapLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taplint",
        abstract: "A fast linter and policy checker for AWS CloudFormation templates.",
        version: TapLintVersion.current,
        subcommands: [CheckCommand.self, DiffCommand.self, RulesCommand.self, ExplainCommand.self, GraphCommand.self, LSPCommand.self]
    )
}
