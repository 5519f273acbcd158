import ArgumentParser

// Exit status is part of the contract: 0 clean, 1 findings at or above
// --fail-on, 2 the command could not run. ArgumentParser's own codes (64
// for usage errors) are mapped to 2, with one line on stderr. A plain
// `check` line is read without the parser's reflection (PlainCheckLine).
do {
    var command: any ParsableCommand = try PlainCheckLine.command(Array(CommandLine.arguments.dropFirst()))
        ?? TapLint.parseAsRoot()
    try command.run()
} catch let error as CommandError {
    FileSystem.writeStandardError("taplint: \(error.message)\n")
    System.exit(2)
} catch let code as ExitCode {
    System.exit(code.rawValue)
} catch {
    if TapLint.exitCode(for: error) == .success {
        FileSystem.writeStandardOutput(TapLint.fullMessage(for: error) + "\n")
        System.exit(0)
    }
    let message = TapLint.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
    FileSystem.writeStandardError("taplint: \(message) (see taplint --help)\n")
    System.exit(2)
}
