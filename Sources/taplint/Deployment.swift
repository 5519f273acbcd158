import TapLintCore
import TapLintRules

/// One stack a template is deployed as: a name for reports, the values it
/// is given, and the regions it goes to.
struct Deployment: Sendable {
    /// What reports call it (`in deployment prod`).
    let name: String
    /// The template it deploys, when it names one (a Git sync file, or
    /// `template:` in `.taplint.yml`).
    let template: String?
    /// The template's absolute path, resolved once, to tell which input it is.
    let templateKey: String?
    let values: ParameterValues?
    let regions: [Region]

    init(name: String, template: String?, values: ParameterValues?, regions: [Region]) {
        self.name = name
        self.template = template
        templateKey = template.map(Paths.absolute)
        self.values = values
        self.regions = regions
    }
}

/// How a deployment is written down, on the command line or in
/// `.taplint.yml`, before its files are read. Both read it the same way.
struct DeploymentSpec: Sendable {
    var name: String?
    var template: String?
    var parameterFile: String?
    /// The samconfig.toml environment to read.
    var configEnvironment = "default"
    var deploymentFile: String?
    var parameters: [ParameterValues.Given] = []
    /// Where `parameters` were written: `--parameters`, or the configuration file.
    var parametersSource = "--parameters"
    var regionNames: [String] = []
    /// `file:line:column: ` of the configuration entry, for errors; empty on
    /// the command line, where the option names itself.
    var origin = ""

    /// Reads the files it names (relative to `directory`); `--parameters`
    /// go over a file's values, and the regions given over a samconfig's.
    func resolve(in directory: String) throws(CommandError) -> Deployment {
        if parameterFile != nil, deploymentFile != nil {
            throw CommandError(origin + (origin.isEmpty ? "--parameter-file and --deployment-file" : "parameter-file and deployment-file")
                + " both give the values: give one")
        }
        var template = template.map { Self.path($0, in: directory) }
        var values: ParameterValues?
        var configRegion: String?
        if let deploymentFile {
            let file = Self.path(deploymentFile, in: directory)
            let bytes = try read(file, "deployment file")
            do {
                let (named, read) = try ParameterValues.readDeployment(bytes, file: file)
                // Git sync reads template-file-path from the repository's root.
                let root = Paths.repositoryRoot(of: file).map(Paths.display) ?? "."
                (template, values) = (template ?? Self.path(named, in: root), read)
            } catch { throw CommandError(error.message) }
        }
        if let parameterFile {
            let file = Self.path(parameterFile, in: directory)
            let bytes = try read(file, "parameter file")
            do {
                if file.hasSuffix(".toml") {
                    let config = try SAMConfig.read(bytes, file: file, environment: configEnvironment)
                    (values, configRegion) = (config.values, config.region)
                } else {
                    values = try ParameterValues.read(bytes, file: file)
                }
            } catch { throw CommandError(error.message) }
        }
        for given in parameters {
            if values == nil { values = ParameterValues(source: parametersSource) }
            values?.add(given)
        }
        var regions: [Region] = []
        let names = regionNames.isEmpty ? configRegion.map { [$0] } ?? [] : regionNames
        for name in names {
            guard let region = Region(name) else {
                throw CommandError((origin.isEmpty ? "--region: " : origin) + "'\(name)' is not a region taplint knows (\(Region.all.first ?? "") … \(Region.all.last ?? ""))")
            }
            if !regions.contains(region) { regions.append(region) }
        }
        return Deployment(name: name ?? defaultName(regions: regions), template: template, values: values, regions: regions)
    }

    /// A command-line deployment is named for its file (`prod.json` is
    /// prod, a samconfig.toml its environment), else for its regions.
    private func defaultName(regions: [Region]) -> String {
        if let file = parameterFile ?? deploymentFile {
            if file.hasSuffix(".toml") { return configEnvironment }
            let base = file.split(separator: "/").last.map(String.init) ?? file
            return base.split(separator: ".").first.map(String.init) ?? base
        }
        if parameters.isEmpty, !regions.isEmpty { return regions.map(\.name).joined(separator: ",") }
        return "command-line"
    }

    /// A path written relative to `directory`, as reports show it.
    static func path(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") || directory == "." || directory.isEmpty ? path : Paths.display(Paths.join(directory, path))
    }

    private func read(_ file: String, _ kind: String) throws(CommandError) -> [UInt8] {
        switch FileSystem.read(file) {
        case .failure(let failure): throw CommandError(origin + "cannot read \(kind) \(file): \(failure.reason)")
        case .success(let bytes): return bytes
        }
    }
}
