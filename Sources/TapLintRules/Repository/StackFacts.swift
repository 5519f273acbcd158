import TapLintCore

/// What one template tells the others of a repository: the exports it
/// declares, the exports it imports, the nested stacks it makes from local
/// templates and the outputs of theirs it reads, and the parameters and
/// outputs a parent meets. Taken from the template when it is linted, so
/// that looking across files parses nothing again.
public struct StackFacts: Sendable {
    public struct Export: Sendable {
        public var name: ExportName
        public var output: String
        public var range: SourceRange
        public var path: [PathElement]
    }

    public struct Import: Sendable {
        public var name: ExportName
        public var range: SourceRange
        public var path: [PathElement]
        public var resource: String?
    }

    /// A nested stack whose template is a file beside this one (what
    /// `aws cloudformation package` and `sam package` upload).
    public struct Nested: Sendable {
        public var resource: String
        /// The path as written, relative to this template's folder.
        public var location: String
        public var locationRange: SourceRange
        public var locationPath: [PathElement]
        /// The parameters passed, one set per way the `Fn::If`s around them
        /// can go; nil when they are computed otherwise.
        public var parameters: [Alternative]?
        /// Where a missing parameter is reported: the `Parameters` key, else the resource.
        public var parametersRange: SourceRange
        public var path: [PathElement]
    }

    /// The parameters one way of the conditions passes.
    public struct Alternative: Sendable {
        /// `IsProd is true`, one per `Fn::If` on the way; empty without one.
        public var conditions: [String]
        public var passed: [Passed]
    }

    public struct Passed: Sendable {
        public var name: String
        /// The text passed; nil for a value only the deploy knows.
        public var value: String?
        public var range: SourceRange
    }

    /// `Fn::GetAtt Child.Outputs.Name` (or `${Child.Outputs.Name}`).
    public struct OutputUse: Sendable {
        public var resource: String
        public var output: String
        public var range: SourceRange
        public var path: [PathElement]
    }

    /// An export the change since `--base` removes, and where CHG003 reports it.
    public struct RemovedExport: Sendable {
        public var name: ExportName
        public var output: String
        public var violation: Violation
    }

    public var exports: [Export] = []
    public var removedExports: [RemovedExport] = []
    public var imports: [Import] = []
    public var nested: [Nested] = []
    public var outputUses: [OutputUse] = []
    /// The template's parameters, for the values a parent passes.
    public var parameters: [Declaration] = []
    public var outputs: [String] = []
    /// The template's suppressions, for the findings the run adds to it.
    var suppressions: Suppressions?

    public init() {}

    /// True when the template speaks to other stacks: it nests one, exports
    /// or imports a value, or no longer exports one it did. Templates that
    /// all keep to themselves, as most folders' do, need no tying together.
    public var reachesOtherStacks: Bool {
        !nested.isEmpty || !exports.isEmpty || !imports.isEmpty || !removedExports.isEmpty
    }

    init(_ context: LintContext, suppressions: Suppressions) {
        self.suppressions = suppressions
        let template = context.template
        parameters = template.parameters
        outputs = template.outputs.map(\.name)
        for output in template.outputs {
            guard let node = output["Export"]?["Name"], let name = ExportName(node) else { continue }
            exports.append(Export(name: name, output: output.name, range: node.valueRange,
                                  path: [.key("Outputs"), .key(output.name), .key("Export"), .key("Name")]))
        }
        for use in context.references.imports {
            guard let name = ExportName(use.name) else { continue }
            let resource: String? = if case .resource(let i) = use.owner { template.resources[i].name } else { nil }
            imports.append(Import(name: name, range: use.range, path: use.path, resource: resource))
        }
        var stacks = Set<String>()
        for resource in template.resources {
            guard let nested = Self.nested(resource) else { continue }
            self.nested.append(nested)
            stacks.insert(resource.name)
        }
        guard !stacks.isEmpty else { return }
        for reference in context.references.references where stacks.contains(reference.target) {
            guard let attribute = reference.attribute, attribute.hasPrefix("Outputs.") else { continue }
            outputUses.append(OutputUse(resource: reference.target, output: String(attribute.dropFirst(8)),
                                        range: reference.range, path: reference.path))
        }
    }

    /// A stack made from a local template, and what it is passed.
    private static func nested(_ resource: Resource) -> Nested? {
        let property: String
        switch resource.type {
        case "AWS::CloudFormation::Stack": property = "TemplateURL"
        case "AWS::Serverless::Application": property = "Location"
        default: return nil
        }
        guard let node = resource.properties?[property], let location = node.string, isLocal(location) else { return nil }
        let base: [PathElement] = [.key("Resources"), .key(resource.name)]
        let entry = resource.properties?.entry("Parameters")
        let passed = entry.map { alternatives($0.value, conditions: []) } ?? [Alternative(conditions: [], passed: [])]
        return Nested(resource: resource.name, location: location, locationRange: node.valueRange,
                      locationPath: base + [.key("Properties"), .key(property)], parameters: passed,
                      parametersRange: (entry?.key ?? resource.declaration.key).range,
                      path: base + [.key("Properties"), .key(entry == nil ? property : "Parameters")])
    }

    /// The ways a nested stack's Parameters can go: each branch of an
    /// `Fn::If`, a mapping as written; nil for anything computed otherwise.
    private static func alternatives(_ node: Node, conditions: [String]) -> [Alternative]? {
        if Node.isNoValue(node) { return [Alternative(conditions: conditions, passed: [])] }
        if let call = node.intrinsic {
            guard call.name == .if, let items = call.argument.sequence, items.count == 3, let name = items[0].string,
                  let yes = alternatives(items[1], conditions: conditions + ["\(name) is true"]),
                  let no = alternatives(items[2], conditions: conditions + ["\(name) is false"]) else { return nil }
            return yes + no
        }
        guard let entries = node.mapping else { return nil }
        let passed = entries.compactMap { item -> Passed? in
            // `!Ref AWS::NoValue` passes nothing.
            guard let name = item.name, !Node.isNoValue(item.value) else { return nil }
            let text = item.value.string ?? item.value.scalar.flatMap { item.value.tag == nil ? $0.value : nil }
            return Passed(name: name, value: text, range: item.key.range)
        }
        return [Alternative(conditions: conditions, passed: passed)]
    }

    /// A path `package` uploads, not a URL or a bucket's object.
    public static func isLocal(_ location: String) -> Bool {
        let lower = location.lowercased()
        return !location.isEmpty && !lower.hasPrefix("http://") && !lower.hasPrefix("https://") && !lower.hasPrefix("s3://")
            && !location.contains("${")
    }
}
