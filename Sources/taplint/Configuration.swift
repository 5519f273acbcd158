import TapLintCore
import TapLintRules

/// `.taplint.yml`: what a team writes once so every run agrees.
///
///     fail-on: warning
///     show: warning                   # least severity the text format prints
///     rules:
///       select: [reference, CYC001]   # ids, names or categories
///       ignore: [BP001]
///       severity: {REF002: warning}
///     tagging:
///       required: {Environment: Production, Owner: ~}
///     paths:
///       exclude: ["cdk.out/**"]
///     deployments:                    # each template linted once per deployment
///       - name: prod
///         template: template.yml
///         parameter-file: params/prod.json
///         regions: [us-east-1]
///       - name: staging
///         deployment-file: deploy/staging.yml
///
/// Reading is strict: an unknown key, a value of the wrong type or a rule
/// that does not exist stops the run (exit 2) with the file, line and column.
struct Configuration: Sendable {
    static let fileName = ".taplint.yml"

    /// The file it came from; nil for the built-in defaults.
    var file: String?
    /// The folder `paths.exclude` patterns are relative to.
    var directory: String
    var failOn: FailOn?
    var show: Show?
    var select: [String] = []
    var ignore: [String] = []
    var severities: [String: Severity] = [:]
    /// nil: learned from each template.
    var requiredTags: [RequiredTag]?
    var exclude: [Glob] = []
    /// The stacks templates below this file are deployed as, their files
    /// read when the configuration is.
    var deployments: [Deployment] = []

    static func defaults(in directory: String) -> Configuration {
        Configuration(file: nil, directory: directory)
    }

    /// Tells configurations apart, to build one linter for each.
    var key: String { file ?? "" }

    /// Reads and checks a configuration file.
    static func load(_ file: String) throws(CommandError) -> Configuration {
        let bytes: [UInt8]
        switch FileSystem.read(file) {
        case .success(let read): bytes = read
        case .failure(let failure): throw CommandError("cannot read \(file): \(failure.reason)")
        }
        let parsed = YAMLParser.parse(bytes)
        if let issue = parsed.issues.first {
            throw CommandError("\(file):\(issue.range.start.line):\(issue.range.start.column): \(issue.message)")
        }
        var configuration = Configuration(file: file, directory: Paths.directory(of: file))
        guard let root = parsed.root, root.scalar?.isNull != true else { return configuration }
        let reader = Reader(file: file)
        try reader.read(root, into: &configuration)
        return configuration
    }

    /// The deployments of the template at `path`, in the order listed.
    func deployments(of path: String) -> [Deployment] {
        guard !deployments.isEmpty else { return [] }
        let absolute = Paths.absolute(path)
        return deployments.filter { $0.templateKey == absolute }
    }

    /// The nearest `.taplint.yml` from `directory` upwards, if any.
    static func discover(from directory: String) -> String? {
        var current = Paths.absolute(directory)
        while true {
            let candidate = Paths.join(current, fileName)
            if FileSystem.kind(of: candidate) == .file { return candidate }
            let parent = Paths.directory(of: current)
            if parent == current { return nil }
            current = parent
        }
    }

    /// True when `path` matches an exclude pattern, relative to this file's folder.
    func excludes(_ path: String) -> Bool {
        guard !exclude.isEmpty else { return false }
        let relative = Paths.relative(Paths.absolute(path), to: Paths.absolute(directory))
        return exclude.contains { $0.matches(relative) }
    }
}

/// Finds each input's configuration: the one given with `--config`, or the
/// nearest `.taplint.yml` from the input's folder upwards, each read once.
struct ConfigurationResolver {
    private let explicit: Configuration?
    private var fileForDirectory: [String: String?] = [:]
    private var loaded: [String: Configuration] = [:]

    init(explicit file: String?) throws(CommandError) {
        if let file, FileSystem.kind(of: file) != .file { throw CommandError("configuration not found: \(file)") }
        explicit = try file.map { file throws(CommandError) in try Configuration.load(file) }
    }

    mutating func configuration(for input: Input) throws(CommandError) -> Configuration {
        if let explicit { return explicit }
        let directory = input.isStandardInput ? "." : Paths.directory(of: input.path)
        let file: String?
        if let known = fileForDirectory[directory] {
            file = known
        } else {
            file = Configuration.discover(from: directory)
            fileForDirectory[directory] = .some(file)
        }
        guard let file else { return Configuration.defaults(in: ".") }
        if let configuration = loaded[file] { return configuration }
        let configuration = try Configuration.load(file)
        loaded[file] = configuration
        return configuration
    }
}

/// Walks a configuration tree, checking every key and value.
private struct Reader {
    let file: String

    func read(_ root: Node, into configuration: inout Configuration) throws(CommandError) {
        for entry in try mapping(root, "the top level") {
            switch try key(entry, allowed: ["fail-on", "show", "rules", "tagging", "paths", "deployments"], in: "the top level") {
            case "fail-on":
                let value = try string(entry.value, "fail-on", expected: "one of error, warning, info, never")
                guard let failOn = FailOn(rawValue: value) else {
                    throw error(entry.value, "fail-on must be one of error, warning, info, never, not '\(value)'")
                }
                configuration.failOn = failOn
            case "show":
                let value = try string(entry.value, "show", expected: "one of error, warning, info")
                guard let show = Show(rawValue: value) else {
                    throw error(entry.value, "show must be one of error, warning, info, not '\(value)'")
                }
                configuration.show = show
            case "rules":
                for rule in try mapping(entry.value, "rules") {
                    switch try key(rule, allowed: ["select", "ignore", "severity"], in: "rules") {
                    case "select": configuration.select = try ruleList(rule.value, "rules.select")
                    case "ignore": configuration.ignore = try ruleList(rule.value, "rules.ignore")
                    default:
                        for override in try mapping(rule.value, "rules.severity") {
                            let name = try ruleName(override.key, "rules.severity", categories: false)
                            let level = try string(override.value, "rules.severity.\(name)", expected: "error, warning or info")
                            guard let severity = Severity(rawValue: level) else {
                                throw error(override.value, "severity must be error, warning or info, not '\(level)'")
                            }
                            configuration.severities[name] = severity
                        }
                    }
                }
            case "tagging":
                for tagging in try mapping(entry.value, "tagging") {
                    _ = try key(tagging, allowed: ["required"], in: "tagging")
                    configuration.requiredTags = try mapping(tagging.value, "tagging.required").map { tag throws(CommandError) in
                        let name = try string(tag.key, "a tag key", expected: "a string")
                        if tag.value.scalar?.isNull == true { return RequiredTag(key: name, value: nil) }
                        return RequiredTag(key: name, value: try string(tag.value, "tagging.required.\(name)",
                                                                        expected: "a string, or ~ for any value"))
                    }
                }
            case "deployments":
                configuration.deployments = try deployments(entry.value, in: configuration.directory)
            default:
                for paths in try mapping(entry.value, "paths") {
                    _ = try key(paths, allowed: ["exclude"], in: "paths")
                    configuration.exclude = try list(paths.value, "paths.exclude").map { item throws(CommandError) in
                        Glob(try string(item, "paths.exclude", expected: "a glob pattern"))
                    }
                }
            }
        }
    }

    /// `deployments:`, each entry's files read: a name, the template (or a
    /// Git sync file that names it), and where the values come from.
    private func deployments(_ node: Node, in directory: String) throws(CommandError) -> [Deployment] {
        var found: [Deployment] = []
        for item in try list(node, "deployments") {
            var spec = DeploymentSpec(parametersSource: file, origin: "\(file):\(item.range.start.line):\(item.range.start.column): ")
            for field in try mapping(item, "a deployment") {
                let allowed = ["name", "template", "parameter-file", "config-env", "deployment-file", "parameters", "regions"]
                switch try key(field, allowed: allowed, in: "a deployment") {
                case "name": spec.name = try string(field.value, "name", expected: "a string")
                case "template": spec.template = try string(field.value, "template", expected: "a path")
                case "parameter-file": spec.parameterFile = try string(field.value, "parameter-file", expected: "a path")
                case "config-env": spec.configEnvironment = try string(field.value, "config-env", expected: "a string")
                case "deployment-file": spec.deploymentFile = try string(field.value, "deployment-file", expected: "a path")
                case "parameters":
                    for parameter in try mapping(field.value, "parameters") {
                        let name = try string(parameter.key, "a parameter name", expected: "a string")
                        let value = try string(parameter.value, "parameters.\(name)", expected: "a string")
                        spec.parameters.append(.init(name: name, value: value, range: parameter.value.range))
                    }
                default:
                    spec.regionNames = try field.value.sequence == nil
                        ? [string(field.value, "regions", expected: "a region or a list of them")]
                        : list(field.value, "regions").map { region throws(CommandError) in
                            try string(region, "regions", expected: "a region name")
                        }
                }
            }
            guard let name = spec.name, !name.isEmpty else { throw error(item, "a deployment needs a name") }
            guard !found.contains(where: { $0.name == name }) else { throw error(item, "deployment '\(name)' is listed twice") }
            guard spec.template != nil || spec.deploymentFile != nil else {
                throw error(item, "deployment '\(name)' needs a template, or a deployment-file that names one")
            }
            found.append(try spec.resolve(in: directory))
        }
        return found
    }

    private func error(_ node: Node, _ message: String) -> CommandError {
        CommandError("\(file):\(node.range.start.line):\(node.range.start.column): \(message)")
    }

    private func mapping(_ node: Node, _ what: String) throws(CommandError) -> [Entry] {
        guard let entries = node.mapping else { throw error(node, "\(what) must be a mapping") }
        return entries
    }

    private func list(_ node: Node, _ what: String) throws(CommandError) -> [Node] {
        guard let items = node.sequence else { throw error(node, "\(what) must be a list") }
        return items
    }

    private func string(_ node: Node, _ what: String, expected: String) throws(CommandError) -> String {
        guard let text = node.string else { throw error(node, "\(what) must be \(expected)") }
        return text
    }

    private func key(_ entry: Entry, allowed: [String], in what: String) throws(CommandError) -> String {
        guard let name = entry.name, allowed.contains(name) else {
            let shown = entry.name.map { "'\($0)'" } ?? "this key"
            throw error(entry.key, "unknown key \(shown) in \(what); expected one of \(allowed.joined(separator: ", "))")
        }
        return name
    }

    private func ruleList(_ node: Node, _ what: String) throws(CommandError) -> [String] {
        try list(node, what).map { item throws(CommandError) in try ruleName(item, what, categories: true) }
    }

    /// A rule id or name, or (where allowed) a category, that exists.
    private func ruleName(_ node: Node, _ what: String, categories: Bool) throws(CommandError) -> String {
        let name = try string(node, what, expected: "a rule id or name")
        if RuleRegistry.rule(named: name) != nil { return name }
        if categories, Category(rawValue: name) != nil { return name }
        let candidates = RuleRegistry.all.flatMap { [$0.id, $0.name] } + (categories ? Category.allCases.map(\.rawValue) : [])
        let guess = Suggestion.closest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
        throw error(node, "unknown rule '\(name)' in \(what)\(guess)")
    }
}
