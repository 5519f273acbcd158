import ArgumentParser
import TapLintCore
import TapLintRules

/// The deployment a template is judged for: its parameter values and regions.
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

    /// What the options give.
    struct Deployment {
        /// The template a deployment file names.
        var template: String?
        /// Nil when no values are given, so that the template is judged for every value.
        var values: ParameterValues?
        var regions: [Region] = []
    }

    /// The values given: a parameter or deployment file's first and
    /// `--parameters` over them; the regions given, else a samconfig's.
    func resolve() throws(CommandError) -> Deployment {
        if parameterFile != nil, deploymentFile != nil {
            throw CommandError("--parameter-file and --deployment-file both give the values: give one")
        }
        var deployment = Deployment()
        var configRegion: String?
        if let deploymentFile {
            let bytes = try Self.read(deploymentFile, "deployment file")
            do { (deployment.template, deployment.values) = try ParameterValues.readDeployment(bytes, file: deploymentFile) } catch {
                throw CommandError(error.message)
            }
        }
        if let parameterFile {
            let bytes = try Self.read(parameterFile, "parameter file")
            do {
                if parameterFile.hasSuffix(".toml") {
                    let config = try SAMConfig.read(bytes, file: parameterFile, environment: configEnvironment)
                    (deployment.values, configRegion) = (config.values, config.region)
                } else {
                    deployment.values = try ParameterValues.read(bytes, file: parameterFile)
                }
            } catch { throw CommandError(error.message) }
        }
        for pair in parameters.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: true) }) {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw CommandError("--parameters: '\(pair)' is not Key=Value")
            }
            if deployment.values == nil { deployment.values = ParameterValues(source: "--parameters") }
            deployment.values?.add(.init(name: String(pair[..<equals]), value: String(pair[pair.index(after: equals)...])))
        }
        let names = regionNames.isEmpty ? configRegion.map { [$0] } ?? [] : regionNames.flatMap { $0.split(separator: ",").map(String.init) }
        for name in names {
            guard let region = Region(name) else {
                throw CommandError("--region: '\(name)' is not a region taplint knows (\(Region.all.first ?? "") … \(Region.all.last ?? ""))")
            }
            if !deployment.regions.contains(region) { deployment.regions.append(region) }
        }
        return deployment
    }

    private static func read(_ file: String, _ kind: String) throws(CommandError) -> [UInt8] {
        switch FileSystem.read(file) {
        case .failure(let failure): throw CommandError("cannot read \(kind) \(file): \(failure.reason)")
        case .success(let bytes): return bytes
        }
    }
}
