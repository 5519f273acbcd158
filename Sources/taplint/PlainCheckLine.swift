import ArgumentParser
import TapLintRules

/// The command line a hook or a CI job types, `taplint check` with long
/// options and paths, read without swift-argument-parser.
///
/// The parser builds its picture of `check`'s options by reflection three
/// times a run, and the Swift runtime's type and conformance lookups make
/// that 15 M instructions: as much as linting the sample (docs/speed.md).
/// This reads the plain line in a few thousand. It takes a line only when
/// it is sure to read it as the parser would, and declines (nil) anything
/// else, which the parser then reads: help, version, completion scripts,
/// short or unknown options, `--`, `-` for standard input, a value that
/// starts with `-` or does not parse, an option given twice that is not a
/// list, a line that fails validation. So help, completion and every
/// error message stay the parser's. `PlainCheckLineTests` holds the two
/// readings equal for every option `check` has.
enum PlainCheckLine {
    static func command(_ arguments: [String]) -> CheckCommand? {
        guard arguments.first == "check" else { return nil }
        var paths: [String] = []
        var format = ReportOptions.Format.text, output: String?, failOn: FailOn?, show: Show?, config: String?
        var select: [String] = [], ignore: [String] = [], asOf: String?
        var parameters: [String] = [], parameterFile: String?, configEnvironment = "default", deploymentFile: String?
        var regionNames: [String] = []
        var base: String?, fix = false, diff = false, baseline: String?, skipNonTemplates = false, forceExclude = false
        var jobs: Int?, maxFileSize = LintOptions.defaultMaxFileSize
        var given = Set<String>()
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("--") else {
                guard !argument.hasPrefix("-"), argument != "help" else { return nil }
                paths.append(argument)
                continue
            }
            var name = argument.dropFirst(2)
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = name[..<equals]
            }
            guard given.insert(String(name)).inserted || Self.lists.contains(name) else { return nil }
            switch (name, value) {
            case ("fix", nil): fix = true; continue
            case ("diff", nil): diff = true; continue
            case ("skip-non-templates", nil): skipNonTemplates = true; continue
            case ("force-exclude", nil): forceExclude = true; continue
            default: break
            }
            guard let text = value ?? rest.popFirst(), !text.isEmpty, !text.hasPrefix("-") else { return nil }
            switch name {
            case "format": guard let choice = ReportOptions.Format(rawValue: text) else { return nil }; format = choice
            case "output": output = text
            case "fail-on": guard let choice = FailOn(rawValue: text) else { return nil }; failOn = choice
            case "show": guard let choice = Show(rawValue: text) else { return nil }; show = choice
            case "config": config = text
            case "select": select.append(text)
            case "ignore": ignore.append(text)
            case "as-of": asOf = text
            case "parameters": parameters.append(text)
            case "parameter-file": parameterFile = text
            case "config-env": configEnvironment = text
            case "deployment-file": deploymentFile = text
            case "region": regionNames.append(text)
            case "base": base = text
            case "baseline": baseline = text
            case "jobs": guard let number = Int(text) else { return nil }; jobs = number
            case "max-file-size": guard let number = Int(text) else { return nil }; maxFileSize = number
            default: return nil
            }
        }
        var report = ReportOptions()
        report.format = format
        report.output = output
        report.failOn = failOn
        report.show = show
        report.config = config
        report.select = select
        report.ignore = ignore
        report.asOf = asOf
        var deployment = DeploymentOptions()
        deployment.parameters = parameters
        deployment.parameterFile = parameterFile
        deployment.configEnvironment = configEnvironment
        deployment.deploymentFile = deploymentFile
        deployment.regionNames = regionNames
        var command = CheckCommand()
        command.paths = paths.isEmpty ? ["."] : paths
        command.report = report
        command.deployment = deployment
        command.base = base
        command.fix = fix
        command.diff = diff
        command.baseline = baseline
        command.skipNonTemplates = skipNonTemplates
        command.forceExclude = forceExclude
        command.jobs = jobs
        command.maxFileSize = maxFileSize
        do {
            try report.validate()
            try deployment.validate()
            try command.validate()
        } catch {
            return nil
        }
        return command
    }

    /// The options that may be given more than once, each adding to a list.
    private static let lists: Set<Substring> = ["select", "ignore", "parameters", "region"]
}
