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
    static func options(for path: String) -> LintOptions {
        var configuration = Configuration.defaults(in: Paths.directory(of: path))
        if let file = Configuration.discover(from: Paths.directory(of: path)) {
            do {
                configuration = try Configuration.load(file)
            } catch {
                FileSystem.writeStandardError("taplint lsp: \(error.message); linting with the defaults\n")
            }
        }
        let selection = RuleSelection(select: configuration.select, ignore: configuration.ignore, severities: configuration.severities)
        return LintOptions(selection: selection, requiredTags: configuration.requiredTags, threads: 1,
                           asOf: CalendarDay.today(), sourceFiles: DiskFiles())
    }
}
