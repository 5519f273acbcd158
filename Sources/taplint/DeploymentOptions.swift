import ArgumentParser
import TapLintCore
import TapLintRules

/// The deployment a template is judged for, given on the command line.
struct DeploymentOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Parameter values of the deployment, as Key=Value pairs separated by commas (repeatable; later wins).",
                               valueName: "values"))
    var parameters: [String] = []

    @Option(name: .customLong("parameter-file"),
            help: ArgumentHelp("""
                Parameter values from a file: the AWS CLI's list of ParameterKey/ParameterValue, a CodePipeline \
                template configuration, or a samconfig.toml (with --config-env).
                """, valueName: "file"))
    var parameterFile: String?

    @Option(name: .customLong("config-env"),
            help: ArgumentHelp("The samconfig.toml environment whose parameter_overrides and region to read.", valueName: "env"))
    var configEnvironment = "default"

    @Option(name: .customLong("deployment-file"),
            help: ArgumentHelp("A Git sync deployment file: the template it names, checked with its parameters (give no paths).",
                               valueName: "file"))
    var deploymentFile: String?

    @Option(name: .customLong("region"),
            help: ArgumentHelp("A region the stack is deployed to (repeatable, or separated by commas).", valueName: "region"))
    var regionNames: [String] = []

    /// The deployment the options describe; nil when they give none, and
    /// the template is judged for every value it allows (or for the
    /// deployments `.taplint.yml` lists).
    func resolve() throws(CommandError) -> Deployment? {
        guard !parameters.isEmpty || parameterFile != nil || deploymentFile != nil || !regionNames.isEmpty else { return nil }
        var spec = DeploymentSpec(parameterFile: parameterFile, configEnvironment: configEnvironment, deploymentFile: deploymentFile)
        for pair in parameters.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: true) }) {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw CommandError("--parameters: '\(pair)' is not Key=Value")
            }
            spec.parameters.append(.init(name: String(pair[..<equals]), value: String(pair[pair.index(after: equals)...])))
        }
        spec.regionNames = regionNames.flatMap { $0.split(separator: ",").map(String.init) }
        return try spec.resolve(in: ".")
    }
}
