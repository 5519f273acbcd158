import TapLintCore

/// One version of a template as the stack of one deployment receives it:
/// which resources its conditions keep, and the text of values its
/// parameter values decide. The change gate compares two of these, so that
/// a replacement that happens only with one deployment's values is
/// reported for that deployment alone.
///
/// Only the values the deployment gives are used: a parameter it leaves
/// out may keep its previous value on update (what `aws cloudformation
/// deploy` and `sam deploy` do), so its `Default` says nothing sure.
struct DeployedStack {
    let template: Template
    let deployed: [String: [String]]
    let conditions: ConditionModel

    init(_ template: Template, deployed: [String: [String]]) {
        self.template = template
        self.deployed = deployed
        conditions = ConditionModel(template, deployed: deployed)
    }

    /// False when the deployment's values make the resource's `Condition`
    /// false: the stack does not have it.
    func has(_ resource: Resource) -> Bool {
        guard let name = resource.condition?.string else { return true }
        return decide(name) != false
    }

    /// A value as text, or `absent`, when the deployment decides it; nil
    /// when it depends on something only the deploy knows.
    func text(of node: Node?) -> Decided? {
        guard let node, !Node.isNoValue(node) else { return .absent }
        if let text = node.string { return .text(text) }
        guard let call = node.intrinsic else { return nil }
        switch call.name {
        case .ref:
            return call.argument.string.flatMap(variable).map { .text($0) }
        case .if:
            guard let items = call.argument.sequence, items.count == 3, let name = items[0].string,
                  let taken = decide(name) else { return nil }
            return text(of: taken ? items[1] : items[2])
        case .sub:
            guard let sub = SubCall(call.argument) else { return nil }
            var out = ""
            for part in sub.text.parts {
                switch part {
                case .literal(let literal): out += literal
                case .variable(let name, _):
                    if let given = sub.variables.first(where: { $0.name == name }) {
                        guard case .text(let value)? = text(of: given.value) else { return nil }
                        out += value
                    } else {
                        guard let value = variable(name) else { return nil }
                        out += value
                    }
                }
            }
            return .text(out)
        case .join:
            guard let items = call.argument.sequence, items.count == 2, let delimiter = items[0].string,
                  let list = items[1].sequence else { return nil }
            var pieces: [String] = []
            for item in list {
                guard case .text(let piece)? = text(of: item) else { return nil }
                pieces.append(piece)
            }
            return .text(pieces.joined(separator: delimiter))
        default:
            return nil
        }
    }

    /// What a decided value is.
    enum Decided: Equatable {
        /// The text, where a value the stack keeps across updates (its
        /// account, region, name) may stand as a placeholder.
        case text(String)
        case absent

        /// True when the two are the same in the stack; false when they
        /// differ; nil when only a placeholder's value could tell.
        func same(as other: Decided) -> Bool? {
            if self == other { return true }
            guard case .text(let a) = self, case .text(let b) = other else { return false }
            return a.contains(DeployedStack.placeholder) || b.contains(DeployedStack.placeholder) ? nil : false
        }
    }

    /// Marks a stack's own value in a decided text.
    static let placeholder: Character = "\u{1}"

    /// Pseudo parameters that stay the same for the life of a stack: equal
    /// in its old and new template whatever they are.
    private static let stackConstants: Set<String> = [
        "AWS::AccountId", "AWS::Region", "AWS::Partition", "AWS::StackName", "AWS::StackId", "AWS::URLSuffix",
    ]

    /// A parameter's or pseudo parameter's value when the deployment fixes
    /// exactly one; a stack constant it does not fix is a placeholder.
    private func variable(_ name: String) -> String? {
        if let values = deployed[name], values.count == 1, template.hasParameter(name) || name.hasPrefix("AWS::") {
            return values[0]
        }
        guard Self.stackConstants.contains(name) else { return nil }
        return "\(Self.placeholder)\(name)\(Self.placeholder)"
    }

    /// The condition's value in this deployment; nil when undecided.
    private func decide(_ name: String) -> Bool? {
        guard conditions.knows(name) else { return nil }
        if conditions.solve(.condition(name, true)) == .never { return false }
        if conditions.solve(.condition(name, false)) == .never { return true }
        return nil
    }
}
