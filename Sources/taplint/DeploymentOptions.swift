import ArgumentParser
import TapLintCore
import TapLintRules

/// The parameter values of the deployment a template is judged for.
struct DeploymentOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Parameter values of the deployment, as Key=Value pairs separated by commas (repeatable; later wins).",
                               valueName: "values"))
    var parameters: [String] = []

    @Option(name: .customLong("parameter-file"),
            help: ArgumentHelp("Parameter values from a file: the AWS CLI's list of ParameterKey/ParameterValue, or a CodePipeline template configuration.",
                               valueName: "file"))
    var parameterFile: String?

    @Option(name: .customLong("region"),
            help: ArgumentHelp("A region the stack is deployed to (repeatable, or separated by commas).", valueName: "region"))
    var regionNames: [String] = []

    /// The regions named, each known to the catalog.
    func regions() throws(CommandError) -> [Region] {
        var regions: [Region] = []
        for name in regionNames.flatMap({ $0.split(separator: ",").map(String.init) }) {
            guard let region = Region(name) else {
                throw CommandError("--region: '\(name)' is not a region taplint knows (\(Region.all.first ?? "") … \(Region.all.last ?? ""))")
            }
            if !regions.contains(region) { regions.append(region) }
        }
        return regions
    }

    @Option(name: .customLong("deployment-file"),
            help: ArgumentHelp("A Git sync deployment file: the template it names, checked with its parameters (give no paths).",
                               valueName: "file"))
    var deploymentFile: String?

    private func deployment() throws(CommandError) -> (template: String, values: ParameterValues)? {
        guard let deploymentFile else { return nil }
        switch FileSystem.read(deploymentFile) {
        case .failure(let failure): throw CommandError("cannot read deployment file \(deploymentFile): \(failure.reason)")
        case .success(let bytes):
            do { return try ParameterValues.readDeployment(bytes, file: deploymentFile) } catch { throw CommandError(error.message) }
        }
    }

    /// The template a deployment file names (nil without one), and the
    /// values given: the file's first (a parameter or deployment file) and
    /// `--parameters` over them; nil when none are, so that the template is
    /// judged for every value.
    func resolve() throws(CommandError) -> (template: String?, values: ParameterValues?) {
        guard parameterFile != nil || deploymentFile != nil || !parameters.isEmpty else { return (nil, nil) }
        if parameterFile != nil, deploymentFile != nil {
            throw CommandError("--parameter-file and --deployment-file both give the values: give one")
        }
        let deployed = try deployment()
        var values = deployed?.values ?? ParameterValues(source: parameterFile ?? "--parameters")
        if let parameterFile {
            switch FileSystem.read(parameterFile) {
            case .failure(let failure): throw CommandError("cannot read parameter file \(parameterFile): \(failure.reason)")
            case .success(let bytes):
                do { values = try ParameterValues.read(bytes, file: parameterFile) } catch { throw CommandError(error.message) }
            }
        }
        for pair in parameters.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: true) }) {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw CommandError("--parameters: '\(pair)' is not Key=Value")
            }
            values.add(.init(name: String(pair[..<equals]), value: String(pair[pair.index(after: equals)...])))
        }
        return (deployed?.template, values)
    }
}
