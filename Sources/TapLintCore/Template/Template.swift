/// A named entry of a top-level section (a parameter, mapping, condition,
/// resource or output): its name, the key node to point at, and its body.
public struct Declaration: Sendable {
    public var name: String
    public var key: Node
    public var body: Node

    public subscript(attribute: String) -> Node? { body[attribute] }
}

/// A resource with the attributes every rule asks about decoded once.
///
/// A class, read-only: rules go through every resource, some many times,
/// and copying one as a struct retained each of its nodes and strings.
public final class Resource: Sendable {
    public let declaration: Declaration
    public var name: String { declaration.name }
    public var body: Node { declaration.body }
    /// `Type`, when it is a plain string.
    public let type: String?
    public let properties: Node?
    /// Each `DependsOn` entry, as written (a single string or a list).
    public let dependsOn: [Node]
    /// The `Condition` attribute's node.
    public let condition: Node?

    init(_ declaration: Declaration) {
        self.declaration = declaration
        type = declaration["Type"]?.string
        properties = declaration["Properties"]
        dependsOn = declaration["DependsOn"]?.items ?? []
        condition = declaration["Condition"]
    }

    /// Custom resources and third-party types take whatever properties their
    /// provider defines; schema checks leave them alone.
    public var isCustom: Bool {
        guard let type else { return false }
        return type.hasPrefix("Custom::") || type == "AWS::CloudFormation::CustomResource"
    }
}

/// A CloudFormation template: the tree plus its sections decoded.
///
/// Built once per file; every rule reads the same instance. The sections
/// sit in one read-only object, so that a copy (rules and the engine make
/// a hundred a file) retains one reference, not each of a dozen fields.
public struct Template: Sendable {
    private let sections: Sections

    public var root: Node { sections.root }
    public var parameters: [Declaration] { sections.parameters }
    public var mappings: [Declaration] { sections.mappings }
    public var conditions: [Declaration] { sections.conditions }
    public var resources: [Resource] { sections.resources }
    public var outputs: [Declaration] { sections.outputs }
    /// The names in `Transform` (a string or a list).
    public var transforms: [String] { sections.transforms }
    /// True when a preprocessor (the Rain CLI) rewrites the template first.
    public var usesPreprocessor: Bool { sections.usesPreprocessor }
    /// The ids SAM gives the connectors written on resources
    /// (`Connectors: {Writes: …}` on Queue is `QueueWrites`): a `DependsOn`
    /// may name one, and SAM puts what the connector generates in its place.
    public var embeddedConnectors: Set<String> { sections.embeddedConnectors }

    /// What the SAM transform adds (empty without it), in template order.
    public private(set) var generated: [GeneratedResource] = []
    private var generatedIndex: [String: Int] = [:]

    /// The template's sections, decoded from the tree.
    private final class Sections: Sendable {
        let root: Node
        let parameters: [Declaration]
        let mappings: [Declaration]
        let conditions: [Declaration]
        let resources: [Resource]
        let outputs: [Declaration]
        let transforms: [String]
        let usesPreprocessor: Bool
        /// Resources whose expansion adds resources named after them that
        /// taplint does not list: modules, and the SAM resources whose
        /// expansion `ServerlessExpansion` does not model.
        let generators: [String]
        let embeddedConnectors: Set<String>
        /// True when `generated` is SAM's whole expansion, apart from the
        /// resources in `generators`.
        let modelsServerless: Bool
        let resourceIndex: NameIndex
        let parameterIndex: NameIndex
        let conditionIndex: NameIndex

        init(root: Node, usesPreprocessor: Bool) {
            self.root = root
            parameters = Template.declarations(root["Parameters"])
            mappings = Template.declarations(root["Mappings"])
            conditions = Template.declarations(root["Conditions"])
            resources = Template.declarations(root["Resources"]).map(Resource.init)
            outputs = Template.declarations(root["Outputs"])
            transforms = (root["Transform"]?.items ?? []).compactMap(\.string)
            self.usesPreprocessor = usesPreprocessor
            resourceIndex = NameIndex(resources.map(\.name))
            parameterIndex = NameIndex(parameters.map(\.name))
            conditionIndex = NameIndex(conditions.map(\.name))
            let serverlessOnly = !usesPreprocessor && !transforms.isEmpty
                && transforms.allSatisfy { $0.hasPrefix("AWS::Serverless") }
            let expands = serverlessOnly && transforms.contains("AWS::Serverless-2016-10-31")
            modelsServerless = expands
            generators = resources.compactMap { resource in
                guard let type = resource.type else { return nil }
                if type.hasSuffix("::MODULE") { return resource.name }
                guard serverlessOnly, type.hasPrefix("AWS::Serverless::") else { return nil }
                return expands && ServerlessExpansion.models(type) ? nil : resource.name
            }
            embeddedConnectors = expands ? Set(resources.flatMap { resource in
                (resource.body["Connectors"]?.mapping ?? []).compactMap { $0.name.map { resource.name + $0 } }
            }) : []
        }
    }

    /// Nil when the root is not a mapping: such a file is no template.
    public init?(root: Node, usesPreprocessor: Bool = false) {
        guard root.mapping != nil else { return nil }
        sections = Sections(root: root, usesPreprocessor: usesPreprocessor)
        if sections.modelsServerless {
            generated = ServerlessExpansion.resources(of: self)
            // Hashed ids are only their visible part: no reference can name them.
            for (i, resource) in generated.enumerated() where !resource.hashed && generatedIndex[resource.name] == nil {
                generatedIndex[resource.name] = i
            }
        }
    }

    /// True when the top level has what marks a CloudFormation template.
    public var looksLikeTemplate: Bool {
        root.entry("Resources") != nil || root.entry("AWSTemplateFormatVersion") != nil
    }

    public func resource(named name: String) -> Resource? {
        sections.resourceIndex.position(of: name).map { resources[$0] }
    }

    public func resourceIndex(of name: String) -> Int? { sections.resourceIndex.position(of: name) }

    public func hasResource(_ name: String) -> Bool { sections.resourceIndex.position(of: name) != nil }

    /// The resource SAM generates under this logical id, if any.
    public func generatedResource(named name: String) -> GeneratedResource? {
        generatedIndex[name].map { generated[$0] }
    }

    public func hasParameter(_ name: String) -> Bool { sections.parameterIndex.position(of: name) != nil }

    /// The first parameter declared under that name.
    public func parameter(named name: String) -> Declaration? {
        sections.parameterIndex.position(of: name).map { parameters[$0] }
    }

    public func hasCondition(_ name: String) -> Bool { sections.conditionIndex.position(of: name) != nil }

    /// A value as text where the template decides it: a string, or the
    /// default of the parameter a `Ref` names; nil for anything computed.
    public func stringValue(of node: Node?) -> String? {
        guard let node else { return nil }
        if let text = node.string { return text }
        guard let call = node.intrinsic, call.name == .ref, let name = call.argument.string,
              let parameter = parameter(named: name) else { return nil }
        return parameter["Default"]?.string
    }

    /// True when something rewrites the template before CloudFormation
    /// validates it (a transform, a macro, a preprocessor), adding names
    /// that only exist after that step.
    public var isRewrittenBeforeDeploy: Bool { !transforms.isEmpty || usesPreprocessor }

    /// True when the rewriting is only SAM's, whose generated names
    /// `mayBeGenerated` knows.
    public var isServerlessOnly: Bool {
        !usesPreprocessor && !transforms.isEmpty && transforms.allSatisfy { $0.hasPrefix("AWS::Serverless") }
    }

    /// True for a name that a module or SAM may add when it expands and
    /// that taplint cannot check: modules (`Type: X::MODULE`) name their
    /// resources `<Module><Resource>`; SAM names them after the resource it
    /// expands (`FunctionRole`) or `Serverless…` (`ServerlessRestApi`).
    /// Where taplint models SAM's expansion, only `generated` names are
    /// SAM's, and a name that merely starts like one is a mistake.
    public func mayBeGenerated(_ name: String) -> Bool {
        if isServerlessOnly, !sections.modelsServerless, name.hasPrefix("Serverless") { return true }
        return sections.generators.contains { name.hasPrefix($0) }
    }

    private static func declarations(_ section: Node?) -> [Declaration] {
        (section?.mapping ?? []).compactMap { entry in
            entry.name.map { Declaration(name: $0, key: entry.key, body: entry.value) }
        }
    }
}
