#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import TapLintCore
import TapLintLSP
import TapLintRules

/// `taplint lsp`: the language server on standard input and output.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17) on standard input and output: diagnostics as you type, fixes, hover, navigation.")

    func run() throws {
        let server = LanguageServer { path in Self.options(for: path) }
        let code = server.run()
        if code != 0 { throw ExitCode(code) }
    }

    /// The lint options of the nearest `.taplint.yml` above the document,
    /// read anew for every lint so that an edited configuration applies at
    /// once; a broken one falls back to the defaults and says so on stderr,
    /// which editors show as the server's log.
    static func options(for path: String) -> (LintOptions, LanguageServer.ConfigurationProblem?) {
        var configuration = Configuration.defaults(in: Paths.directory(of: path))
        var problem: LanguageServer.ConfigurationProblem?
        if let file = Configuration.discover(from: Paths.directory(of: path)) {
            do {
                configuration = try Configuration.load(file)
            } catch {
                FileSystem.writeStandardError("taplint lsp: \(error.message); linting with the defaults\n")
                problem = Self.problem(error.message, in: file)
            }
        }
        let selection = RuleSelection(select: configuration.select, ignore: configuration.ignore, severities: configuration.severities)
        return (LintOptions(selection: selection, requiredTags: configuration.requiredTags, threads: 1,
                            asOf: CalendarDay.today(), sourceFiles: DiskFiles()), problem)
    }

    /// A configuration error's place, from its "FILE:LINE:COLUMN: message" form.
    static func problem(_ message: String, in file: String) -> LanguageServer.ConfigurationProblem {
        let absolute = Paths.absolute(file)
        let rest = message.hasPrefix(file + ":") ? message.dropFirst(file.count + 1) : Substring(message)
        let parts = rest.split(separator: ":", maxSplits: 2)
        if parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]) {
            return .init(file: absolute, line: line, column: column, message: String(parts[2]).trimmingSpaces)
        }
        return .init(file: absolute, line: 1, column: 1, message: message)
    }
}
