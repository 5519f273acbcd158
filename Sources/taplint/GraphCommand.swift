import ArgumentParser
import TapLintReport
import TapLintRules

/// `taplint graph`: the resource dependency graph, cycles marked.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph", abstract: "Print the resource dependency graph, with cycles marked in red.")

    @Argument(help: "A template file, or - for standard input.")
    var file: String

    @Option(help: "Graph format: dot (Graphviz), mermaid or json.")
    var format: GraphReporter.Format = .dot

    func run() throws {
        let input = Input(path: file, explicit: true)
        if !input.isStandardInput, FileSystem.kind(of: file) != .file { throw CommandError("not a file: \(file)") }
        let bytes: [UInt8]
        switch input.isStandardInput ? FileSystem.readStandardInput() : FileSystem.read(file) {
        case .success(let read): bytes = read
        case .failure(let failure): throw CommandError("cannot read \(file): \(failure.reason)")
        }
        switch Linter().read(bytes, file: input.displayName) {
        case .template(let context, _):
            FileSystem.writeStandardOutput(GraphReporter(graph: context.graph, generated: context.template.generated).render(format))
        case .failed(let findings):
            let first = findings.first
            throw CommandError("cannot draw \(input.displayName)" + (first.map {
                ":\($0.range.start.line):\($0.range.start.column): \($0.message)"
            } ?? ""))
        case .skipped:
            throw CommandError("not a CloudFormation template: \(input.displayName)")
        }
    }
}

extension GraphReporter.Format: ExpressibleByArgument {}
