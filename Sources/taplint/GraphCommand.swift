import ArgumentParser
import TapLintReport
import TapLintRules

/// `taplint graph`: the resource dependency graph, cycles marked.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph", abstract: "Print the resource dependency graph, with cycles marked in red.",
        discussion: "Given a folder: its stacks, the nested stacks they make (dashed) and what they import, loops in red.")

    @Argument(help: "A template file, - for standard input, or a folder of templates.")
    var file: String

    @Option(help: "Graph format: dot (Graphviz), mermaid or json.")
    var format: GraphReporter.Format = .dot

    func run() throws {
        if FileSystem.kind(of: file) == .directory { return try drawStacks() }
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

    /// The folder's templates (and the local templates their nested stacks
    /// are made from) as stacks.
    private func drawStacks() throws {
        let inputs = try Inputs.collect([file]).map { ($0, Linter()) }
        var reports = CheckCommand.lint(inputs, jobs: System.coreCount)
        var linters: [String: Linter] = [:]
        var contexts: [String] = []
        reports += CheckCommand.nestedTemplates(of: reports, linters: &linters, jobs: System.coreCount, contexts: &contexts)
        let located = Dictionary(reports.map { (Paths.absolute($0.file), $0.file) }, uniquingKeysWith: { first, _ in first })
        let stacks = RepositoryCheck.stacks(of: reports.filter { !$0.skipped }) { parent, location in
            located[CheckCommand.childPath(parent: parent, location: location).map(Paths.absolute) ?? ""]
        }
        FileSystem.writeStandardOutput(StackGraphReporter(stacks: stacks).render(format))
    }
}

extension GraphReporter.Format: Choice {}
