import TapLintCore

/// A tag every taggable resource must carry; `value` nil means any value.
public struct RequiredTag: Sendable, Equatable {
    public var key: String
    public var value: String?

    public init(key: String, value: String?) {
        self.key = key
        self.value = value
    }
}

/// How a run is set up: which rules, at what severity, within what limits.
public struct LintOptions: Sendable {
    public var selection: RuleSelection
    /// From `tagging.required`; nil when none is configured, and the
    /// tagging rules learn the policy from each template (`TagPolicy`).
    public var requiredTags: [RequiredTag]?
    public var limits: ParseLimits
    /// Larger files are refused unread. CloudFormation's own limit is 1 MB;
    /// the default leaves room for templates that a transform shrinks.
    public var maxFileSize: Int
    /// Threads one template may use; more than one only pays for itself
    /// on a large template (see `threads(forSize:)`).
    public var threads: Int
    /// The day deprecations are judged at (`YYYY-MM-DD`, UTC): `--as-of`,
    /// by default today, so that a template that deployed yesterday and
    /// cannot today says so, and a test can fix the day.
    public var asOf: String
    /// Where rules may read the files a template points at (a function's
    /// `CodeUri`); nil to judge the template alone.
    public var sourceFiles: (any SourceFiles)?
    /// True when the process ends right after this run's report (the
    /// command line linting a single template): the template's tree is
    /// then kept until the exit (`KeptUntilExit`) instead of being freed.
    public var treeOutlivesLint = false

    /// These options with the tree left to the exit.
    public var outlivingLint: LintOptions {
        var options = self
        options.treeOutlivesLint = true
        return options
    }
    /// The parameter values of the deployment being judged
    /// (`--parameters`, `--parameter-file`); nil to judge every value the
    /// template allows.
    public var parameterValues: ParameterValues?
    /// The regions the deployment goes to (`--region`); empty for any.
    public var regions: [Region]

    /// What the deployment fixes, for the condition model: its parameter
    /// values, and the regions and their partitions.
    var deployed: [String: [String]] {
        var fixed: [String: [String]] = [:]
        for value in parameterValues?.values ?? [] { fixed[value.name] = [value.value] }
        if !regions.isEmpty {
            fixed["AWS::Region"] = regions.map(\.name)
            fixed["AWS::Partition"] = Array(Set(regions.map(\.partition))).sorted()
        }
        return fixed
    }

    /// Below this many bytes a template is linted on one thread: handing
    /// work to a second one costs more than it saves.
    static let parallelSize = 64 * 1024

    /// The threads a template of `size` bytes is read and linted on.
    func threads(forSize size: Int) -> Int {
        size >= Self.parallelSize ? threads : 1
    }

    public static let defaultMaxFileSize = 10 * 1024 * 1024

    public init(selection: RuleSelection = RuleSelection(), requiredTags: [RequiredTag]? = nil,
                limits: ParseLimits = ParseLimits(), maxFileSize: Int = LintOptions.defaultMaxFileSize, threads: Int = 1,
                asOf: String = CalendarDay.today(), sourceFiles: (any SourceFiles)? = nil,
                parameterValues: ParameterValues? = nil, regions: [Region] = []) {
        self.selection = selection
        self.requiredTags = requiredTags
        self.limits = limits
        self.maxFileSize = maxFileSize
        self.threads = threads
        self.asOf = asOf
        self.sourceFiles = sourceFiles
        self.parameterValues = parameterValues
        self.regions = regions
    }
}

/// The outcome for one file.
public struct FileReport: Sendable {
    public var file: String
    public var findings: [Finding]
    /// True when a directory walk passed over the file as not a template.
    public var skipped: Bool
    /// With `--fix`: how many findings the fixes removed.
    public var fixed = 0
    /// What the template tells the other templates of the run; nil when
    /// the file is no template.
    public var stack: StackFacts?

    public init(file: String, findings: [Finding], skipped: Bool, fixed: Int = 0) {
        self.file = file
        self.findings = findings
        self.skipped = skipped
        self.fixed = fixed
    }
}

/// The version of a template that a change is judged against: what
/// `diff` and `check --base` compare with.
public struct Base: Sendable {
    /// Its bytes; nil when the template is new since then.
    public var bytes: [UInt8]?
    /// How findings and messages name it: a file, or git's `REF:path`.
    public var name: String

    public init(bytes: [UInt8]?, name: String) {
        self.bytes = bytes
        self.name = name
    }
}

/// The pipeline for one file: bytes → tree → template → references and
/// graph → rules → findings. Stateless, so one linter serves every thread.
public struct Linter: Sendable {
    public let options: LintOptions
    private let rules: [any TemplateRule]
    /// `rules[i]`'s description, looked up once: asking a rule's dynamic
    /// type for it cost a hundred instructions a rule a file.
    private let descriptions: [RuleDescription]
    private let changeRules: [any ChangeRule]

    public init(options: LintOptions = LintOptions()) {
        self.options = options
        rules = RuleRegistry.templateRules.filter { options.selection.isEnabled(type(of: $0).description) }
        descriptions = rules.map { type(of: $0).description }
        changeRules = RuleRegistry.changeRules.filter { options.selection.isEnabled(type(of: $0).description) }
    }

    /// What reading a file gave: a template ready for the rules, or the
    /// findings that explain why there is none.
    public enum Reading: Sendable {
        /// A directory walk passed over the file: it is no template.
        case skipped
        case failed([Finding])
        /// The template, and findings the reader made that do not stop the rules.
        case template(LintContext, [Finding])
    }

    /// Lints one file's bytes. `explicit` is false for files found by a
    /// directory walk: those are skipped, not reported, when they are no template.
    /// With a `base`, the changes from it are judged too, and the
    /// template's suppressions apply to them as to every finding.
    public func lint(_ bytes: [UInt8], file: String, explicit: Bool = true, base: Base? = nil) -> FileReport {
        lint(bytes, file: file, explicit: explicit, base: base, alsoFor: [])[0]
    }

    /// Lints one file's bytes with this linter and then with `others` (one
    /// per further deployment of the template), reading the file, and its
    /// base, once: each linter's options only shape the context built on
    /// the same template. The reports are in that order.
    public func lint(_ bytes: [UInt8], file: String, explicit: Bool = true, base: Base? = nil, alsoFor others: [Linter]) -> [FileReport] {
        switch read(bytes, file: file, explicit: explicit) {
        case .skipped:
            return Array(repeating: FileReport(file: file, findings: [], skipped: true), count: others.count + 1)
        case .failed(let findings):
            return Array(repeating: FileReport(file: file, findings: findings.inReportOrder, skipped: false),
                         count: others.count + 1)
        case .template(let context, let findings):
            // A tree the exit will reclaim is not freed; the threads of a large template free theirs.
            defer {
                if options.treeOutlivesLint {
                    KeptUntilExit.keep(context)
                } else if context.threads > 1 {
                    Parallel.release(context)
                }
            }
            let old = base.map { base in (reading: base.bytes.map { read($0, file: base.name) }, name: base.name) }
            let offsets = SourceOffsets(bytes)
            return [run(context, findings: findings, offsets: offsets, base: old)] + others.map { linter in
                let own = LintContext(template: context.template, source: bytes, file: file, options: linter.options)
                return linter.run(own, findings: findings, offsets: offsets, base: old)
            }
        }
    }

    /// The rules on a template read, then the changes from its base, then
    /// its suppressions.
    private func run(_ context: LintContext, findings: [Finding], offsets: SourceOffsets,
                     base: (reading: Reading?, name: String)?) -> FileReport {
        let file = context.file
        var sink = FindingSink(file: file, selection: options.selection, findings: findings)
        sink.offsets = offsets
        let violations = Parallel.map(rules.count, threads: context.threads) { rules[$0].check(context) }
        for (description, found) in zip(descriptions, violations) {
            sink.add(description, found)
        }
        let removedExports = base.map { addChanges(from: $0.reading, named: $0.name, to: context.template, into: &sink) } ?? []
        var suppressions = context.suppressions
        var kept = FindingSink(file: file, selection: options.selection, findings: suppressions.filter(sink.findings, in: file))
        kept.offsets = sink.offsets
        for suppression in suppressions.all {
            let place = suppression.rules.joined(separator: ", ")
            let unknown = suppression.fromCfnLint ? [] : suppression.rules.filter { !UnknownSuppressedRule.exists($0) }
            for name in unknown {
                let guess = Suggestion.closest(to: name, in: UnknownSuppressedRule.names)
                kept.add(UnknownSuppressedRule.description,
                         "the suppression names '\(name)', which is no taplint rule or category"
                            + (guess.map { "; did you mean '\($0)'?" } ?? ""),
                         suppression.range, path: suppression.path, resource: Self.resource(on: suppression.path),
                         fix: guess.map { "name '\($0)'" })
            }
            // A suppression of nothing but unknown names is reported once, above.
            // One that names a rule of the whole run is judged there, with the other templates.
            let laterUse = suppression.rules.contains { RuleRegistry.isRepositoryRule($0) }
            if !suppression.used, !suppression.fromCfnLint, !laterUse, unknown.count < suppression.rules.count {
                kept.add(UnusedSuppression.description, "the suppression of \(place) suppresses no finding",
                         suppression.range, path: suppression.path, resource: Self.resource(on: suppression.path),
                         edits: suppressions.removal(of: suppression))
            }
            if suppression.reason == nil {
                kept.add(SuppressionWithoutReason.description, "the suppression of \(place) gives no reason",
                         suppression.range, path: suppression.path, resource: Self.resource(on: suppression.path))
            }
        }
        var report = FileReport(file: file, findings: kept.findings.inReportOrder, skipped: false)
        report.stack = StackFacts(context, suppressions: suppressions)
        report.stack?.removedExports = removedExports
        return report
    }

    /// A template deleted since `base`: what removing every resource and
    /// output of it would lose.
    public func lintDeleted(_ base: Base, file: String) -> FileReport {
        var sink = FindingSink(file: file, selection: options.selection)
        guard let root = YAMLParser.parse(Array("{}".utf8)).root, let empty = Template(root: root) else {
            preconditionFailure("an empty mapping is a template")
        }
        addChanges(from: base.bytes.map { read($0, file: base.name) }, named: base.name, to: empty, into: &sink)
        return FileReport(file: file, findings: sink.findings.inReportOrder, skipped: false)
    }

    /// Runs the change rules from a base, as read, to `template`, and
    /// returns the exports the change removes, for the templates that
    /// import them. A base that is no template reports why, under its own
    /// name; a base with no bytes (the template is new) changes nothing.
    @discardableResult
    private func addChanges(from reading: Reading?, named name: String, to template: Template,
                            into sink: inout FindingSink) -> [StackFacts.RemovedExport] {
        switch reading {
        case .template(let old, _)?:
            let change = TemplateChange(old: old.template, new: template, base: name, deployed: options.deployed)
            for rule in changeRules {
                sink.add(type(of: rule).description, rule.check(change))
            }
            return ExportRemoved.removals(change).compactMap { removal in
                ExportName(removal.name).map { StackFacts.RemovedExport(name: $0, output: removal.output, violation: removal.violation) }
            }
        case .failed(let findings)?:
            sink.findings += findings
        case .skipped?, nil:
            break
        }
        return []
    }

    /// Reads bytes into a template, reporting what keeps them from being one.
    public func read(_ bytes: [UInt8], file: String, explicit: Bool = true) -> Reading {
        if !explicit, !Self.mayBeTemplate(bytes) { return .skipped }
        var sink = FindingSink(file: file, selection: options.selection)
        if bytes.count > options.maxFileSize { return .failed(oversized(file: file, size: bytes.count).findings) }
        let parsed = YAMLParser.parse(bytes, limits: options.limits, threads: options.threads(forSize: bytes.count))
        for issue in parsed.issues { sink.add(issue.kind.rule, issue.message, issue.range, fix: issue.fix) }
        guard let root = parsed.root else {
            if !parsed.issues.isEmpty { return .failed(sink.findings) }
            if !explicit { return .skipped }
            sink.add(NotATemplate.description, "the file is empty")
            return .failed(sink.findings)
        }
        guard let template = Template(root: root, usesPreprocessor: parsed.usesPreprocessor), template.looksLikeTemplate else {
            if !explicit { return .skipped }
            let what = root.mapping != nil ? "a mapping without Resources or AWSTemplateFormatVersion"
                : root.sequence != nil ? "a list" : root.scalar?.isNull == true ? "no YAML content" : "a single value"
            sink.add(NotATemplate.description, "not a CloudFormation template: the file holds \(what)", root.range)
            return .failed(sink.findings)
        }
        return .template(LintContext(template: template, source: bytes, file: file, options: options), sink.findings)
    }

    /// A file larger than `maxFileSize`, refused without reading it.
    public func oversized(file: String, size: Int) -> FileReport {
        var sink = FindingSink(file: file, selection: options.selection)
        sink.add(InputTooComplex.description,
                 "the file is \(size) bytes; taplint reads at most \(options.maxFileSize) (see --max-file-size)")
        return FileReport(file: file, findings: sink.findings, skipped: false)
    }

    /// A file that could not be read still appears in the report.
    public func unreadable(file: String, reason: String) -> FileReport {
        var sink = FindingSink(file: file, selection: options.selection)
        sink.add(UnreadableFile.description, "cannot read the file: \(reason)")
        return FileReport(file: file, findings: sink.findings, skipped: false)
    }

    /// The resource a path runs through: `Resources/X/...` names X.
    static func resource(on path: [PathElement]) -> String? {
        guard path.count >= 2, path[0] == .key("Resources"), case .key(let name) = path[1] else { return nil }
        return name
    }

    /// A cheap look before parsing, so a directory walk does not report
    /// syntax errors in YAML files that never claimed to be templates.
    /// Searched as `ByteSearch` does, skipping ahead: the word may stand
    /// far into a file (after its parameters and mappings).
    public static func mayBeTemplate(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { ByteSearch.contains($0, anyOf: ["Resources", "AWSTemplateFormatVersion"]) }
    }
}

/// Collects findings for one file, leaving out rules the user turned off
/// and applying the severities they configured.
private struct FindingSink {
    let file: String
    let selection: RuleSelection
    var findings: [Finding] = []
    /// The file's bytes, to turn the rules' edits into byte offsets.
    var offsets: SourceOffsets?

    mutating func add(_ rule: RuleDescription, _ message: String, _ range: SourceRange = .origin,
                      path: [PathElement] = [], resource: String? = nil, fix: String? = nil, severity: Severity? = nil,
                      edits: [TextEdit] = [], in other: String? = nil, related: [Finding.Related] = []) {
        guard selection.isEnabled(rule) else { return }
        var bytes: [Edit] = []
        for edit in edits {
            // An edit that cannot be placed leaves the finding without a fix.
            guard let placed = offsets?.edit(edit) else { bytes = []; break }
            bytes.append(placed)
        }
        findings.append(Finding(rule: rule, severity: selection.severity(of: rule, finding: severity), message: message,
                                file: other ?? file, range: range, path: path, resource: resource, fix: fix,
                                edits: other == nil ? bytes : [], related: other == nil ? related : []))
    }

    /// A rule's violations, each named for the resource its path runs through unless it names one.
    mutating func add(_ rule: RuleDescription, _ violations: [Violation]) {
        for violation in violations {
            add(rule, violation.message, violation.range, path: violation.path,
                resource: violation.resource ?? Linter.resource(on: violation.path), fix: violation.fix, severity: violation.severity,
                edits: violation.edits, in: violation.file, related: violation.related)
        }
    }
}
