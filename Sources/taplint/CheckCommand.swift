import ArgumentParser
import TapLintCore
import TapLintReport
import TapLintRules

/// `taplint check`: lint templates and report.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint CloudFormation templates.",
        discussion: """
        Exit status: 0 when no finding reaches --fail-on, 1 when one does, \
        2 when the command itself could not run.
        """
    )

    @Argument(help: "Template files, directories to search, or - for standard input.")
    var paths: [String] = ["."]

    @OptionGroup var report: ReportOptions

    @OptionGroup(title: "Deployment") var deployment: DeploymentOptions

    @Option(help: ArgumentHelp("Also judge each template's changes since its version at this git ref (category change).",
                               valueName: "ref"))
    var base: String?

    @Flag(help: "Apply the certain fixes ([*] in the report) to the templates, atomically, and report what is left.")
    var fix = false

    @Flag(help: "With --fix: print the fixes as a unified diff and write nothing (exit 1 when there is one).")
    var diff = false

    @Option(help: ArgumentHelp("Report only findings that are not in this earlier JSON report.", valueName: "file"))
    var baseline: String?

    @Flag(name: .customLong("skip-non-templates"),
          help: "Pass over named files that are not templates instead of reporting them (for pre-commit).")
    var skipNonTemplates = false

    @Flag(name: .customLong("force-exclude"),
          help: "Apply paths.exclude to files named on the command line too (pre-commit names every changed file).")
    var forceExclude = false

    @Option(help: "Threads to use: files checked at once, and for a large file its parts (default: one per core).")
    var jobs: Int?

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Refuse files larger than this many bytes.", valueName: "bytes"))
    var maxFileSize: Int = LintOptions.defaultMaxFileSize

    func validate() throws {
        if diff, !fix { throw ValidationError("--diff shows what --fix would change: give both") }
        if fix, base != nil { throw ValidationError("--fix and --base do not go together: the change findings have no fix") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxFileSize < 1 { throw ValidationError("--max-file-size must be at least 1") }
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let commandLine = try report.selection()
        let commandDeployment = try deployment.resolve()
        let accepted = try baseline.map { file throws(CommandError) in try Self.loadBaseline(file) }
        var configurations = try ConfigurationResolver(explicit: report.config)
        var work: [Job] = []
        var paths = paths
        if let template = commandDeployment?.template {
            guard paths == ["."] else { throw CommandError("--deployment-file names its template: give no paths") }
            paths = [template]
        }
        for var input in try Inputs.collect(paths) {
            let configuration = try configurations.configuration(for: input)
            if !input.explicit || forceExclude, !input.isStandardInput, configuration.excludes(input.path) { continue }
            if skipNonTemplates { input.explicit = false }
            // The command line's deployment, else the configuration's for this
            // template (not with --fix: a fix is the same in every deployment).
            let listed = fix || input.isStandardInput ? [] : configuration.deployments(of: input.path)
            let deployments: [Deployment?] = commandDeployment.map { [$0] } ?? (listed.isEmpty ? [nil] : listed.map(Optional.some))
            for deployment in deployments { work.append(Job(input: input, configuration: configuration, deployment: deployment)) }
        }
        var seen = Set<String>()
        let inputs = work.map(\.input).filter { seen.insert($0.path).inserted }
        let history = try base.map { ref throws(CommandError) in
            try History(ref: ref, inputs: inputs, folders: paths.filter { FileSystem.kind(of: $0) == .directory })
        }
        let jobs = jobs ?? System.coreCount
        // Cores left over when there are fewer files than jobs go to each
        // file's own rules: one large template still uses the whole machine.
        let threadsPerFile = max(1, jobs / max(work.count, 1))
        var linters: [String: Linter] = [:]
        for job in work where linters[job.linterKey] == nil {
            linters[job.linterKey] = report.linter(for: job.configuration, commandLine: commandLine, threads: threadsPerFile,
                                                   maxFileSize: maxFileSize, parameterValues: job.deployment?.values,
                                                   regions: job.deployment?.regions ?? [])
        }
        let pairs = work.map { ($0.input, linters[$0.linterKey] ?? Linter()) }
        if fix {
            return try fixAll(pairs, jobs: jobs, configurations: work.map { ($0.input.displayName, $0.configuration) },
                              since: started)
        }
        var reports = DeploymentMerge.merge(Self.lint(pairs, jobs: jobs, history: history, endsRun: true),
                                            deployments: work.map(\.deployment?.name))
        // The run's templates read together: nested stacks' local templates
        // followed (each read once), exports matched with imports. Templates
        // that all keep to themselves, as most folders' do, are done.
        var contextNames: [String] = []
        var parentValues: [String] = []
        if reports.contains(where: { $0.stack?.reachesOtherStacks == true }) {
            var fileLinters = Dictionary(pairs.map { ($0.0.displayName, $0.1) }, uniquingKeysWith: { first, _ in first })
            reports += Self.nestedTemplates(of: reports, linters: &fileLinters, jobs: jobs, history: history, contexts: &contextNames)
            let located = Dictionary(reports.map { (Paths.absolute($0.file), $0.file) }, uniquingKeysWith: { first, _ in first })
            let locate = { (parent: String, location: String) in
                located[Self.childPath(parent: parent, location: location).map(Paths.absolute) ?? ""]
            }
            let deployed = Set(work.filter { $0.deployment != nil }.map(\.input.displayName))
            let plainInputs = Set(work.map(\.input.displayName)).subtracting(deployed)
            // The stacks are tied once: linting a template again gives the same facts.
            let stacks = RepositoryCheck.stacks(of: reports, locate: locate)
            parentValues = Self.lintWithParentValues(&reports, stacks: stacks, linters: fileLinters, inputs: plainInputs,
                                                     jobs: jobs, history: history)
            RepositoryCheck.run(&reports, stacks: stacks, selection: { fileLinters[$0]?.options.selection ?? commandLine })
        }
        // Templates deleted since the base: what their removal loses.
        for deleted in history?.deleted ?? [] {
            let linter = report.linter(for: Configuration.defaults(in: "."), commandLine: commandLine, threads: 1, maxFileSize: maxFileSize)
            reports.append(linter.lintDeleted(deleted.base, file: deleted.path))
        }
        if var accepted {
            for i in reports.indices { reports[i].findings = accepted.newFindings(reports[i].findings) }
        }
        var names: [String] = []
        for job in work { if let name = job.deployment?.name, !names.contains(name) { names.append(name) } }
        names += (contextNames + parentValues).reduce(into: [String]()) { kept, name in
            if !names.contains(name), !kept.contains(name) { kept.append(name) }
        }
        try report.emit(reports, configurations: work.map { ($0.input.displayName, $0.configuration) }, since: started,
                        deployments: names)
    }

    /// The local templates that nested stacks of `reports` are made from
    /// and that are not among them, linted with their parent's linter and
    /// the values each parent passes (see `parentContexts`); then theirs,
    /// until none is left. Each is read and parsed once. `linters` gains
    /// the linter of each, `contexts` the names of the parents' contexts.
    static func nestedTemplates(of reports: [FileReport], linters: inout [String: Linter], jobs: Int,
                                history: History? = nil, contexts: inout [String]) -> [FileReport] {
        // Without a nested stack there is nothing to follow.
        guard reports.contains(where: { $0.stack?.nested.isEmpty == false }) else { return [] }
        var known = Set(reports.map { Paths.absolute($0.file) })
        var found: [FileReport] = []
        var parents = reports
        while true {
            // Each new child with every parent of this wave that nests it, in order.
            var children: [(path: String, parents: [(file: String, nested: StackFacts.Nested)])] = []
            var position: [String: Int] = [:]
            for parent in parents {
                for nested in parent.stack?.nested ?? [] {
                    guard let path = childPath(parent: parent.file, location: nested.location),
                          FileSystem.kind(of: path) == .file else { continue }
                    let key = Paths.absolute(path)
                    if let at = position[key] {
                        children[at].parents.append((parent.file, nested))
                    } else if known.insert(key).inserted {
                        position[key] = children.count
                        children.append((path, [(parent.file, nested)]))
                        linters[path] = linters[parent.file] ?? Linter()
                    }
                }
            }
            guard !children.isEmpty else { return found }
            var work: [(Input, Linter)] = []
            var names: [String?] = []
            for child in children {
                for (linter, name) in parentContexts(of: child.parents, linter: linters[child.path] ?? Linter()) {
                    work.append((Input(path: child.path, explicit: true), linter))
                    names.append(name)
                    if let name, !contexts.contains(name) { contexts.append(name) }
                }
            }
            parents = DeploymentMerge.merge(lint(work, jobs: jobs, history: history), deployments: names)
            found += parents
        }
    }

    /// The contexts a nested stack's template is linted in: one per parent
    /// whose nested stack passes it literal values (those values, as a
    /// deployment named `app.yaml (Queues)`), so that the child's
    /// conditions, property values and mapping lookups are judged for the
    /// stacks it really becomes; or the plain `linter` alone when no parent
    /// does. DEP006 stays off there: DEP008 reports the same values at the
    /// parent's line. Parameters chosen by `Fn::If` are DEP008's alone.
    static func parentContexts(of parents: [(file: String, nested: StackFacts.Nested)], linter: Linter) -> [(Linter, String?)] {
        var contexts: [(Linter, String?)] = []
        for (file, nested) in parents {
            let values = nested.parameters.flatMap { $0.count == 1 ? $0[0].passed : nil }?.compactMap { passed in
                passed.value.map { ParameterValues.Given(name: passed.name, value: $0, range: passed.range) }
            } ?? []
            var options = linter.options
            if !values.isEmpty {
                options.parameterValues = ParameterValues(source: file, values: values)
                options.selection.ignore.append(ParameterValueInvalid.description.id)
            }
            contexts.append((values.isEmpty ? linter : Linter(options: options), "\(file) (\(nested.resource))"))
        }
        guard contexts.contains(where: { $0.0.options.parameterValues != nil }) else { return [(linter, nil)] }
        return contexts
    }

    /// Values flow into nested stacks whose templates were among the run's
    /// own inputs (`inputs`: a folder holding parents and children): those
    /// were linted before their parents were known, and are linted again in
    /// `parentContexts`, one parse for every parent. (A template found
    /// through its parents was linted in those contexts already.) Templates
    /// with deployments of their own are not in `inputs`. Returns the names.
    /// `stacks` holds the members of `reports`, in order.
    static func lintWithParentValues(_ reports: inout [FileReport], stacks: Stacks, linters: [String: Linter], inputs: Set<String>,
                                     jobs: Int, history: History?) -> [String] {
        let indices = reports.indices.filter { reports[$0].stack != nil }
        guard indices.count > 1 else { return [] }
        var parents: [Int: [(file: String, nested: StackFacts.Nested)]] = [:]
        for (i, member) in stacks.members.enumerated() {
            for (j, nested) in member.facts.nested.enumerated() {
                guard let child = stacks.children[i][j], child != i, inputs.contains(stacks.members[child].file) else { continue }
                parents[child, default: []].append((member.file, nested))
            }
        }
        var names: [String] = []
        for (child, nests) in parents.sorted(by: { $0.key < $1.key }) {
            let index = indices[child]
            let file = reports[index].file
            guard let linter = linters[file] else { continue }
            let contexts = parentContexts(of: nests, linter: linter)
            let used = contexts.compactMap(\.1)
            guard !used.isEmpty else { continue }
            let input = Input(path: file, explicit: true)
            let relinted = DeploymentMerge.merge(lint(contexts.map { (input, $0.0) }, jobs: jobs, history: history),
                                                 deployments: contexts.map(\.1))
            guard let merged = relinted.first else { continue }
            reports[index] = merged
            names += used.filter { !names.contains($0) }
        }
        return names
    }

    /// Where a nested stack's local template is, as reports name files.
    static func childPath(parent: String, location: String) -> String? {
        guard StackFacts.isLocal(location) else { return nil }
        var relative = location.hasPrefix("file://") ? String(location.dropFirst(7)) : location
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        let directory = Paths.directory(of: parent)
        return relative.hasPrefix("/") || directory == "." ? relative : Paths.join(directory, relative)
    }

    /// One template linted for one deployment (or for every value, with none).
    private struct Job {
        var input: Input
        var configuration: Configuration
        var deployment: Deployment?

        /// Jobs with the same configuration and deployment share a linter.
        var linterKey: String { configuration.key + "\u{0}" + (deployment?.name ?? "") }
    }

    /// `--fix`: each template fixed and written back atomically (standard
    /// input's to standard output), or with `--diff` only shown; then the
    /// report of what is left.
    private func fixAll(_ work: [(Input, Linter)], jobs: Int, configurations: [(file: String, configuration: Configuration)],
                        since started: ContinuousClock.Instant) throws {
        let outcomes = Parallel.map(work.count, threads: jobs) { index -> (Input, [UInt8]?, Fixer.Outcome?) in
            let (input, linter) = work[index]
            let bytes = input.isStandardInput ? FileSystem.readStandardInput() : FileSystem.read(input.path)
            guard case .success(let bytes) = bytes else { return (input, nil, nil) }
            return (input, bytes, Fixer.fix(bytes, file: input.displayName, explicit: input.explicit, linter: linter))
        }
        var reports: [FileReport] = []
        var patch = ""
        for ((input, linter), (_, original, outcome)) in zip(work, outcomes) {
            guard let original, let outcome else {
                reports.append(Self.lint([(input, linter)], jobs: 1)[0])
                continue
            }
            reports.append(outcome.report)
            if diff {
                if outcome.bytes != original { patch += UnifiedDiff.render(old: original, new: outcome.bytes, name: input.displayName) }
            } else if input.isStandardInput {
                FileSystem.writeStandardOutput(String(decoding: outcome.bytes, as: UTF8.self))
            } else if outcome.bytes != original {
                do { try FileSystem.writeAtomically(outcome.bytes, to: input.path, mode: nil) } catch { throw CommandError(error.reason) }
            }
        }
        if diff {
            FileSystem.writeStandardOutput(patch)
            if !patch.isEmpty { throw ExitCode(1) }
            return
        }
        // Standard input's fixed template went to standard output: the report goes to standard error.
        let toStandardError = work.contains { $0.0.isStandardInput } && report.output == nil
        try report.emit(reports, configurations: configurations, since: started, fixing: true, toStandardError: toStandardError)
    }

    private static func loadBaseline(_ file: String) throws(CommandError) -> Baseline {
        switch FileSystem.read(file) {
        case .failure(let failure): throw CommandError("cannot read baseline \(file): \(failure.reason)")
        case .success(let bytes):
            do { return try Baseline(report: bytes) } catch { throw CommandError("baseline \(file): \(error.message)") }
        }
    }

    /// Lints every input with its linter, several at once; the result is in
    /// input order whatever order the threads finish in. Consecutive entries
    /// for the same file (its deployments) are one job: the file is read and
    /// parsed once for all of them. The largest files are handed out first,
    /// so that no thread is left with a big one while the others have finished.
    /// `endsRun`: the run reports after these, so a single template's tree
    /// may be left to the exit (`LintOptions.treeOutlivesLint`).
    static func lint(_ work: [(Input, Linter)], jobs: Int, history: History? = nil, endsRun: Bool = false) -> [FileReport] {
        var grouped: [(input: Input, linters: [Linter])] = []
        for (input, linter) in work {
            if let last = grouped.last, last.input.path == input.path, !input.isStandardInput {
                grouped[grouped.count - 1].linters.append(linter)
            } else {
                grouped.append((input, [linter]))
            }
        }
        let groups = grouped
        // One stat per file: the size orders the queue and refuses files
        // over the limit before they are read.
        let sizes = groups.map { $0.input.isStandardInput ? nil : FileSystem.size(of: $0.input.path) }
        let order = groups.indices.sorted { a, b in
            let (sizeA, sizeB) = (sizes[a] ?? 0, sizes[b] ?? 0)
            return sizeA != sizeB ? sizeA > sizeB : a < b
        }
        let alone = endsRun && groups.count == 1
        return Parallel.map(groups.count, threads: jobs, order: order) { index in
            var linters = groups[index].linters
            if alone { linters[0] = Linter(options: linters[0].options.outlivingLint) }
            return lint(groups[index].input, size: sizes[index], with: linters, base: history?.base(of: groups[index].input))
        }.flatMap { $0 }
    }

    private static func lint(_ input: Input, size: Int?, with linters: [Linter], base: Base?) -> [FileReport] {
        let first = linters[0], others = Array(linters.dropFirst())
        if let size, size > first.options.maxFileSize {
            return linters.map { $0.oversized(file: input.displayName, size: size) }
        }
        let bytes = input.isStandardInput ? FileSystem.readStandardInput() : FileSystem.read(input.path)
        switch bytes {
        case .success(let bytes):
            return first.lint(bytes, file: input.displayName, explicit: input.explicit, base: base, alsoFor: others)
        case .failure(let failure):
            return linters.map { $0.unreadable(file: input.displayName, reason: failure.reason) }
        }
    }
}
